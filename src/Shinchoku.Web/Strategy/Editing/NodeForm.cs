namespace Shinchoku.Web.Strategy.Editing;

/// <summary>A tree node's form as typed, when adding one under a parent or changing one (then with its fingerprint).</summary>
public sealed class NodeForm
{
    /// <summary>The parent node's id as posted; empty for the top level.</summary>
    public string? ParentId { get; set; }

    /// <summary>The <see cref="Core.Strategy.NodeKind"/>'s name.</summary>
    public string? Kind { get; set; }

    /// <summary>番号, as printed (1, (1), ①).</summary>
    public string? Label { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    /// <summary>The position among its siblings as typed (1 = first); empty for last.</summary>
    public string? Position { get; set; }

    /// <summary>The fingerprint of the node when the form was filled (<see cref="Shared.EditStamp"/>).</summary>
    public string? Stamp { get; set; }
}
