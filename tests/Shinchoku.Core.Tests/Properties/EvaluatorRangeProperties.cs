using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Properties;

/// <summary>
/// Rating and its explanation over every kind of value the parser accepts: magnitudes at the range's limits, tiny
/// decimals, ratios of tiny fractions, equal baseline and target, negative baselines, targets below the baseline.
/// Nothing throws, and the marks agree with the legend.
/// </summary>
public class EvaluatorRangeProperties
{
    private static readonly Direction?[] Directions = [null, Direction.Increase, Direction.Decrease, Direction.Maintain, Direction.ReachState, Direction.Unknown];

    [Property(MaxTest = 20000, Arbitrary = [typeof(RangeGenerators)])]
    public void Evaluate_AndExplain_NeverThrow_AndAgreeWithTheLegend(ValueRow row) => NeverThrowsAndAgrees(row);

    // A quotient a rounding just over the progress limit (1/999999999999998 against a tiny span) once slipped past it.
    [Property(MaxTest = 1, Replay = "(10790289552006648173,16251074728286511601,40)", Arbitrary = [typeof(RangeGenerators)])]
    public void Evaluate_AQuotientJustOverTheLimit_GivesNoProgress(ValueRow row) => NeverThrowsAndAgrees(row);

    private static void NeverThrowsAndAgrees(ValueRow row)
    {
        var values = row.Values;
        foreach (var direction in Directions)
        {
            var e = Evaluator.Evaluate(new Indicator("指標", direction: direction), values);
            var explanation = Evaluator.Explain(values, e);
            if (e.Progress is { } p)
            {
                Assert.InRange(Math.Abs(p), 0m, 1_000_000_000_000_000_000m);
            }

            if (e.Progress is { } progress && e.Rating is { } rating)
            {
                Assert.Equal(Legend(progress), rating);
                Assert.EndsWith("→ " + rating.Glyph(), explanation, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("", explanation);
            }

            if (e.Rating is { } r && e.Direction is Direction.Increase or Direction.Decrease && e.Trend is { } t)
            {
                var expected = r switch
                {
                    Rating.Declined => Trend.Worsened,
                    Rating.NoChange => Trend.Unchanged,
                    _ => Trend.Improved,
                };
                Assert.Equal(expected, t);
            }

            Assert.Equal(e.IsRated, e.Reason == NotRatedReason.None);
            _ = e.ReasonText;
            _ = e.RatingGlyph;
        }
    }

    [Theory]
    [InlineData("999,999,999,999,999件", "-999,999,999,999,999件", "-999,999,999,999,999件", Rating.Achieved)]
    [InlineData("-999,999,999,999,999件", "999,999,999,999,999件", "-999,999,999,999,998.999999件", Rating.BelowHalf)]
    [InlineData("0件", "999,999,999,999,999.999999件", "0.000001件", Rating.BelowHalf)]
    [InlineData("0.000001件", "0.000002件", "999,999,999,999,999件", Rating.Achieved)]
    [InlineData("0.000002件", "0.000001件", "-999,999,999,999,999件", Rating.Achieved)]  // decrease, far below the target
    [InlineData("1/999,999,999,999,999", "2/999,999,999,999,999", "999,999,999,999/1", Rating.Achieved)]
    [InlineData("2/999,999,999,999,999", "3/999,999,999,999,999", "1/999,999,999,999,999", Rating.Declined)]
    [InlineData("-5件", "-5件", "-4件", Rating.Declined)]        // equal baseline and target: maintain, and it moved away
    [InlineData("-5件", "-5件", "-5件", Rating.NoChange)]
    public void Extremes_AreRatedByTheLegend(string baseline, string target, string projection, Rating expected)
    {
        var values = new ReportValues(P(baseline), null, P(projection), P(target));
        var e = Evaluator.Evaluate(new Indicator("指標"), values);
        Assert.Equal(expected, e.Rating);
        var explanation = Evaluator.Explain(values, e);
        Assert.True(e.Progress is null ? explanation.Length == 0 : explanation.EndsWith(expected.Glyph(), StringComparison.Ordinal), explanation);
    }

    private static KpiValue P(string text) => KpiValue.Parse(text).Value;

    private static Rating Legend(decimal progress) =>
        progress >= 1 ? Rating.Achieved : progress >= 0.5m ? Rating.HalfOrMore : progress > 0 ? Rating.BelowHalf : progress == 0 ? Rating.NoChange : Rating.Declined;
}

/// <summary>One row's values, each parsed from text the parser accepts.</summary>
public sealed record ValueRow(ReportValues Values, string Texts)
{
    public override string ToString() => Texts;
}

/// <summary>Texts across the accepted range, read by the parser (so only accepted values are evaluated).</summary>
public static class RangeGenerators
{
    private const decimal Limit = 999_999_999_999_999.999999m;

    private static readonly decimal[] Edges =
        [0m, 0.000001m, -0.000001m, 1m, -1m, 0.5m, Limit, -Limit, 999_999_999_999_999m, -999_999_999_999_999m, 123_456_789.123456m, 999_999_999_999_998.999999m];

    private static readonly string[] Units = ["件", "人", "%", "", "千円", "億円"];

    private static Gen<decimal> Numbers =>
        Gen.OneOf(
            Gen.Elements(Edges),
            from whole in Gen.Choose(-1_000_000, 1_000_000)
            from micro in Gen.Choose(0, 999_999)
            from shift in Gen.Choose(0, 9)
            select Math.Clamp((whole + micro / 1_000_000m) * Pow10(shift), -Limit, Limit) is var n ? Math.Round(n, 6) : 0m);

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    private static string Text(decimal n) => n.ToString("0.######", CultureInfo.InvariantCulture);

    private static Gen<string> Quantities =>
        from n in Numbers
        from unit in Gen.Elements(Units)
        select Text(n) + unit;

    private static Gen<string> Ratios =>
        from n in Gen.OneOf(Gen.Elements(0m, 1m, 2m, 999_999_999_999_999m), Gen.Choose(0, int.MaxValue).Select(i => (decimal)i))
        from d in Gen.OneOf(Gen.Elements(1m, 3m, 0.000001m, 999_999_999_999_999m, 999_999_999_999_998m), Gen.Choose(1, int.MaxValue).Select(i => (decimal)i))
        select Text(n) + "/" + Text(d);

    private static Gen<string> Cells =>
        Gen.Frequency(
            (6, Quantities),
            (3, Ratios),
            (1, Gen.Elements("－", "不明", "未整備", "全施設公開", "増加を目指します", "減少を目指す", "維持", "県、52市町村、1林業事業体")));

    private static Gen<ValueRow> Rows =>
        from baseline in Cells
        from sameTarget in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from target in Cells
        from actual in Cells
        from projection in Cells
        from interim in Cells
        let finalText = sameTarget ? baseline : target
        let parsed = new[] { baseline, actual, projection, finalText, interim }.Select(t => KpiValue.Parse(t)).ToArray()
        where parsed.All(r => r.Success)
        select new ValueRow(
            new ReportValues(parsed[0].Value, parsed[1].Value, parsed[2].Value, parsed[3].Value, parsed[4].Value),
            $"基準値 {baseline} / 実績値 {actual} / 見込値 {projection} / 最終目標 {finalText} / 中間目標 {interim}");

    public static Arbitrary<ValueRow> ValueRows() => Rows.ToArbitrary();
}
