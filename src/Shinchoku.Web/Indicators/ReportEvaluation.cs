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
    /// <summary>Evaluates <paramref name="report"/> of <paramref name="indicator"/> (targets must be loaded).</summary>
    public static ReportEvaluation Of(Indicator indicator, IndicatorReport report)
    {
        var interim = indicator.Targets.Where(t => t.Kind == TargetKind.Interim && t.FiscalYear >= report.FiscalYear).MinBy(t => t.FiscalYear)
            ?? indicator.Targets.Where(t => t.Kind == TargetKind.Interim).MaxBy(t => t.FiscalYear);
        var final = indicator.Targets.Where(t => t.Kind == TargetKind.Final).MaxBy(t => t.FiscalYear);
        var values = new ReportValues(
            indicator.Baseline.Parse(), report.Actual.Parse(), report.Projection.Parse(), final?.Value.Parse(), interim?.Value.Parse());
        var computed = Evaluator.Evaluate(new Core.Rules.Indicator(indicator.Name, direction: indicator.Direction), values);
        var active = report.Overrides.Where(o => o.IsActive).MaxBy(o => o.At);
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
