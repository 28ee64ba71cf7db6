using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy;

/// <summary>A node of a plan's tree: vision, aim, area, field, pillar, … with its label (ア, （ア）, ①) and text.</summary>
public class PlanNode
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public int? ParentId { get; set; }

    public PlanNode? Parent { get; set; }

    public List<PlanNode> Children { get; } = [];

    /// <summary>Unique within the plan (field-kurashi-1).</summary>
    public required string Key { get; set; }

    public NodeKind Kind { get; set; }

    /// <summary>The numbering as printed: ア, （ア）, ①, or empty.</summary>
    public string Label { get; set; } = "";

    public required string Title { get; set; }

    /// <summary>The node's own text (具体像, description), paragraphs separated by line breaks.</summary>
    public string Body { get; set; } = "";

    public int Order { get; set; }

    public List<InitiativePlacement> Placements { get; } = [];

    /// <summary>Label and title as printed: 「① 危機管理」.</summary>
    public string DisplayTitle => string.IsNullOrEmpty(Label) ? Title : $"{Label} {Title}";
}
