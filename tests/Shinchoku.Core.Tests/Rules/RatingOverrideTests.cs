using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Rules;

public class RatingOverrideTests
{
    private static readonly DateTimeOffset At = new(2021, 2, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static readonly Evaluation Computed = Evaluator.Evaluate(
        new ReportValues(KpiValue.Parse("0時間").Value, NoValue.Nothing, KpiValue.Parse("約2,500時間").Value, KpiValue.Parse("6,000時間").Value, KpiValue.Parse("3,000時間").Value),
        Direction.Increase);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Override_WithoutReason_IsRefused(string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new RatingOverride(OverrideKind.Unknown, reason, "dx-office", At));
        Assert.Equal("reason", error.ParamName);
    }

    [Fact]
    public void Override_ReplacesMarks_AndKeepsTheComputedVisible()
    {
        var marks = new EffectiveMarks(Computed, new RatingOverride(OverrideKind.Unknown, "システム構築中で実績が未定のため", "dx-office", At));
        Assert.True(marks.IsOverridden);
        Assert.Equal("不明", marks.RatingGlyph);
        Assert.Null(marks.Rating);
        Assert.Equal(Rating.BelowHalf, marks.Computed.Rating);
    }

    [Fact]
    public void Override_OfOneMark_KeepsTheOthersComputed()
    {
        var marks = new EffectiveMarks(Computed, new RatingOverride(OverrideKind.Marks, "理由", "dx-office", At, rating: Rating.HalfOrMore));
        Assert.Equal(Rating.HalfOrMore, marks.Rating);
        Assert.Equal(Computed.Trend, marks.Trend);
        Assert.Equal(Computed.InterimReached, marks.InterimReached);
    }

    [Fact]
    public void Override_MarksWithoutAnyMark_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new RatingOverride(OverrideKind.Marks, "理由", "dx-office", At));
    }
}
