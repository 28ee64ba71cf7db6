using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Reporting;

/// <summary>One of the requested KPIs of a cycle, for the 前へ/次へ links.</summary>
public sealed record ReportNeighbour(int IndicatorId, string Name);

/// <summary>
/// What the entry and review pages show around one requested report: the KPI's report of the year before (or, after a
/// plan revision, the report of the KPI it continues) and the requested KPIs before and after it in the cycle, in the
/// order the boards list them.
/// </summary>
public sealed record ReportSurroundings(IndicatorReport? LastYear, ReportNeighbour? Previous, ReportNeighbour? Next, int Position, int Count)
{
    /// <summary>
    /// Loads the surroundings of <paramref name="indicator"/>'s report in <paramref name="cycle"/>, stepping through
    /// <paramref name="visible"/> (the KPIs the user works on: the department's own, or all for the DX office).
    /// </summary>
    public static async Task<ReportSurroundings> LoadAsync(ShinchokuDb db, IQueryable<Indicator> visible, Indicator indicator, ReportingCycle cycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(cycle);
        var lastYear = cycle.FiscalYear.Previous();
        var ids = indicator.PredecessorId is { } predecessor ? new[] { indicator.Id, predecessor } : [indicator.Id];
        var reports = await db.IndicatorReports.AsNoTracking()
            .Where(r => ids.Contains(r.IndicatorId) && r.FiscalYear == lastYear)
            .ToListAsync(cancellationToken);
        var previousReport = reports.OrderBy(r => r.IndicatorId == indicator.Id ? 0 : 1).FirstOrDefault();

        var requested = await visible
            .Where(i => i.Initiative!.PlanId == cycle.PlanId && i.Reports.Any(r => r.FiscalYear == cycle.FiscalYear))
            .OrderBy(i => i.Order).ThenBy(i => i.Id)
            .Select(i => new ReportNeighbour(i.Id, i.Name))
            .ToListAsync(cancellationToken);
        var at = requested.FindIndex(n => n.IndicatorId == indicator.Id);
        return at < 0
            ? new ReportSurroundings(previousReport, null, null, 0, requested.Count)
            : new ReportSurroundings(previousReport, at > 0 ? requested[at - 1] : null, at + 1 < requested.Count ? requested[at + 1] : null, at + 1, requested.Count);
    }
}
