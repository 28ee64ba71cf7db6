using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>
/// One initiative: its title and text, and where it is listed — its primary place and any 【再掲】 under other
/// nodes. DX office only.
/// </summary>
public class InitiativeEditModel(ShinchokuDb db) : AdminPageModel
{
    public PlanTree Tree { get; private set; } = null!;

    public Initiative Initiative { get; private set; } = null!;

    public List<(PlanNode Node, int Depth)> Nodes { get; private set; } = [];

    /// <summary>The initiative as another administrator saved it while this form was open, or null.</summary>
    public Initiative? Conflict { get; private set; }

    public InitiativePlacement Primary => Initiative.Placements.First(p => p.IsPrimary);

    public IEnumerable<InitiativePlacement> Reposts => Initiative.Placements.Where(p => !p.IsPrimary).OrderBy(p => Nodes.FindIndex(n => n.Node.Id == p.NodeId));

    [BindProperty]
    public InitiativeForm Form { get; set; } = new();

    [BindProperty]
    public RepostForm Repost { get; set; } = new();

    [BindProperty]
    public MovePrimaryForm MovePrimary { get; set; } = new();

    [BindProperty]
    public NewIndicatorForm NewIndicator { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string planKey, string initiativeKey)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planKey, string initiativeKey)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        var initiative = Initiative;
        if (Form.Stamp != StampOf(initiative))
        {
            Conflict = initiative;
            Fail(null, "この取組は、この画面を開いたあとでほかの人が変更しました。下の「現在の登録内容」を確かめてください。入力した内容は残してあります。このまま保存すると、入力した内容で上書きします。");
            Form.Stamp = StampOf(initiative);
        }

        var title = Required("title", "取組の名称", Form.Title, 500);
        if (!IsValid)
        {
            Fill(keepEdit: true);
            return Page();
        }

        initiative.Title = title;
        initiative.Body = (Form.Body ?? "").Trim();
        await db.SaveChangesAsync();
        return DoneAndRedirect($"取組「{initiative.Title}」を保存しました。", Here);
    }

    public async Task<IActionResult> OnPostRepostAsync(string planKey, string initiativeKey)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        var node = FindNode("repostNodeId", Repost.RepostNodeId, "【再掲】する項目を選んでください。");
        if (node is not null && Initiative.Placements.FirstOrDefault(p => p.NodeId == node.Id) is { } existing)
        {
            Fail("repostNodeId", existing.IsPrimary
                ? $"「{node.DisplayTitle}」はこの取組の主な掲載場所です。【再掲】は別の項目を選んでください。"
                : $"この取組は既に「{node.DisplayTitle}」に【再掲】されています。");
        }

        var title = Optional("repostTitle", "再掲での表記", Repost.RepostTitle, 500);
        var position = ReadPosition("repostPosition", Repost.RepostPosition);
        if (!IsValid)
        {
            Fill(keepRepost: true);
            return Page();
        }

        var placement = new InitiativePlacement
        {
            Initiative = Initiative,
            Node = node,
            IsPrimary = false,
            Title = title == Initiative.Title ? null : title,
        };
        var placements = PlanTree.PlacementsOf(node!).ToList();
        Positions.Place(placements, placement, position, (p, i) => p.Order = i);
        db.InitiativePlacements.Add(placement);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"取組「{Initiative.Title}」を「{node!.DisplayTitle}」に【再掲】しました。", Here);
    }

    public async Task<IActionResult> OnPostRemovePlacementAsync(string planKey, string initiativeKey, int placementId)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        var placement = Initiative.Placements.FirstOrDefault(p => p.Id == placementId);
        if (placement is null)
        {
            return DoneAndRedirect("その【再掲】は既に取り消されています。", Here);
        }

        if (placement.IsPrimary)
        {
            Fill();
            Fail(null, "主な掲載場所は取り消せません。別の項目に移すときは「主な掲載場所を移す」を使ってください。");
            return Page();
        }

        var node = placement.Node!;
        var siblings = PlanTree.PlacementsOf(node).ToList();
        siblings.Remove(placement);
        Positions.Renumber(siblings, (p, i) => p.Order = i);
        db.InitiativePlacements.Remove(placement);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"「{node.DisplayTitle}」への【再掲】を取り消しました。", Here);
    }

    public async Task<IActionResult> OnPostMovePrimaryAsync(string planKey, string initiativeKey)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        var node = FindNode("primaryNodeId", MovePrimary.PrimaryNodeId, "移す先の項目を選んでください。");
        var primary = Primary;
        if (node is not null && node.Id != primary.NodeId && Initiative.Placements.Any(p => p.NodeId == node.Id))
        {
            Fail("primaryNodeId", $"この取組は「{node.DisplayTitle}」に【再掲】されています。先にその【再掲】を取り消してください。");
        }

        if (!IsValid)
        {
            Fill(keepPrimary: true);
            return Page();
        }

        if (node!.Id == primary.NodeId)
        {
            return DoneAndRedirect($"主な掲載場所は「{node.DisplayTitle}」のままです。", Here);
        }

        var oldNode = primary.Node!;
        var oldSiblings = PlanTree.PlacementsOf(oldNode).ToList();
        oldSiblings.Remove(primary);
        Positions.Renumber(oldSiblings, (p, i) => p.Order = i);
        var newSiblings = PlanTree.PlacementsOf(node).ToList();
        oldNode.Placements.Remove(primary);
        primary.Node = node;
        primary.NodeId = node.Id;
        Positions.Place(newSiblings, primary, null, (p, i) => p.Order = i);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"主な掲載場所を「{oldNode.DisplayTitle}」から「{node.DisplayTitle}」に移しました。", Here);
    }

    public async Task<IActionResult> OnPostAddIndicatorAsync(string planKey, string initiativeKey)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        var name = Required("indicatorName", "成果指標の名称", NewIndicator.IndicatorName, 500);
        if (!IsValid)
        {
            Fill();
            return Page();
        }

        // Indicators are numbered across the plan (the order of the report's rows): a new one comes last.
        var planId = Tree.Plan.Id;
        var order = await db.Indicators.Where(i => i.Initiative!.PlanId == planId).MaxAsync(i => (int?)i.Order) ?? -1;
        var indicator = new Shinchoku.Web.Indicators.Indicator { Initiative = Initiative, Name = name, Order = order + 1 };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"成果指標「{name}」を取組「{Initiative.Title}」に追加しました。単位・基準値・目標値・所管課を入力してください。", $"/admin/indicators/{indicator.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string planKey, string initiativeKey)
    {
        if (!await LoadAsync(planKey, initiativeKey))
        {
            return NotFound();
        }

        var initiative = Initiative;
        if (initiative.Indicators.Count > 0)
        {
            Fill();
            Fail(null, $"取組「{initiative.Title}」には成果指標が{initiative.Indicators.Count}件あるため、削除できません。成果指標を別の取組に移すか削除してから、もう一度操作してください。");
            return Page();
        }

        var primaryNode = Primary.Node!;
        foreach (var placement in initiative.Placements.ToList())
        {
            var siblings = PlanTree.PlacementsOf(placement.Node!).ToList();
            siblings.Remove(placement);
            Positions.Renumber(siblings, (p, i) => p.Order = i);
            db.InitiativePlacements.Remove(placement);
        }

        db.Initiatives.Remove(initiative);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"取組「{initiative.Title}」を削除しました。", $"/admin/plans/{Tree.Plan.Key}/nodes/{primaryNode.Key}#placements");
    }

    private string Here => $"/admin/plans/{Tree.Plan.Key}/initiatives/{Initiative.Key}";

    private PlanNode? FindNode(string field, string? id, string missing)
    {
        if (string.IsNullOrEmpty(id))
        {
            Fail(field, missing);
            return null;
        }

        var node = Tree.Plan.Nodes.FirstOrDefault(n => NodeEditModel.IdText(n) == id);
        if (node is null)
        {
            Fail(field, "選んだ項目が見つかりません。ほかの人が削除した可能性があります。もう一度選んでください。");
        }

        return node;
    }

    private void Fill(bool keepEdit = false, bool keepRepost = false, bool keepPrimary = false)
    {
        if (!keepEdit)
        {
            Form.Title = Initiative.Title;
            Form.Body = Initiative.Body;
            Form.Stamp = StampOf(Initiative);
        }

        if (!keepRepost)
        {
            Repost.RepostNodeId = Repost.RepostTitle = Repost.RepostPosition = null;
        }

        if (!keepPrimary)
        {
            MovePrimary.PrimaryNodeId = NodeEditModel.IdText(Primary.Node!);
        }
    }

    private async Task<bool> LoadAsync(string planKey, string initiativeKey)
    {
        var tree = await PlanTree.LoadAsync(db, planKey);
        var initiative = tree?.Plan.Initiatives.FirstOrDefault(i => i.Key == initiativeKey);
        if (tree is null || initiative is null)
        {
            return false;
        }

        Tree = tree;
        Initiative = initiative;
        Nodes = TreeEditing.Flatten(tree);
        return true;
    }

    private static string StampOf(Initiative i) => EditStamp.Of(i.Title, i.Body);
}
