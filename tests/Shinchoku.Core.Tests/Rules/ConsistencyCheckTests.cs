using Shinchoku.Core.Parsing;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Rules;

public class ConsistencyCheckTests
{
    private static readonly Evaluation Computed = Evaluator.Evaluate(
        new ReportValues(KpiValue.Parse("59/465").Value, KpiValue.Parse("209/447").Value, NoValue.Nothing, KpiValue.Parse("447/447").Value),
        Direction.Increase);

    [Theory]
    [InlineData("(↗)", "△", Consistency.Agrees)]
    [InlineData("（↗）", "△", Consistency.Agrees)]
    [InlineData("↗", "△", Consistency.Differs)]      // printed as if from a projection
    [InlineData("(↗)", "○", Consistency.Differs)]
    [InlineData("", "", Consistency.NotComparable)]
    [InlineData("不明", "不明", Consistency.Differs)]
    public void Compare_PrintedAgainstComputed(string trend, string rating, Consistency expected)
    {
        var printed = PrintedMarks.Parse(trend, rating).Value;
        var check = ConsistencyCheck.Compare(Computed, printed);
        Assert.Equal(expected, check.Result);
        Assert.Equal(expected == Consistency.Agrees, check.Reason is null);
    }

    [Theory]
    [InlineData("ー")]
    [InlineData("－")]
    [InlineData("―")]
    [InlineData("-")]
    public void PrintedDash_OfAnyKind_IsNoChange(string dash)
    {
        Assert.Equal(Rating.NoChange, PrintedMarks.Parse("→", dash).Value.Rating);
    }

    [Fact]
    public void PrintedUnknown_AgreesWithAnUnknownValue()
    {
        var unknown = Evaluator.Evaluate(new ReportValues(KpiValue.Parse("0時間").Value, KpiValue.Parse("不明").Value, NoValue.Nothing, KpiValue.Parse("6,000時間").Value), Direction.Increase);
        Assert.Equal(Consistency.Agrees, ConsistencyCheck.Compare(unknown, PrintedMarks.Parse("不明", "不明").Value).Result);
    }

    [Fact]
    public void ComputedNotRated_PrintedMark_IsNotComparable_WithReason()
    {
        var noDirection = Evaluator.Evaluate(new ReportValues(KpiValue.Parse("1件").Value, KpiValue.Parse("2件").Value, null, null), Direction.Unknown);
        var check = ConsistencyCheck.Compare(noDirection, PrintedMarks.Parse("↗", "◎").Value);
        Assert.Equal(Consistency.NotComparable, check.Result);
        Assert.Contains("方向", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("↗↗", "◎")]
    [InlineData("↗", "A")]
    public void UnreadableMarks_AreErrorsNamingTheCell(string trend, string rating)
    {
        var result = PrintedMarks.Parse(trend, rating);
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Problem == ParseProblem.Unrecognised);
    }
}
