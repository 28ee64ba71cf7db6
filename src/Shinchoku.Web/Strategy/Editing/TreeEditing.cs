using Shinchoku.Core.Strategy;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>What the tree-editing pages share: nodes listed for a choice, keys for new nodes and initiatives.</summary>
public static class TreeEditing
{
    /// <summary>Every node kind, in the order of the document.</summary>
    public static IReadOnlyList<NodeKind> Kinds { get; } = Enum.GetValues<NodeKind>();

    /// <summary>The nodes of <paramref name="tree"/> depth first, in order, with their depth (0 for a root).</summary>
    public static List<(PlanNode Node, int Depth)> Flatten(PlanTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return tree.Flatten();
    }

    /// <summary>The text of a node in a list of choices: indented by depth, with its kind.</summary>
    public static string OptionText(PlanNode node, int depth) =>
        new string('　', depth) + (depth > 0 ? "└ " : "") + node.DisplayTitle + "（" + PlanTree.KindName(node.Kind) + "）";

    /// <summary>True when <paramref name="candidate"/> is <paramref name="node"/> or lies below it.</summary>
    public static bool IsSelfOrBelow(PlanNode candidate, PlanNode node)
    {
        for (var n = candidate; n is not null; n = n.Parent)
        {
            if (n.Id == node.Id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key not yet in <paramref name="taken"/>: <paramref name="prefix"/>-N, N counting on from the number of keys.</summary>
    public static string NewKey(string prefix, IReadOnlyCollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var set = taken as ISet<string> ?? new HashSet<string>(taken, StringComparer.Ordinal);
        for (var n = taken.Count + 1; ; n++)
        {
            var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{n}");
            if (!set.Contains(key))
            {
                return key;
            }
        }
    }

    /// <summary>Reads a node kind posted by a form (its English name), or null.</summary>
    public static NodeKind? ReadKind(string? text) =>
        Kinds.Cast<NodeKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text, StringComparison.Ordinal));
}

/// <summary>What the node fields partial shows: the page (for its errors) and the values typed.</summary>
public sealed record NodeFieldsView(AdminPageModel Page, NodeForm Form, string PositionHint);

/// <summary>What the plan fields partial shows (name, key, version, issue): the page (for its errors), the values typed and a note on the key.</summary>
public sealed record PlanFieldsView(AdminPageModel Page, PlanForm Form, string KeyHint);
