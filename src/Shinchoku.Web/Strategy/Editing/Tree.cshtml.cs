using Microsoft.AspNetCore.Mvc;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>A plan's tree to edit: every node and placement with links to edit them, and a form to add a node. DX office only.</summary>
public class TreeModel(ShinchokuDb db) : AdminPageModel
{
    public PlanTree Tree { get; private set; } = null!;

    public List<(PlanNode Node, int Depth)> Nodes { get; private set; } = [];

    [BindProperty]
    public NodeForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string planKey, string? parent)
    {
        if (!await LoadAsync(planKey))
        {
            return NotFound();
        }

        // 「この下に項目を追加」 links preselect the parent.
        if (parent is not null && Nodes.FirstOrDefault(n => n.Node.Key == parent).Node is { } p)
        {
            Form.ParentId = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Form.Kind = (p.Kind switch
            {
                Core.Strategy.NodeKind.Area => Core.Strategy.NodeKind.Field,
                Core.Strategy.NodeKind.Field => Core.Strategy.NodeKind.Subsection,
                Core.Strategy.NodeKind.Pillar => Core.Strategy.NodeKind.PillarItem,
                var k => k,
            }).ToString();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddNodeAsync(string planKey)
    {
        if (!await LoadAsync(planKey))
        {
            return NotFound();
        }

        PlanNode? parent = null;
        if (!string.IsNullOrEmpty(Form.ParentId))
        {
            parent = Nodes.Select(n => n.Node).FirstOrDefault(n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Form.ParentId);
            if (parent is null)
            {
                Fail("parentId", "追加する場所の項目が見つかりません。ほかの人が削除した可能性があります。もう一度選んでください。");
            }
        }

        var kind = TreeEditing.ReadKind(Form.Kind);
        if (kind is null)
        {
            Fail("kind", "項目の種類を選んでください。");
        }

        var label = Optional("label", "番号", Form.Label, 20) ?? "";
        var title = Required("title", "名称", Form.Title, 500);
        var body = (Form.Body ?? "").Trim();
        var position = ReadPosition("position", Form.Position);
        if (!IsValid)
        {
            return Page();
        }

        var plan = Tree.Plan;
        var node = new PlanNode
        {
            PlanId = plan.Id,
            Parent = parent,
            Key = TreeEditing.NewKey("node", [.. plan.Nodes.Select(n => n.Key)]),
            Kind = kind!.Value,
            Label = label,
            Title = title,
            Body = body,
        };
        var siblings = (parent is null ? Tree.Roots : PlanTree.ChildrenOf(parent)).ToList();
        Positions.Place(siblings, node, position, (n, i) => n.Order = i);
        db.PlanNodes.Add(node);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"項目「{node.DisplayTitle}」を追加しました。", $"/admin/plans/{plan.Key}#node-{node.Key}");
    }

    private async Task<bool> LoadAsync(string planKey)
    {
        var tree = await PlanTree.LoadAsync(db, planKey);
        if (tree is null)
        {
            return false;
        }

        Tree = tree;
        Nodes = TreeEditing.Flatten(tree);
        return true;
    }
}
