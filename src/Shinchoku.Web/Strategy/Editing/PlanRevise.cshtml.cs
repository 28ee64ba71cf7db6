using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>
/// Makes the next version of a plan (1.0 → 1.1): the tree, initiatives and indicators copied into a new draft, each
/// indicator linked to the one it continues. One draft revision at a time. DX office only.
/// </summary>
public class PlanReviseModel(ShinchokuDb db) : AdminPageModel
{
    public Plan Plan { get; private set; } = null!;

    /// <summary>The draft already made from this plan, if any: a second one is refused.</summary>
    public Plan? ExistingDraft { get; private set; }

    public int IndicatorCount { get; private set; }

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string planKey)
    {
        if (await LoadAsync(planKey) is null)
        {
            return NotFound();
        }

        var next = PlanVersion.Parse(Plan.VersionLabel) is { Success: true } v ? v.Value.NextMinor() : new PlanVersion(1, 0);
        Form.VersionLabel = next.ToString();
        Form.Name = Plan.Name;
        Form.Key = SuggestKey(Plan, next);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planKey)
    {
        var tree = await LoadAsync(planKey);
        if (tree is null)
        {
            return NotFound();
        }

        if (ExistingDraft is { } draft)
        {
            Fail(null, $"この戦略からは既に新しい版「{draft.Name}」（{draft.VersionLabel}版）を作成中です。新しい版は一つずつ作成します。作成中の版を編集するか、公開してから次の版を作成してください。");
        }

        // A new version starts as a draft, whatever was posted.
        Form.Status = nameof(PlanStatus.Draft);
        var fields = await PlansModel.ReadPlanAsync(db, this, Form, except: null);
        if (!IsValid || fields is null)
        {
            return Page();
        }

        var plan = await PlanRevision.CopyAsync(db, tree, fields.Key, fields.Name, fields.VersionLabel, fields.IssuedLabel);
        return DoneAndRedirect(
            $"「{plan.Name}」（{plan.VersionLabel}版）を策定中の版として作成しました。{Plan.VersionLabel}版の体系と成果指標（{IndicatorCount}件）を写しています。項目・取組・成果指標を追加・移動・変更・削除し、できあがったら公開してください。",
            $"/admin/plans/{plan.Key}");
    }

    /// <summary>The source's key with its version replaced (chiba-dx-1.1 → chiba-dx-1.2), or the version appended.</summary>
    internal static string SuggestKey(Plan source, PlanVersion next)
    {
        var version = next.ToString().TrimEnd('版');
        var stem = source.Key.EndsWith("-" + source.VersionLabel, StringComparison.Ordinal) ? source.Key[..^(source.VersionLabel.Length + 1)] : source.Key;
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{version}");
    }

    private async Task<PlanTree?> LoadAsync(string planKey)
    {
        var tree = await PlanTree.LoadAsync(db, planKey);
        if (tree is null)
        {
            return null;
        }

        Plan = tree.Plan;
        ExistingDraft = await PlanRevision.DraftSuccessorAsync(db, Plan.Id);
        IndicatorCount = Plan.Initiatives.Sum(i => i.Indicators.Count);
        return tree;
    }
}
