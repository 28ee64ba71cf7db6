using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Reporting;

/// <summary>The pager's model: where the report stands among the requested KPIs, and the URL its links start with.</summary>
public sealed record ReportPager(ReportSurroundings Around, string UrlPrefix);

/// <summary>
/// Last year's report as the entry and review pages show it; <paramref name="CopyIntoForm"/> names the entry form that
/// 「前年度から写す」 submits (null where nothing may be copied).
/// </summary>
public sealed record LastYearView(IndicatorReport? Report, Core.Time.FiscalYear FiscalYear, bool ShowInterim, string? CopyIntoForm)
{
    /// <summary>The narratives of a report, in the order of the sheet, as (field, label): what 「前年度から写す」 copies.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Narratives =
    [
        (nameof(IndicatorReport.ProjectionBasis), "見込値の算出根拠"),
        (nameof(IndicatorReport.Status), "取組状況"),
        (nameof(IndicatorReport.MissedReason), "中間目標が未達成となった理由"),
        (nameof(IndicatorReport.Countermeasure), "未達成の場合の対策"),
        (nameof(IndicatorReport.Challenges), "課題"),
        (nameof(IndicatorReport.Plan), "今後の取組方針・対策"),
    ];

    /// <summary>The narratives that belong to a KPI with an interim target only.</summary>
    public static readonly IReadOnlySet<string> InterimOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(IndicatorReport.MissedReason),
        nameof(IndicatorReport.Countermeasure),
    };

    /// <summary>The text of the narrative <paramref name="field"/> of <paramref name="report"/>.</summary>
    public static string Text(IndicatorReport report, string field)
    {
        ArgumentNullException.ThrowIfNull(report);
        return field switch
        {
            nameof(IndicatorReport.ProjectionBasis) => report.ProjectionBasis,
            nameof(IndicatorReport.Status) => report.Status,
            nameof(IndicatorReport.MissedReason) => report.MissedReason,
            nameof(IndicatorReport.Countermeasure) => report.Countermeasure,
            nameof(IndicatorReport.Challenges) => report.Challenges,
            nameof(IndicatorReport.Plan) => report.Plan,
            _ => "",
        };
    }
}
