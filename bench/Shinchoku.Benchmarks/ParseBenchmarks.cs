using BenchmarkDotNet.Attributes;
using Shinchoku.Core.Values;

namespace Shinchoku.Benchmarks;

/// <summary>
/// KpiValue.Parse on the value cells of the seed report (180 cells of 42 rows), reported per cell,
/// and on a few typical single cells.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    /// <summary>Every value cell of every seed row, in row and column order; the count is <see cref="CellCount"/>.</summary>
    private string[] cells = [];

    /// <summary>The number of value cells in the seed report: 42 rows × 4 or 5 columns.</summary>
    public const int CellCount = 180;

    /// <summary>Loads the seed rows and checks the cell count the per-cell figures are divided by.</summary>
    [GlobalSetup]
    public void Setup()
    {
        cells = [.. SeedRows.Load().SelectMany(r => r.ValueCells())];
        if (cells.Length != CellCount)
        {
            throw new InvalidOperationException($"The seed report has {cells.Length} value cells, not {CellCount}: update CellCount.");
        }
    }

    /// <summary>Parses every value cell once; figures are per cell.</summary>
    [Benchmark(OperationsPerInvoke = CellCount)]
    public int AllSeedCells()
    {
        var ok = 0;
        foreach (var cell in cells)
        {
            if (KpiValue.Parse(cell).Success)
            {
                ok++;
            }
        }

        return ok;
    }

    /// <summary>A number with an as-of note.</summary>
    [Benchmark]
    public object QuantityWithAsOf() => KpiValue.Parse("1,095,825件\n(令和元年11月現在)");

    /// <summary>A ratio.</summary>
    [Benchmark]
    public object Ratio() => KpiValue.Parse("59/465");

    /// <summary>A lone dash: nothing written.</summary>
    [Benchmark]
    public object Dash() => KpiValue.Parse("－");

    /// <summary>A direction-only target.</summary>
    [Benchmark]
    public object DirectionGoal() => KpiValue.Parse("増加を目指します。");
}
