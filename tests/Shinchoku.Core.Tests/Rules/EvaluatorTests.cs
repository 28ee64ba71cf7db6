using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Rules;

public class EvaluatorTests
{
    private static Evaluation Rate(string baseline, string actual, string projection, string target, string? interim = null, Direction? direction = null)
    {
        var values = new ReportValues(P(baseline), P(actual), P(projection), P(target), interim is null ? null : P(interim));
        return Evaluator.Evaluate(new Indicator(direction), values);

        static KpiValue P(string text) => KpiValue.Parse(text).Value;
    }

    [Theory]
    [InlineData("0件", "100件", Rating.Achieved)]     // exactly 100%
    [InlineData("0件", "150件", Rating.Achieved)]     // above the target
    [InlineData("0件", "99件", Rating.HalfOrMore)]
    [InlineData("0件", "50件", Rating.HalfOrMore)]    // exactly 50%
    [InlineData("0件", "49件", Rating.BelowHalf)]
    [InlineData("0件", "1件", Rating.BelowHalf)]      // just above 0
    [InlineData("0件", "0件", Rating.NoChange)]
    [InlineData("10件", "5件", Rating.Declined)]      // negative progress
    public void Rating_FollowsTheLegend_AtItsBoundaries(string baseline, string projection, Rating expected)
    {
        var e = Rate(baseline, "－", projection, "100件");
        Assert.Equal(expected, e.Rating);
    }

    [Fact]
    public void Rating_ProjectionAboveTarget_IsDoubleCircle()
    {
        var e = Rate("1,935施設", "1,959施設", "2,100施設", "2,030施設");
        Assert.Equal(Rating.Achieved, e.Rating);
        Assert.Equal(Trend.Improved, e.Trend);
        Assert.False(e.FromActual);
    }

    [Fact]
    public void Value_WithoutProjection_IsTheActual_AndTheArrowIsParenthesised()
    {
        var e = Rate("59/465", "209/447", "－", "447/447");
        Assert.Equal(ValueSource.Actual, e.Source);
        Assert.Equal("(↗)", e.TrendGlyph);
        Assert.Equal(Rating.BelowHalf, e.Rating);
        Assert.InRange(e.Progress!.Value, 0.39m, 0.40m);
    }

    [Fact]
    public void Progress_IsExplainedInWords()
    {
        var values = new ReportValues(P("31件"), P("－"), P("39件"), P("41件"));
        var e = Evaluator.Evaluate(new Indicator(), values);
        Assert.Equal("(39 − 31) ÷ (41 − 31) = 80% → ○", Evaluator.Explain(values, e));

        static KpiValue P(string text) => KpiValue.Parse(text).Value;
    }

    [Fact]
    public void Decreasing_Indicator_RatesByDesiredDirectionNotRawNumber()
    {
        var up = Rate("16.9%", "18.5%", "－", "15.0%");
        Assert.Equal(Direction.Decrease, up.Direction);
        Assert.Equal("(↘)", up.TrendGlyph);
        Assert.Equal(Rating.Declined, up.Rating);

        var down = Rate("16.9%", "15.9%", "－", "14.9%");
        Assert.Equal(Trend.Improved, down.Trend);
        Assert.Equal(Rating.HalfOrMore, down.Rating);
    }

    [Fact]
    public void ThousandSheets_CompareWithSheets()
    {
        var e = Rate("405，823千枚", "－", "400,000,000枚", "365，241千枚");
        Assert.Equal(Trend.Improved, e.Trend);
        Assert.Equal(Rating.BelowHalf, e.Rating);
        Assert.Equal(EvaluationWarnings.None, e.Warnings);
    }

    [Fact]
    public void TargetEqualToBaseline_Unmoved_IsNoChange_WithoutDividingByZero()
    {
        var e = Rate("4回", "4回", "－", "4回");
        Assert.Equal(Trend.Unchanged, e.Trend);
        Assert.Equal(Rating.NoChange, e.Rating);
        Assert.Null(e.Progress);
    }

    [Fact]
    public void TargetEqualToBaseline_MovedAway_IsDeclined()
    {
        var e = Rate("4回", "2回", "2回", "4回");
        Assert.Equal(Trend.Worsened, e.Trend);
        Assert.Equal(Rating.Declined, e.Rating);
    }

    [Theory]
    [InlineData("2,850件", "4,159件", Trend.Improved, Rating.Achieved)]
    [InlineData("21団体", "21団体", Trend.Unchanged, Rating.NoChange)]
    [InlineData("65,667件/月", "40,267件/月", Trend.Worsened, Rating.Declined)]
    public void DirectionOnlyTarget_AnyImprovementReachesIt(string baseline, string actual, Trend trend, Rating rating)
    {
        var e = Rate(baseline, actual, "－", "増加を目指します。");
        Assert.Equal(trend, e.Trend);
        Assert.Equal(rating, e.Rating);
    }

