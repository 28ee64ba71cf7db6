using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Dashboard;

/// <summary>
/// Home page: the current plan's vision, aims and areas with the marks of their KPIs counted, and every plan whose
/// progress has been published with the same counts per area. Public; counts use published reports only.
/// </summary>
[PublicPage]
public class IndexModel(ShinchokuDb db, OpenDataStore store) : PageModel
{
    /// <summary>The current plan with its published progress, or null when there is none.</summary>
    public PlanProgress? Current { get; private set; }

    /// <summary>Other plans (the previous ICT strategy) whose progress has been published, newest first.</summary>
    public List<PlanProgress> Published { get; private set; } = [];

    /// <summary>The fiscal year the visitor chose (?fy=) when some plan on the page has it published; kept in links.</summary>
    public FiscalYear? Fy { get; private set; }

    /// <summary>The published years of the plans on the page, for the year selector.</summary>
    public IReadOnlyList<FiscalYear> Years => [.. new[] { Current }.Concat(Published).OfType<PlanProgress>().SelectMany(p => p.Years).Select(y => y.FiscalYear).Distinct().Order()];

    /// <summary>The year the selector shows as chosen: the one asked for, else the latest shown.</summary>
    public FiscalYear? ShownYear => Fy ?? new[] { Current }.Concat(Published).OfType<PlanProgress>().Select(p => p.Shown?.FiscalYear).Max();

    public async Task OnGetAsync(FiscalYear? fy)
    {
        Current = await PlanProgress.LoadAsync(db, store, null, User, fy);
        var keys = await db.Plans
            .Where(p => p.Status != PlanStatus.Draft && db.ReportingCycles.Where(Publication.IsPublished).Any(c => c.PlanId == p.Id))
            .OrderByDescending(p => p.Id).Select(p => p.Key).ToListAsync();
        foreach (var key in keys.Where(k => k != Current?.Plan.Key))
        {
            if (await PlanProgress.LoadAsync(db, store, key, User, fy) is { } progress)
            {
                Published.Add(progress);
            }
        }

        Fy = new[] { Current }.Concat(Published).Any(p => p?.IsChosen(fy) == true) ? fy : null;
        ViewData[YearLinks.ViewDataKey] = Fy;
    }

    public static IEnumerable<PlanNode> OfKind(PlanProgress progress, NodeKind kind) =>
        progress.Plan.Nodes.Where(n => n.Kind == kind).OrderBy(n => n.Order);

    /// <summary>The search listing a plan's (or one area's) KPIs in the year the visitor chose; plain without a choice.</summary>
    public static string SearchUrl(PlanProgress progress, FiscalYear? chosen, PlanNode? area = null) => YearLinks.With(
        $"/indicators?plan={Uri.EscapeDataString(progress.Plan.Key)}" + (area is null ? "" : $"&area={Uri.EscapeDataString(area.Key)}"),
        chosen);
}
