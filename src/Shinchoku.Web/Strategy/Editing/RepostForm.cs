namespace Shinchoku.Web.Strategy.Editing;

/// <summary>The form that places an initiative again under another node (【再掲】), as typed.</summary>
public sealed class RepostForm
{
    /// <summary>The node's id as posted.</summary>
    public string? RepostNodeId { get; set; }

    /// <summary>The title printed there, when it differs from the initiative's.</summary>
    public string? RepostTitle { get; set; }

    /// <summary>The position among the node's initiatives as typed (1 = first); empty for last.</summary>
    public string? RepostPosition { get; set; }
}
