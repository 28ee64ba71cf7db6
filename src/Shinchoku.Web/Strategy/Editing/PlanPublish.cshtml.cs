using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>
/// Publishes a draft version after confirmation: it becomes the current plan and the plan in force until now (its
/// predecessor, when current) becomes superseded, in one save. DX office only.
/// </summary>
public class PlanPublishModel(ShinchokuDb db) : AdminPageModel
{
    public Plan Plan { get; private set; } = null!;

    public Plan? Predecessor { get; private set; }

    /// <summary>The plans that become superseded on publication (the one current plan, if any).</summary>
    public List<Plan> ToSupersede { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string planKey) => await LoadAsync(planKey) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string planKey)
    {
        if (!await LoadAsync(planKey))
        {
            return NotFound();
        }

        if (Plan.Status != PlanStatus.Draft)
        {
            return DoneAndRedirect($"「{Plan.Name}」（{Plan.VersionLabel}版）は策定中ではないため、公開の操作はありません（{AdminText.Describe(Plan.Status)}）。", "/admin/plans");
        }

        var superseded = await PlansModel.SupersedeCurrentAsync(db, except: Plan.Id);
        Plan.Status = PlanStatus.Current;
        await db.SaveChangesAsync();
        return DoneAndRedirect(
            $"「{Plan.Name}」（{Plan.VersionLabel}版）を公開し、現行の戦略にしました。"
                + (superseded.Count == 0 ? "" : $"「{string.Join("」「", superseded.Select(p => p.Name + "（" + p.VersionLabel + "版）"))}」は改訂前になりました。"),
            "/admin/plans");
    }

    private async Task<bool> LoadAsync(string planKey)
    {
        var plan = await db.Plans.Include(p => p.Predecessor).FirstOrDefaultAsync(p => p.Key == planKey);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Predecessor = plan.Predecessor;
        ToSupersede = await db.Plans.Where(p => p.Status == PlanStatus.Current && p.Id != plan.Id).OrderBy(p => p.Id).ToListAsync();
        return true;
    }
}