    [Fact]
    public void StateTarget_Reached_IsDoubleCircle()
    {
        var e = Rate("0件", "0件", "全施設公開", "全施設公開");
        Assert.Equal(Direction.ReachState, e.Direction);
        Assert.Equal(Rating.Achieved, e.Rating);
        Assert.Equal(Trend.Improved, e.Trend);
    }

    [Fact]
    public void StateTarget_Unchanged_IsNoChange_AndMovedButNotReached_NeedsJudgement()
    {
        Assert.Equal(Rating.NoChange, Rate("未整備", "未整備", "－", "相談窓口等の設置").Rating);
        var judged = Rate("未整備", "検討中", "－", "相談窓口等の設置");
        Assert.Null(judged.Rating);
        Assert.Equal(NotRatedReason.NeedsJudgement, judged.Reason);
    }

    [Fact]
    public void UnitMismatch_WarnsAndStillRates()
    {
        var e = Rate("0件", "0件", "0回", "1件");
        Assert.Equal(Rating.NoChange, e.Rating);
        Assert.True(e.Warnings.HasFlag(EvaluationWarnings.UnitMismatch));
    }

    [Fact]
    public void Composite_ComparesAsTotal()
    {
        var e = Rate("県、20市町村", "県、30市町村", "－", "県、40市町村");
        Assert.Equal(Rating.BelowHalf, Rate("県、20市町村", "県、25市町村", "－", "県、40市町村").Rating);
        Assert.Equal(Rating.HalfOrMore, e.Rating);
        Assert.Equal(0.5m, e.Progress);
    }

    [Theory]
    [InlineData("不明", "－", NotRatedReason.ValueUnknown)]
    [InlineData("－", "算出不可", NotRatedReason.ValueUnknown)]
    [InlineData("進捗管理を停止している", "－", NotRatedReason.ReportingSuspended)]
    [InlineData("－", "－", NotRatedReason.NoValue)]
    public void NoUsableValue_IsNotRated_AndSaysWhy(string actual, string projection, NotRatedReason reason)
    {
        var e = Rate("10件", actual, projection, "20件");
        Assert.Null(e.Rating);
        Assert.Null(e.Trend);
        Assert.Equal(reason, e.Reason);
        Assert.False(string.IsNullOrEmpty(e.ReasonText));
    }

    [Fact]
    public void UnknownProjection_FallsBackToTheActual()
    {
        var e = Rate("25人", "65,791人", "算出不可", "280人", "140人");
        Assert.Equal(ValueSource.Actual, e.Source);
        Assert.True(e.InterimReached);
    }

    [Fact]
    public void DirectionUnknown_IsNeverGuessed()
    {
        var e = Rate("10件", "12件", "－", "－");
        Assert.Equal(Direction.Unknown, e.Direction);
        Assert.Null(e.Rating);
        Assert.Equal(NotRatedReason.DirectionUnknown, e.Reason);
    }

    [Fact]
    public void ConfiguredDirection_ConflictingWithTarget_IsNotRated()
    {
        var e = Rate("10件", "12件", "－", "5件", direction: Direction.Increase);
        Assert.Equal(NotRatedReason.DirectionConflictsWithTarget, e.Reason);
    }

    [Fact]
    public void NoBaseline_TargetReached_IsDoubleCircle_OtherwiseNotRated()
    {
        var reached = Rate("－", "－", "延べ参加人数 44,472人", "1，000人", "500人");
        Assert.Equal(Rating.Achieved, reached.Rating);
        Assert.True(reached.Warnings.HasFlag(EvaluationWarnings.NoBaseline));
        Assert.True(reached.InterimReached);

        var notReached = Rate("－", "－", "800人", "1，000人", "500人");
        Assert.Equal(NotRatedReason.NoBaseline, notReached.Reason);
        Assert.True(notReached.InterimReached);
    }

    [Theory]
    [InlineData("3,000時間", true)]
    [InlineData("2,999時間", false)]
    public void InterimTarget_ReachedAtOrBeyond(string projection, bool reached)
    {
        Assert.Equal(reached, Rate("0時間", "－", projection, "6,000時間", "3,000時間").InterimReached);
    }

    [Fact]
    public void InterimTarget_DecreasingIndicator_ReachedAtOrBelow()
    {
        Assert.True(Rate("20%", "－", "15%", "10%", "15%").InterimReached);
        Assert.False(Rate("20%", "－", "16%", "10%", "15%").InterimReached);
    }

    [Fact]
    public void Maintain_MovingCloserIsProgress()
    {
        var e = Rate("90%", "－", "95%", "100%", direction: Direction.Maintain);
        Assert.Equal(Trend.Improved, e.Trend);
        Assert.Equal(Rating.HalfOrMore, e.Rating);
    }

    [Fact]
    public void Evaluation_DoesNotAllocate()
    {
        var values = new ReportValues(KpiValue.Parse("59/465").Value, KpiValue.Parse("209/447").Value, NoValue.Nothing, KpiValue.Parse("447/447").Value);
        Evaluator.Evaluate(values, Direction.Increase);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Evaluator.Evaluate(values, Direction.Increase);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
