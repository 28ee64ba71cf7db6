using Shinchoku.Core.Rules;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// The one place the app builds a KPI's year (<see cref="IndicatorYear"/>) from its entities: an indicator with its
/// targets loaded, and a report with its overrides loaded. Reading restores the year stored with the report
/// (<see cref="IndicatorReport.Evaluation"/>) without parsing or evaluating; a write computes it and stores it.
/// </summary>
public static class KpiYears
{
    /// <summary>The year of <paramref name="report"/>: the stored one when it is current, else made from what is written.</summary>
    public static IndicatorYear Of(Indicator indicator, IndicatorReport report)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(report);
        return IndicatorYear.Read(report.Evaluation, report.FiscalYear, indicator.Baseline.Text, report.Actual.Text, report.Projection.Text,
            Targets(indicator), indicator.Direction, Overrides(report), Printed(report));
    }

    /// <summary>
    /// The year with the actual and projection as typed (the entry form, before anything is saved); the other inputs
    /// are the report's and the indicator's.
    /// </summary>
    public static IndicatorYear Typed(Indicator indicator, IndicatorReport report, string? actual, string? projection)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(report);
        return IndicatorYear.Of(report.FiscalYear, indicator.Baseline.Text, actual, projection, Targets(indicator),
            indicator.Direction, Overrides(report), Printed(report));
    }

    /// <summary>
    /// Computes the year of <paramref name="report"/> from what is written now (never from the stored record) and stores
    /// it with the report; called by every write of a value, a target, the baseline or the direction, and by
    /// <see cref="KpiYearRecompute"/>. A stored year whose inputs changed since is not used anyway:
    /// <see cref="IndicatorYear.Read"/> compares a fingerprint of them. Overrides are not part of it: they are read live.
    /// </summary>
    public static IndicatorYear Store(Indicator indicator, IndicatorReport report)
    {
        var year = Typed(indicator, report, report.Actual.Text, report.Projection.Text);
        report.Evaluation = year.ToRecord();
        return year;
    }

    /// <summary>Stores the year of every report of <paramref name="indicator"/> (its targets, baseline or direction changed).</summary>
    public static void StoreAll(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        foreach (var report in indicator.Reports)
        {
            Store(indicator, report);
        }
    }

    /// <summary>The targets in force for <paramref name="fiscalYear"/> (<see cref="TargetsInForce.For"/>).</summary>
    public static TargetsInForce InForce(Indicator indicator, FiscalYear fiscalYear) => TargetsInForce.For(Targets(indicator), fiscalYear);

    private static IEnumerable<WrittenTarget> Targets(Indicator indicator) =>
        indicator.Targets.Select(t => new WrittenTarget(t.Kind, t.FiscalYear, t.Value.Text));

    /// <summary>The report's overrides, withdrawn ones included, as Core reads them.</summary>
    public static IEnumerable<WrittenOverride> Overrides(IndicatorReport report) =>
        report.Overrides.Select(o => new WrittenOverride(o.Kind, o.Reason, o.By, o.At, o.Trend, o.Rating, o.InterimReached, o.IsActive));

    private static WrittenMarks Printed(IndicatorReport report) => new(report.PrintedTrend, report.PrintedRating, report.PrintedInterimReached);
}
