using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>
/// One node of a plan's tree: change or move it, delete it when nothing hangs below it, and add an initiative
/// under it. DX office only.
/// </summary>
public class NodeEditModel(ShinchokuDb db) : AdminPageModel
{
    public PlanTree Tree { get; private set; } = null!;

    public PlanNode Node { get; private set; } = null!;

    /// <summary>The nodes the node may be moved under: all but itself and those below it.</summary>
    public List<(PlanNode Node, int Depth)> Parents { get; private set; } = [];

    /// <summary>The node as another administrator saved it while this form was open, or null.</summary>
    public PlanNode? Conflict { get; private set; }

    [BindProperty]
    public NodeForm Form { get; set; } = new();

    [BindProperty]
    public NewInitiativeForm NewInitiative { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string planKey, string nodeKey)
    {
        if (!await LoadAsync(planKey, nodeKey))
        {
            return NotFound();
        }

        FillFromNode();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planKey, string nodeKey)
    {
        if (!await LoadAsync(planKey, nodeKey))
        {
            return NotFound();
        }

        var node = Node;
        if (Form.Stamp != StampOf(node))
        {
            Conflict = node;
            Fail(null, "この項目は、この画面を開いたあとでほかの人が変更しました。下の「現在の登録内容」を確かめてください。入力した内容は残してあります。このまま保存すると、入力した内容で上書きします。");
            Form.Stamp = StampOf(node);
        }

        PlanNode? parent = null;
        if (!string.IsNullOrEmpty(Form.ParentId))
        {
            parent = Tree.Plan.Nodes.FirstOrDefault(n => IdText(n) == Form.ParentId);
            if (parent is null)
            {
                Fail("parentId", "移動先の項目が見つかりません。ほかの人が削除した可能性があります。もう一度選んでください。");
            }
            else if (TreeEditing.IsSelfOrBelow(parent, node))
            {
                Fail("parentId", $"「{node.DisplayTitle}」を、それ自身やその下の項目（「{parent.DisplayTitle}」）の下には移動できません。");
            }
        }

        var kind = TreeEditing.ReadKind(Form.Kind);
        if (kind is null)
        {
            Fail("kind", "項目の種類を選んでください。");
        }

        var label = Optional("label", "番号", Form.Label, 20) ?? "";
        var title = Required("title", "名称", Form.Title, 500);
        var position = ReadPosition("position", Form.Position);
        if (!IsValid)
        {
            return Page();
        }

        var oldSiblings = Siblings(node.Parent);
        if (parent?.Id != node.ParentId)
        {
            oldSiblings.Remove(node);
            Positions.Renumber(oldSiblings, (n, i) => n.Order = i);
            var newSiblings = Siblings(parent);
            node.Parent?.Children.Remove(node);
            node.Parent = parent;
            node.ParentId = parent?.Id;
            Positions.Place(newSiblings, node, position, (n, i) => n.Order = i);
        }
        else
        {
            Positions.Place(oldSiblings, node, position ?? oldSiblings.IndexOf(node) + 1, (n, i) => n.Order = i);
        }

        node.Kind = kind!.Value;
        node.Label = label;
        node.Title = title;
        node.Body = (Form.Body ?? "").Trim();
        await db.SaveChangesAsync();
        return DoneAndRedirect($"項目「{node.DisplayTitle}」を保存しました。", $"/admin/plans/{Tree.Plan.Key}#node-{node.Key}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string planKey, string nodeKey)
    {
        if (!await LoadAsync(planKey, nodeKey))
        {
            return NotFound();
        }

        var node = Node;
        var children = node.Children.Count;
        var placements = node.Placements.Count;
        if (children > 0 || placements > 0)
        {
            FillFromNode();
            var what = string.Join("と", new[] { children > 0 ? $"下の項目が{children}件" : null, placements > 0 ? $"取組が{placements}件" : null }.Where(s => s is not null));
            Fail(null, $"「{node.DisplayTitle}」には{what}あるため、削除できません。先に下の項目を別の場所に移動するか削除し、取組の掲載場所を変えてください。");
            return Page();
        }

        var siblings = Siblings(node.Parent);
        siblings.Remove(node);
        Positions.Renumber(siblings, (n, i) => n.Order = i);
        db.PlanNodes.Remove(node);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"項目「{node.DisplayTitle}」を削除しました。", $"/admin/plans/{Tree.Plan.Key}");
    }

    public async Task<IActionResult> OnPostAddInitiativeAsync(string planKey, string nodeKey)
    {
        if (!await LoadAsync(planKey, nodeKey))
        {
            return NotFound();
        }

        var title = Required("initiativeTitle", "取組の名称", NewInitiative.InitiativeTitle, 500);
        var position = ReadPosition("initiativePosition", NewInitiative.InitiativePosition);
        if (!IsValid)
        {
            FillFromNode(keepInitiative: true);
            return Page();
        }

        var plan = Tree.Plan;
        var initiative = new Initiative
        {
            PlanId = plan.Id,
            Key = TreeEditing.NewKey("initiative", [.. plan.Initiatives.Select(i => i.Key)]),
            Title = title,
            Body = (NewInitiative.InitiativeBody ?? "").Trim(),
        };
        var placement = new InitiativePlacement { Initiative = initiative, Node = Node, IsPrimary = true };
        var placements = PlanTree.PlacementsOf(Node).ToList();
        Positions.Place(placements, placement, position, (p, i) => p.Order = i);
        db.Initiatives.Add(initiative);
        db.InitiativePlacements.Add(placement);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"取組「{initiative.Title}」を「{Node.DisplayTitle}」に追加しました。", $"/admin/plans/{plan.Key}/nodes/{Node.Key}#placements");
    }

    internal static string IdText(PlanNode node) => node.Id.ToString(CultureInfo.InvariantCulture);

    private List<PlanNode> Siblings(PlanNode? parent) => (parent is null ? Tree.Roots : PlanTree.ChildrenOf(parent)).ToList();

    private void FillFromNode(bool keepInitiative = false)
    {
        var node = Node;
        Form.ParentId = node.ParentId is null ? "" : IdText(node.Parent!);
        Form.Kind = node.Kind.ToString();
        Form.Label = node.Label;
        Form.Title = node.Title;
        Form.Body = node.Body;
        Form.Position = (Siblings(node.Parent).IndexOf(node) + 1).ToString(CultureInfo.InvariantCulture);
        Form.Stamp = StampOf(node);
        if (!keepInitiative)
        {
            NewInitiative.InitiativeTitle = NewInitiative.InitiativeBody = NewInitiative.InitiativePosition = null;
        }
    }

    private async Task<bool> LoadAsync(string planKey, string nodeKey)
    {
        var tree = await PlanTree.LoadAsync(db, planKey);
        var node = tree?.Plan.Nodes.FirstOrDefault(n => n.Key == nodeKey);
        if (tree is null || node is null)
        {
            return false;
        }

        Tree = tree;
        Node = node;
        Parents = TreeEditing.Flatten(tree).Where(n => !TreeEditing.IsSelfOrBelow(n.Node, node)).ToList();
        return true;
    }

    private static string StampOf(PlanNode n) => EditStamp.Of(n.ParentId, n.Kind, n.Label, n.Title, n.Body);
}
