namespace Shinchoku.Web.Strategy.Editing;

/// <summary>The form that adds an initiative under a node, as typed.</summary>
public sealed class NewInitiativeForm
{
    public string? InitiativeTitle { get; set; }

    public string? InitiativeBody { get; set; }

    /// <summary>The position among the node's initiatives as typed (1 = first); empty for last.</summary>
    public string? InitiativePosition { get; set; }
}
