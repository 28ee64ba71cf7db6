using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Strategy;

/// <summary>A plan loaded whole, as a tree: nodes in order, each with its initiative placements and indicators.</summary>
public sealed class PlanTree
{
    private PlanTree(Plan plan) => Plan = plan;

    public Plan Plan { get; }

    public IEnumerable<PlanNode> Roots => Plan.Nodes.Where(n => n.ParentId is null).OrderBy(n => n.Order);

    /// <summary>Loads a plan by key, or the current plan when <paramref name="key"/> is null.</summary>
    public static async Task<PlanTree?> LoadAsync(ShinchokuDb db, string? key, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans
            .Include(p => p.Organization)
            .Where(p => key == null ? p.Status == PlanStatus.Current : p.Key == key)
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        // Loading into the tracked plan fills the navigation collections (children, placements) in one go.
        await db.PlanNodes.Where(n => n.PlanId == plan.Id).LoadAsync(cancellationToken);
        await db.Initiatives.Where(i => i.PlanId == plan.Id).Include(i => i.Indicators).LoadAsync(cancellationToken);
        await db.InitiativePlacements.Where(p => p.Node!.PlanId == plan.Id).LoadAsync(cancellationToken);
        return new PlanTree(plan);
    }

    /// <summary>Loads a plan as <see cref="LoadAsync"/> does, or null when <paramref name="user"/> may not see it (drafts are for staff).</summary>
    public static async Task<PlanTree?> LoadVisibleAsync(ShinchokuDb db, string? key, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var tree = await LoadAsync(db, key, cancellationToken);
        return tree is null || (tree.Plan.Status == PlanStatus.Draft && !Reporting.Publication.SeesUnpublished(user)) ? null : tree;
    }

    /// <summary>The nodes depth first, in order, with their depth (0 for a root).</summary>
    public List<(PlanNode Node, int Depth)> Flatten()
    {
        var list = new List<(PlanNode, int)>();
        foreach (var root in Roots)
        {
            Add(root, 0);
        }

        return list;

        void Add(PlanNode node, int depth)
        {
            list.Add((node, depth));
            foreach (var child in ChildrenOf(node))
            {
                Add(child, depth + 1);
            }
        }
    }

    public static IEnumerable<PlanNode> ChildrenOf(PlanNode node) => node.Children.OrderBy(c => c.Order);

    public static IEnumerable<InitiativePlacement> PlacementsOf(PlanNode node) => node.Placements.OrderBy(p => p.Order);

    /// <summary>The path from the root to <paramref name="node"/>, inclusive.</summary>
    public static List<PlanNode> PathTo(PlanNode node)
    {
        var path = new List<PlanNode>();
        for (var n = node; n is not null; n = n.Parent)
        {
            path.Insert(0, n);
        }

        return path;
    }

    /// <summary>The node kind in English, for the English pages.</summary>
    public static string EnglishKindName(NodeKind kind) => kind switch
    {
        NodeKind.Vision => "Vision",
        NodeKind.Aim => "Aim",
        NodeKind.Area => "Area",
        NodeKind.Field => "Field",
        NodeKind.Subsection => "Subsection",
        NodeKind.Pillar => "Foundation",
        NodeKind.PillarItem => "Foundation measure",
        NodeKind.PointToKeepInMind => "Point to keep in mind",
        NodeKind.Direction => "Direction of initiatives",
        _ => kind.ToString(),
    };

    /// <summary>The node kind in Japanese, as the document names it.</summary>
    public static string KindName(NodeKind kind) => kind switch
    {
        NodeKind.Vision => "目指す姿",
        NodeKind.Aim => "ねらい",
        NodeKind.Area => "大項目",
        NodeKind.Field => "中項目",
        NodeKind.Subsection => "小項目",
        NodeKind.Pillar => "土台づくり",
        NodeKind.PillarItem => "土台づくりの取組",
        NodeKind.PointToKeepInMind => "留意すること",
        NodeKind.Direction => "取組の方向性",
        _ => kind.ToString(),
    };
}
