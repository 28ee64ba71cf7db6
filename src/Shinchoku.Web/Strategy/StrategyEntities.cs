using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy;

/// <summary>A prefecture or municipality that runs its strategy in Shinchoku.</summary>
public class Organization
{
    public int Id { get; set; }

    /// <summary>千葉県.</summary>
    public required string Name { get; set; }

    /// <summary>全国地方公共団体コード, six digits with check digit (120006).</summary>
    public required string Code { get; set; }

    public List<Plan> Plans { get; } = [];

    public List<Department> Departments { get; } = [];
}

/// <summary>A strategy document (or the previous ICT strategy): one version of it.</summary>
public class Plan
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>Stable key used in URLs and on the command line (chiba-dx-1.1).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>1.1 (printed 1.1版).</summary>
    public required string VersionLabel { get; set; }

    /// <summary>The month the document was issued, as printed (令和8年3月).</summary>
    public string? IssuedLabel { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public PlanStatus Status { get; set; }

    /// <summary>The plan this version was made from (1.0 for 1.1), if any.</summary>
    public int? PredecessorId { get; set; }

    public Plan? Predecessor { get; set; }

    /// <summary>戦略の趣旨 and other introductory text.</summary>
    public string? Purpose { get; set; }

    /// <summary>How the plan is kept up to date (毎年度の進捗管理, 成長する戦略 …), one paragraph per line.</summary>
    public string? Maintenance { get; set; }

    public List<PlanNode> Nodes { get; } = [];

    public List<Initiative> Initiatives { get; } = [];
}

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

/// <summary>An initiative (取組). It may be listed under several nodes; one placement is primary, the others are 【再掲】.</summary>
public class Initiative
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public string Body { get; set; } = "";

    public List<InitiativePlacement> Placements { get; } = [];

    public List<Indicators.Indicator> Indicators { get; } = [];

    public List<Player> Players { get; } = [];
}

/// <summary>Where an initiative is listed: under a node, primary or 【再掲】, in an order.</summary>
public class InitiativePlacement
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public int NodeId { get; set; }

    public PlanNode? Node { get; set; }

    /// <summary>False for a 【再掲】 listing.</summary>
    public bool IsPrimary { get; set; }

    /// <summary>The wording printed at this place when it differs from the initiative's title (a 【再掲】 may name part of it).</summary>
    public string? Title { get; set; }

    /// <summary>The title shown at this place.</summary>
    public string DisplayTitle => Title ?? Initiative?.Title ?? "";

    public int Order { get; set; }
}

/// <summary>A department (所管課) that owns the reporting of indicators.</summary>
public class Department
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }
}

/// <summary>A player (プレイヤー) of the strategy: 県, 市町村, 企業・団体, 県民 ….</summary>
public class Player
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Name { get; set; }

    public List<Initiative> Initiatives { get; } = [];
}
