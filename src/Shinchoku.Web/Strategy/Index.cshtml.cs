using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>A plan as a tree a resident can read. Public: the strategy is a public document.</summary>
[Shinchoku.Web.Dashboard.PublicPage]
public class IndexModel(ShinchokuDb db, OpenDataStore store) : PageModel
{
    public PlanTree Tree { get; private set; } = null!;

    /// <summary>The plan's published progress (counts of marks), published reports only.</summary>
    public Shinchoku.Web.Dashboard.PlanProgress Progress { get; private set; } = null!;

    public string StatusText => Tree.Plan.Status switch
    {
        PlanStatus.Current => "現行",
        PlanStatus.Superseded => "改訂前（過去の戦略）",
        _ => "策定中",
    };

    public async Task<IActionResult> OnGetAsync(string? planKey)
    {
        var progress = await Shinchoku.Web.Dashboard.PlanProgress.LoadAsync(db, store, planKey, User);
        if (progress is null)
        {
            return NotFound();
        }

        Tree = progress.Tree;
        Progress = progress;
        return Page();
    }
}
