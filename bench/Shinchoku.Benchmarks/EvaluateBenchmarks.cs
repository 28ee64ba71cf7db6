using BenchmarkDotNet.Attributes;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Benchmarks;

/// <summary>
/// Evaluator.Evaluate on the 42 pre-parsed rows of the seed report, reported per row: with the direction
/// precomputed, and with the direction inferred by the indicator. Must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    /// <summary>The number of rows in the seed report.</summary>
    public const int RowCount = 42;

    private ReportValues[] values = [];
    private Direction[] directions = [];
    private Indicator[] indicators = [];

    /// <summary>Loads and parses the seed rows; a cell that fails to parse counts as nothing written, as in the tests.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rows = SeedRows.Load();
        if (rows.Count != RowCount)
        {
            throw new InvalidOperationException($"The seed report has {rows.Count} rows, not {RowCount}: update RowCount.");
        }

        values = [.. rows.Select(r => new ReportValues(
            Parse(r.Baseline), Parse(r.Actual), Parse(r.Projection), Parse(r.FinalTarget),
            r.InterimTarget is null ? null : Parse(r.InterimTarget)))];
        indicators = [.. rows.Select(r => new Indicator())];
        directions = [.. indicators.Select((indicator, i) => indicator.DirectionFor(values[i]))];
    }

    /// <summary>Evaluate(values, direction) with the direction precomputed; figures are per row.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RowCount)]
    public int WithDirection()
    {
        var rated = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (Evaluator.Evaluate(values[i], directions[i]).IsRated)
            {
                rated++;
            }
        }

        return rated;
    }

    /// <summary>Evaluate(indicator, values), which infers the direction from the targets; figures are per row.</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public int WithIndicator()
    {
        var rated = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (Evaluator.Evaluate(indicators[i], values[i]).IsRated)
            {
                rated++;
            }
        }

        return rated;
    }

    private static KpiValue? Parse(string text) => KpiValue.Parse(text).GetValueOrDefault();
}
