using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;

namespace Shinchoku.Web.Reports;

/// <summary>
/// Limits an import to what a department may change through its entry sheet (/entry/sheet): the report columns of its
/// own requested KPIs of one year, in the states the entry form allows (<see cref="Reporting.ReportChannel.EntryForm"/>),
/// each row checked against the report's version when the sheet was made. The KPI's baseline, targets, departments and
/// marks are not read.
/// </summary>
/// <param name="Department">The department's name, for messages.</param>
/// <param name="FiscalYear">The year taking entries.</param>
/// <param name="IndicatorIds">The KPIs requested of the department for the year.</param>
/// <param name="VersionOf">The report version the row's sheet was made at, or null when the row does not say.</param>
public sealed record ImportScope(string Department, Core.Time.FiscalYear FiscalYear, IReadOnlySet<int> IndicatorIds, Func<ImportRow, int?> VersionOf)
{
    /// <summary>The columns an entry sheet carries back: the report's values and narratives.</summary>
    public static readonly IReadOnlySet<ReportColumn> ReportColumns = new HashSet<ReportColumn>
    {
        ReportColumn.Actual, ReportColumn.Projection, ReportColumn.ProjectionBasis, ReportColumn.Status, ReportColumn.MissedReason,
        ReportColumn.Countermeasure, ReportColumn.Challenges, ReportColumn.Plan, ReportColumn.Question,
    };

    /// <summary>The columns an entry sheet carries for reference (the import's reader needs them): a row that changes them is refused.</summary>
    public static readonly IReadOnlySet<ReportColumn> CheckedColumns = new HashSet<ReportColumn> { ReportColumn.Baseline, ReportColumn.InterimTarget, ReportColumn.FinalTarget };
}

/// <summary>The import preview partial's model: the preview and the token that commits it (null when it cannot be committed).</summary>
public sealed record ImportPreviewView(ImportPreview Preview, string? Token)
{
    /// <summary>The rows' problems that stop the commit, with each row's place in the preview table.</summary>
    public static IReadOnlyList<(int Index, ImportRowPlan Item, ImportMessage Message)> RowErrors(ImportPreview preview) =>
        [.. preview.Rows.SelectMany((item, i) => item.AllMessages.Where(m => m.IsError || m.BlocksCommit).Select(m => (i, item, m)))];
}
