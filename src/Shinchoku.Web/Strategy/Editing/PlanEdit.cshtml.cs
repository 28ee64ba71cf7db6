using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>A plan's name, key, version, issue, status and introductory text. DX office only.</summary>
public class PlanEditModel(ShinchokuDb db) : AdminPageModel
{
    public Plan Plan { get; private set; } = null!;

    /// <summary>The plan as another administrator saved it while this form was open, or null.</summary>
    public Plan? Conflict { get; private set; }

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    /// <summary>The key is part of public addresses; it can change only while the plan is a draft.</summary>
    public bool KeyEditable => Plan.Status == PlanStatus.Draft;

    public async Task<IActionResult> OnGetAsync(string planKey)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Key == planKey);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Form.Name = plan.Name;
        Form.Key = plan.Key;
        Form.VersionLabel = plan.VersionLabel + "版";
        Form.IssuedLabel = plan.IssuedLabel;
        Form.Status = plan.Status.ToString();
        Form.Purpose = plan.Purpose;
        Form.Maintenance = plan.Maintenance;
        Form.Stamp = StampOf(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planKey)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Key == planKey);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        if (!KeyEditable)
        {
            Form.Key = plan.Key;
        }

        if (Form.Stamp != StampOf(plan))
        {
            Conflict = plan;
            Fail(null, "この戦略は、この画面を開いたあとでほかの人が変更しました。下の「現在の登録内容」を確かめてください。入力した内容は残してあります。このまま保存すると、入力した内容で上書きします。");
            Form.Stamp = StampOf(plan);
        }

        var fields = await PlansModel.ReadPlanAsync(db, this, Form, except: plan);
        var purpose = Optional("purpose", "戦略の趣旨", Form.Purpose, 20000);
        var maintenance = Optional("maintenance", "戦略の推進と見直し", Form.Maintenance, 20000);
        if (!IsValid || fields is null)
        {
            return Page();
        }

        if (fields.Status == PlanStatus.Current && plan.Status != PlanStatus.Current)
        {
            await PlansModel.SupersedeCurrentAsync(db, except: plan.Id);
        }

        plan.Name = fields.Name;
        plan.Key = fields.Key;
        plan.VersionLabel = fields.VersionLabel;
        plan.IssuedLabel = fields.IssuedLabel;
        plan.Status = fields.Status;
        plan.Purpose = purpose;
        plan.Maintenance = maintenance;
        await db.SaveChangesAsync();
        return DoneAndRedirect($"「{plan.Name}」（{plan.VersionLabel}版）の登録内容を保存しました。", "/admin/plans");
    }

    private static string StampOf(Plan p) => EditStamp.Of(p.Name, p.Key, p.VersionLabel, p.IssuedLabel, p.Status, p.Purpose, p.Maintenance);
}
