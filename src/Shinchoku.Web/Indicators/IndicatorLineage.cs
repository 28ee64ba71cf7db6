using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// An indicator across the versions of its plan: the indicators it continues (its predecessor, theirs …), the ones
/// that continue it, and the yearly reports of the whole chain a user may see, one per fiscal year.
/// </summary>
public sealed class IndicatorLineage
{
    // A chain longer than this is a data error (a loop); the history stops there.
    private const int MaxDepth = 50;

    private IndicatorLineage(Indicator indicator, List<Indicator> predecessors, List<Indicator> successors, List<IndicatorReport> reports)
    {
        Indicator = indicator;
        Predecessors = predecessors;
        Successors = successors;
        Reports = reports;
    }

    public Indicator Indicator { get; }

    /// <summary>The indicators this one continues, nearest first, each with its initiative and plan.</summary>
    public IReadOnlyList<Indicator> Predecessors { get; }

    /// <summary>The indicators of later versions that continue this one directly, with their initiative and plan.</summary>
    public IReadOnlyList<Indicator> Successors { get; }

    /// <summary>
    /// The reports of this indicator and its predecessors the user may see (<see cref="Publication"/>), oldest first;
    /// where two versions report the same fiscal year, the later version's report.
    /// </summary>
    public List<IndicatorReport> Reports { get; }

    /// <summary>True when the indicator continues or is continued by another version's.</summary>
    public bool Any => Predecessors.Count > 0 || Successors.Count > 0;

    /// <summary>The plan the report was made in.</summary>
    public static Plan PlanOf(IndicatorReport report) => report.Indicator!.Initiative!.Plan!;

    /// <summary>
    /// Loads the lineage of <paramref name="indicator"/> (loaded with its initiative, plan and reports). Drafts' indicators
    /// are left out for visitors, as the plans themselves are.
    /// </summary>
    public static async Task<IndicatorLineage> LoadAsync(ShinchokuDb db, Indicator indicator, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        var staff = Publication.SeesUnpublished(user);
        var predecessors = new List<Indicator>();
        var seen = new HashSet<int> { indicator.Id };
        for (var id = indicator.PredecessorId; id is { } next && seen.Add(next) && predecessors.Count < MaxDepth;)
        {
            var predecessor = await WithPlan(db).Include(i => i.Targets).Include(i => i.Reports).ThenInclude(r => r.Overrides)
                .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == next, cancellationToken);
            if (predecessor is null || (!staff && predecessor.Initiative!.Plan!.Status == PlanStatus.Draft))
            {
                break;
            }

            predecessors.Add(predecessor);
            id = predecessor.PredecessorId;
        }

        var successors = await WithPlan(db).Where(i => i.PredecessorId == indicator.Id)
            .Where(i => staff || i.Initiative!.Plan!.Status != PlanStatus.Draft)
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);

        var reports = new Dictionary<FiscalYear, IndicatorReport>();
        foreach (var version in predecessors.Prepend(indicator))
        {
            foreach (var report in await Publication.VisibleReportsAsync(db, version, version.Initiative!.PlanId, user, cancellationToken))
            {
                reports.TryAdd(report.FiscalYear, report);
            }
        }

        return new IndicatorLineage(indicator, predecessors, successors, [.. reports.Values.OrderBy(r => r.FiscalYear)]);
    }

    /// <summary>The published cycle of each report's own plan, by fiscal year (years whose cycle is not published are absent).</summary>
    public async Task<Dictionary<FiscalYear, ReportingCycle>> PublishedCyclesAsync(ShinchokuDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var planIds = Predecessors.Prepend(Indicator).Select(i => i.Initiative!.PlanId).Distinct().ToList();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).Where(Publication.IsPublished)
            .ToListAsync(cancellationToken);
        var byPlanAndYear = cycles.ToDictionary(c => (c.PlanId, c.FiscalYear));
        var result = new Dictionary<FiscalYear, ReportingCycle>();
        // Years without a report keep the indicator's own plan's cycle, as before lineage.
        foreach (var c in cycles.Where(c => c.PlanId == Indicator.Initiative!.PlanId))
        {
            result[c.FiscalYear] = c;
        }

        foreach (var report in Reports)
        {
            if (byPlanAndYear.TryGetValue((PlanOf(report).Id, report.FiscalYear), out var cycle))
            {
                result[report.FiscalYear] = cycle;
            }
            else
            {
                result.Remove(report.FiscalYear);
            }
        }

        return result;
    }

    private static IQueryable<Indicator> WithPlan(ShinchokuDb db) => db.Indicators.Include(i => i.Initiative!).ThenInclude(i => i.Plan);
}
