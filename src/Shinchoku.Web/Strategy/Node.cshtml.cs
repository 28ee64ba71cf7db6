using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// One node of a plan's tree (area, field, pillar …) with its initiatives, sub-nodes, its KPIs with the latest
/// published values and marks, and the marks counted from the nodes below. Public; published reports only.
/// </summary>
[PublicPage]
public class NodeModel(ShinchokuDb db, OpenDataStore store) : PageModel
{
    /// <summary>The most KPIs listed on a node page: one page of the search, which lists them all page by page.</summary>
    public const int TableLimit = Dashboard.SearchModel.PageSize;

    /// <summary>The most initiatives listed under one item in a tree of items; the item's own page lists them all.</summary>
    public const int TreeInitiativeLimit = 10;

    public PlanNode Node { get; private set; } = null!;

    public PlanProgress Progress { get; private set; } = null!;

    /// <summary>The fiscal year the visitor chose (?fy=), kept in links; null for the latest published year.</summary>
    public Core.Time.FiscalYear? Fy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planKey, string nodeKey, Core.Time.FiscalYear? fy)
    {
        var progress = await PlanProgress.LoadAsync(db, store, planKey, User, fy);
        var node = progress?.Plan.Nodes.FirstOrDefault(n => n.Key == nodeKey);
        if (node is null)
        {
            return NotFound();
        }

        Node = node;
        Progress = progress!;
        Fy = Progress.IsChosen(fy) ? fy : null;
        ViewData[YearLinks.ViewDataKey] = Fy;
        return Page();
    }

    public string SearchUrl(PlanNode node) => Dashboard.IndexModel.SearchUrl(Progress, Fy, node);
}
