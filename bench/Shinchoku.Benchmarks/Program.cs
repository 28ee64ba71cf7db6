using System.Text.Json;
using BenchmarkDotNet.Running;

namespace Shinchoku.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (--filter '*' for all).</summary>
public static class Program
{
    /// <summary>Entry point: hands the arguments to BenchmarkDotNet's switcher.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>One row of the seed report, value cells only.</summary>
public sealed record SeedRow
{
    /// <summary>Row id, e.g. 4-1-01.</summary>
    public string Id { get; init; } = "";

    /// <summary>The indicator's name.</summary>
    public string Indicator { get; init; } = "";

    /// <summary>基準値.</summary>
    public string Baseline { get; init; } = "";

    /// <summary>実績値.</summary>
    public string Actual { get; init; } = "";

    /// <summary>見込値.</summary>
    public string Projection { get; init; } = "";

    /// <summary>中間目標 (資料4-1 rows only).</summary>
    public string? InterimTarget { get; init; }

    /// <summary>最終目標.</summary>
    public string FinalTarget { get; init; } = "";

    /// <summary>The value cells of the row, in column order (interim target only when written).</summary>
    public IEnumerable<string> ValueCells()
    {
        yield return Baseline;
        yield return Actual;
        yield return Projection;
        if (InterimTarget is not null)
        {
            yield return InterimTarget;
        }

        yield return FinalTarget;
    }
}

/// <summary>Loads tests/Shinchoku.Core.Tests/Data/r2-progress-report.json, found from the repository root.</summary>
public static class SeedRows
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every row of the seed report.</summary>
    public static IReadOnlyList<SeedRow> Load()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Shinchoku.Core.Tests", "Data", "r2-progress-report.json");
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<SeedFile>(stream, Options) ?? throw new InvalidDataException(path);
        return file.Rows;
    }

    /// <summary>The folder holding Shinchoku.slnx, walking up from the running assembly's folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shinchoku.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Shinchoku.slnx not found above " + AppContext.BaseDirectory);
    }

    private sealed record SeedFile(IReadOnlyList<SeedRow> Rows);
}
