using Shinchoku.Core.Parsing;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// The marks of one indicator report, computed by Core from the values as entered: the computed evaluation,
/// the marks shown (with an override where a person set one), and how the printed marks compare.
/// </summary>
public sealed record ReportEvaluation(
    IndicatorReport Report,
    ReportValues Values,
    Evaluation Computed,
    EffectiveMarks Shown,
    RatingOverrideRecord? Override,
    PrintedMarks? Printed,
    ConsistencyCheck? Consistency,
    string Explanation)
{
    /// <summary>
    /// Evaluates <paramref name="report"/> of <paramref name="indicator"/> (targets must be loaded). Never throws: a
    /// stored value that no longer reads (saved before the value range was enforced) or a failure of the evaluation
    /// itself makes this row 評価できません with the reason, so that one row cannot take down a page, list or export.
    /// This is the one place the app evaluates a report.
    /// </summary>
    public static ReportEvaluation Of(Indicator indicator, IndicatorReport report)
    {
        var interim = indicator.Targets.Where(t => t.Kind == TargetKind.Interim && t.FiscalYear >= report.FiscalYear).MinBy(t => t.FiscalYear)
            ?? indicator.Targets.Where(t => t.Kind == TargetKind.Interim).MaxBy(t => t.FiscalYear);
        var final = indicator.Targets.Where(t => t.Kind == TargetKind.Final).MaxBy(t => t.FiscalYear);
        var baseline = KpiValue.Parse(indicator.Baseline.Text);
        var actual = KpiValue.Parse(report.Actual.Text);
        var projection = KpiValue.Parse(report.Projection.Text);
        var finalTarget = final is null ? null : KpiValue.Parse(final.Value.Text);
        var interimTarget = interim is null ? null : KpiValue.Parse(interim.Value.Text);
        var values = new ReportValues(
            baseline.GetValueOrDefault(), actual.GetValueOrDefault(), projection.GetValueOrDefault(),
            finalTarget?.GetValueOrDefault(), interimTarget?.GetValueOrDefault());
        var active = report.Overrides.Where(o => o.IsActive).MaxBy(o => o.At);
        var unreadable = Unreadable("基準値", baseline) ?? Unreadable("実績値", actual) ?? Unreadable("見込値", projection)
            ?? Unreadable("最終目標", finalTarget) ?? Unreadable("中間目標", interimTarget);
        if (unreadable is not null)
        {
            return Unevaluable(Evaluation.Unevaluable(unreadable, indicator.Direction ?? Direction.Unknown));
        }

        try
        {
            var computed = Evaluator.Evaluate(new Core.Rules.Indicator(indicator.Direction), values);
            var shown = new EffectiveMarks(computed, active?.ToCore());
            PrintedMarks? printed = null;
            ConsistencyCheck? consistency = null;
            if (!string.IsNullOrWhiteSpace(report.PrintedTrend) || !string.IsNullOrWhiteSpace(report.PrintedRating)
                || !string.IsNullOrWhiteSpace(report.PrintedInterimReached))
            {
                var parsed = PrintedMarks.Parse(report.PrintedTrend, report.PrintedRating, report.PrintedInterimReached);
                if (parsed.Success)
                {
                    printed = parsed.Value;
                    consistency = ConsistencyCheck.Compare(computed, printed);
                }
                else
                {
                    consistency = new ConsistencyCheck(Core.Rules.Consistency.NotComparable, string.Join(" ", parsed.Errors.Select(e => e.Message)));
                }
            }

            return new ReportEvaluation(report, values, computed, shown, active, printed, consistency, Evaluator.Explain(values, computed));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in the rules must not take every page down with it: this row says so, the others are shown.
            return Unevaluable(Evaluation.Unevaluable(
                e is ArithmeticException ? "計算の途中で数値が扱える範囲を超えました。値を確かめてください。" : "評価の計算に失敗しました。デジタル改革推進局に連絡してください。",
                indicator.Direction ?? Direction.Unknown));
        }

        // The computed marks are left out; a person's override, when there is one, is still what is shown.
        ReportEvaluation Unevaluable(Evaluation failed) =>
            new(report, values, failed, SafeMarks(failed, active), active, null, null, "");
    }

    /// <summary>The first error of a stored value that no longer reads, naming the field; null when it reads.</summary>
    private static string? Unreadable(string field, ParseResult<KpiValue>? read) =>
        read is { Success: false } ? field + "：" + read.Errors.First().Message : null;

    private static EffectiveMarks SafeMarks(Evaluation failed, RatingOverrideRecord? active)
    {
        try
        {
            return new EffectiveMarks(failed, active?.ToCore());
        }
        catch (ArgumentException)
        {
            return new EffectiveMarks(failed, null);
        }
    }

    /// <summary>The value the marks were computed from, as entered.</summary>
    public string ValueText => Computed.Source switch
    {
        ValueSource.Projection => Report.Projection.Text,
        ValueSource.Actual => Report.Actual.Text,
        _ => "",
    };

    /// <summary>The arrow shown (an override's, else the computed one), in parentheses when read from the actual; empty when none.</summary>
    public string ShownTrendGlyph => Shown.Trend is { } t ? t.Glyph(Computed.FromActual) : "";

    /// <summary>The interim mark shown: ○, ×, or empty.</summary>
    public string InterimGlyph => Shown.InterimReached is { } r ? MarkGlyphs.InterimGlyph(r) : "";

    /// <summary>The printed arrow as printed, with parentheses.</summary>
    public string PrintedTrendGlyph => Printed?.Trend is { } t ? t.Glyph(Printed.FromActual) : Report.PrintedTrend;

    public bool Disagrees => Consistency?.Result == Core.Rules.Consistency.Differs;

    /// <summary>The comparable number of a value, for charts.</summary>
    public static decimal? Magnitude(KpiValue? value, Unit hint) =>
        value is not null && value.TryGetMagnitude(hint, out var m, out _) ? m : null;
}
