using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// What changed from one version of a plan to another (by default the version it was made from): nodes and
/// initiatives added, removed, moved and renamed, indicators carried on, new and retired. Public for published
/// versions; a draft version only for staff.
/// </summary>
public class CompareModel(ShinchokuDb db) : PageModel
{
    public PlanTree Tree { get; private set; } = null!;

    /// <summary>The comparison, or null when there is no other version to compare with.</summary>
    public PlanComparison? Comparison { get; private set; }

    /// <summary>The other plans the user may compare with, newest first.</summary>
    public List<Plan> Others { get; private set; } = [];

    /// <summary>The key of the earlier version compared with.</summary>
    [BindProperty(SupportsGet = true)]
    public string? With { get; set; }

    public async Task<IActionResult> OnGetAsync(string planKey)
    {
        var tree = await PlanTree.LoadVisibleAsync(db, planKey, User);
        if (tree is null)
        {
            return NotFound();
        }

        Tree = tree;
        var staff = Publication.SeesUnpublished(User);
        Others = await db.Plans.Where(p => p.Id != tree.Plan.Id && (staff || p.Status != PlanStatus.Draft)).OrderByDescending(p => p.Id).ToListAsync();
        With ??= Others.FirstOrDefault(p => p.Id == tree.Plan.PredecessorId)?.Key;
        if (With is null)
        {
            return Page();
        }

        var before = await PlanTree.LoadVisibleAsync(db, With, User);
        if (before is null)
        {
            return NotFound();
        }

        // Targets are compared too; loading them into the tracked indicators of both trees fills them in.
        var planIds = new[] { before.Plan.Id, tree.Plan.Id };
        await db.IndicatorTargets.Where(t => planIds.Contains(t.Indicator!.Initiative!.PlanId)).LoadAsync();
        Comparison = PlanComparison.Of(before, tree);
        return Page();
    }

    /// <summary>The changes of an item in words, for the table (never by colour alone); <paramref name="moved"/> names a move.</summary>
    public static string Describe(ItemChange change, string moved = "移動") => string.Join("・", new[]
    {
        change.HasFlag(ItemChange.Added) ? "追加" : null,
        change.HasFlag(ItemChange.Removed) ? "削除" : null,
        change.HasFlag(ItemChange.Moved) ? moved : null,
        change.HasFlag(ItemChange.Renamed) ? "名称変更" : null,
    }.Where(s => s is not null));

    /// <summary>Where a node sits: the path of its parents, or 最上位.</summary>
    public static string PlaceOf(PlanNode node) => node.Parent is null ? "（最上位）" : string.Join(" › ", PlanTree.PathTo(node.Parent).Select(n => n.DisplayTitle));

    /// <summary>Where an initiative is listed: its primary node and any 【再掲】.</summary>
    public static string PlacesOf(Initiative initiative) => string.Join("、", initiative.Placements.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Order)
        .Select(p => (p.IsPrimary ? "" : "【再掲】") + p.Node!.DisplayTitle));
}
