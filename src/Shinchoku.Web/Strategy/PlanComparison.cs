using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Strategy;

/// <summary>How an item of a plan changed from one version to the next; an item can be both moved and renamed.</summary>
[Flags]
public enum ItemChange
{
    None = 0,
    Added = 1,
    Removed = 2,
    Moved = 4,
    Renamed = 8,
}

/// <summary>A node in both or one of two versions, matched by key, with what changed.</summary>
public sealed record NodeDifference(string Key, PlanNode? Before, PlanNode? After, ItemChange Change);

/// <summary>An initiative in both or one of two versions, matched by key, with what changed (moved: its places differ).</summary>
public sealed record InitiativeDifference(string Key, Initiative? Before, Initiative? After, ItemChange Change);

/// <summary>An indicator carried on into the later version (its predecessor is in the earlier one), with what changed.</summary>
public sealed record CarriedIndicator(Indicator Before, Indicator After, bool Renamed, bool InitiativeChanged, bool TargetsChanged, bool UnitChanged)
{
    /// <summary>True when nothing in the definition compared here changed.</summary>
    public bool Unchanged => !Renamed && !InitiativeChanged && !TargetsChanged && !UnitChanged;
}

/// <summary>
/// What changed between two versions of a plan (1.0 → 1.1): nodes and initiatives matched by key — added, removed,
/// moved (parent or places changed), renamed (title changed) — and indicators matched by lineage: carried on, new,
/// retired.
/// </summary>
public sealed class PlanComparison
{
    private PlanComparison(PlanTree before, PlanTree after) => (Before, After) = (before, after);

    public PlanTree Before { get; }

    public PlanTree After { get; }

    /// <summary>The nodes that changed, in the order of the later version (removed ones in the earlier version's order, last).</summary>
    public List<NodeDifference> Nodes { get; } = [];

    public List<InitiativeDifference> Initiatives { get; } = [];

    public List<CarriedIndicator> Carried { get; } = [];

    /// <summary>Indicators of the later version that continue none of the earlier one.</summary>
    public List<Indicator> New { get; } = [];

    /// <summary>Indicators of the earlier version that no indicator of the later one continues.</summary>
    public List<Indicator> Retired { get; } = [];

    /// <summary>How many nodes (or initiatives) have <paramref name="change"/>.</summary>
    public static int Count<T>(IEnumerable<T> items, Func<T, ItemChange> changeOf, ItemChange change) => items.Count(i => changeOf(i).HasFlag(change));

    /// <summary>Compares <paramref name="before"/> (the earlier version) with <paramref name="after"/>. Targets must be loaded.</summary>
    public static PlanComparison Of(PlanTree before, PlanTree after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var c = new PlanComparison(before, after);
        var oldNodes = before.Plan.Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var newNodes = after.Plan.Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        foreach (var node in InTreeOrder(after))
        {
            var old = oldNodes.GetValueOrDefault(node.Key);
            var change = old is null ? ItemChange.Added
                : (old.Parent?.Key != node.Parent?.Key ? ItemChange.Moved : ItemChange.None)
                  | (old.DisplayTitle != node.DisplayTitle ? ItemChange.Renamed : ItemChange.None);
            if (change != ItemChange.None)
            {
                c.Nodes.Add(new NodeDifference(node.Key, old, node, change));
            }
        }

        c.Nodes.AddRange(InTreeOrder(before).Where(n => !newNodes.ContainsKey(n.Key)).Select(n => new NodeDifference(n.Key, n, null, ItemChange.Removed)));

        var oldInitiatives = before.Plan.Initiatives.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var newInitiatives = after.Plan.Initiatives.ToDictionary(i => i.Key, StringComparer.Ordinal);
        foreach (var initiative in after.Plan.Initiatives.OrderBy(i => i.Id))
        {
            var old = oldInitiatives.GetValueOrDefault(initiative.Key);
            var change = old is null ? ItemChange.Added
                : (!PlacesOf(old).SequenceEqual(PlacesOf(initiative)) ? ItemChange.Moved : ItemChange.None)
                  | (old.Title != initiative.Title ? ItemChange.Renamed : ItemChange.None);
            if (change != ItemChange.None)
            {
                c.Initiatives.Add(new InitiativeDifference(initiative.Key, old, initiative, change));
            }
        }

        c.Initiatives.AddRange(before.Plan.Initiatives.OrderBy(i => i.Id).Where(i => !newInitiatives.ContainsKey(i.Key))
            .Select(i => new InitiativeDifference(i.Key, i, null, ItemChange.Removed)));

        var oldIndicators = before.Plan.Initiatives.SelectMany(i => i.Indicators).ToDictionary(i => i.Id);
        var continued = new HashSet<int>();
        foreach (var indicator in after.Plan.Initiatives.SelectMany(i => i.Indicators).OrderBy(i => i.Order).ThenBy(i => i.Id))
        {
            if (indicator.PredecessorId is { } p && oldIndicators.TryGetValue(p, out var old))
            {
                continued.Add(p);
                c.Carried.Add(new CarriedIndicator(old, indicator,
                    Renamed: old.Name != indicator.Name,
                    InitiativeChanged: old.Initiative!.Key != indicator.Initiative!.Key,
                    TargetsChanged: !TargetsOf(old).SequenceEqual(TargetsOf(indicator)),
                    UnitChanged: old.Unit != indicator.Unit));
            }
            else
            {
                c.New.Add(indicator);
            }
        }

        c.Retired.AddRange(oldIndicators.Values.Where(i => !continued.Contains(i.Id)).OrderBy(i => i.Order).ThenBy(i => i.Id));
        return c;
    }

    /// <summary>Where an initiative is listed: node keys, primary first.</summary>
    public static IEnumerable<string> PlacesOf(Initiative initiative) =>
        initiative.Placements.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Node!.Key, StringComparer.Ordinal).Select(p => (p.IsPrimary ? "" : "再掲:") + p.Node!.Key);

    /// <summary>The targets as written, in a fixed order: 中間目標（令和7年度）: 100件.</summary>
    public static IEnumerable<string> TargetsOf(Indicator indicator) =>
        indicator.Targets.OrderBy(t => t.Kind).ThenBy(t => t.FiscalYear)
            .Select(t => $"{(t.Kind == TargetKind.Interim ? "中間目標" : "最終目標")}（{t.FiscalYear}）: {t.Value.Text}");

    private static IEnumerable<PlanNode> InTreeOrder(PlanTree tree) => tree.Flatten().Select(n => n.Node);
}
