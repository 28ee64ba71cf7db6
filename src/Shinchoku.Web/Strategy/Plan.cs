using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy;

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
