using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shinchoku.Core.Tests;

/// <summary>The rows of the 令和2年度 progress report excerpt, transcribed in Data/r2-progress-report.json.</summary>
public static class SeedReport
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<SeedRow>> LazyRows = new(Load);

    public static IReadOnlyList<SeedRow> Rows => LazyRows.Value;

    public static SeedRow Row(string id) => Rows.Single(r => r.Id == id);

    /// <summary>Row ids for xunit's MemberData.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows)
        {
            data.Add(row.Id);
        }

        return data;
    }

    private static IReadOnlyList<SeedRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "r2-progress-report.json");
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<SeedFile>(stream, Options)
            ?? throw new InvalidDataException(path);
        return file.Rows;
    }

    private sealed record SeedFile(IReadOnlyList<SeedRow> Rows);
}

public sealed record SeedRow
{
    public required string Id { get; init; }
    public required string Table { get; init; }
    public required string Indicator { get; init; }
    public string Baseline { get; init; } = "";
    public string Actual { get; init; } = "";
    public string Projection { get; init; } = "";
    public string? InterimTarget { get; init; }
    public string FinalTarget { get; init; } = "";
    public string PrintedTrend { get; init; } = "";
    public string? PrintedRating { get; init; }
    public string? PrintedInterimReached { get; init; }
    public string? JudgedDifferently { get; init; }

    /// <summary>Expected parse errors per cell, e.g. {"actual": "DigitGrouping"}; cells not named must parse.</summary>
    [JsonPropertyName("expectedErrors")]
    public IReadOnlyDictionary<string, string>? ExpectedErrors { get; init; }

    public IEnumerable<(string Column, string Text)> ValueCells()
    {
        yield return ("baseline", Baseline);
        yield return ("actual", Actual);
        yield return ("projection", Projection);
        if (InterimTarget is not null)
        {
            yield return ("interimTarget", InterimTarget);
        }

        yield return ("finalTarget", FinalTarget);
    }

    public override string ToString() => $"{Id} {Indicator}";
}
