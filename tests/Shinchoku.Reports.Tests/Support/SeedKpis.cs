using System.Text.Json;

namespace Shinchoku.Reports.Tests.Support;

/// <summary>One row of the transcribed 令和2年度 report (tests/Shinchoku.Core.Tests/Data/r2-progress-report.json), every cell as printed.</summary>
public sealed record SeedKpi
{
    public required string Id { get; init; }
    public required string Table { get; init; }
    public required string Area { get; init; }
    public required string Section { get; init; }
    public string? Subsection { get; init; }
    public required string Initiative { get; init; }
    public required string Indicator { get; init; }
    public string? SubIndicator { get; init; }
    public string Baseline { get; init; } = "";
    public string Actual { get; init; } = "";
    public string Projection { get; init; } = "";
    public string? ProjectionBasis { get; init; }
    public string? InterimTarget { get; init; }
    public string FinalTarget { get; init; } = "";
    public string? Status { get; init; }
    public string? MissedReason { get; init; }
    public string? Countermeasure { get; init; }
    public string? Challenges { get; init; }
    public string? Plan { get; init; }
    public string? Question { get; init; }
    public string? PrintedTrend { get; init; }
    public string? PrintedRating { get; init; }
    public string? PrintedInterimReached { get; init; }
    public string? JudgedDifferently { get; init; }
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>The indicator's name as the demo data stores it: sub-rows get their label, 「…（電子申請）」.</summary>
    public string StoredName => SubIndicator is null ? Indicator : $"{Indicator}（{SubIndicator}）";

    public override string ToString() => $"{Id} {Indicator}";
}

/// <summary>Loads the seed rows once.</summary>
public static class SeedKpis
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<SeedKpi>> Lazy = new(Load);

    public static IReadOnlyList<SeedKpi> All => Lazy.Value;

    public static IEnumerable<SeedKpi> Of(string table) => All.Where(r => r.Table == table);

    public static SeedKpi Row(string id) => All.Single(r => r.Id == id);

    private static List<SeedKpi> Load()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Data", "r2-progress-report.json"),
            Path.Combine(AppContext.BaseDirectory, "DemoData", "r2-progress-report.json"),
        };
        var path = candidates.First(File.Exists);
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("rows").Deserialize<List<SeedKpi>>(Options)!;
    }
}
