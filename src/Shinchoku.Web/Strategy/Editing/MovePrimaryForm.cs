namespace Shinchoku.Web.Strategy.Editing;

/// <summary>The form that moves an initiative's main placement to another node.</summary>
public sealed class MovePrimaryForm
{
    /// <summary>The node's id as posted.</summary>
    public string? PrimaryNodeId { get; set; }
}
