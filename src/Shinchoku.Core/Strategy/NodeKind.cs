namespace Shinchoku.Core.Strategy;

/// <summary>The kinds of node in a strategy's tree (vision → aims → areas → fields, and beside them pillars and points to keep in mind).</summary>
public enum NodeKind
{
    /// <summary>目指す姿: the vision.</summary>
    Vision,

    /// <summary>ねらい: an aim.</summary>
    Aim,

    /// <summary>大項目 / 分野: an area (暮らし, 仕事・生きがい, 産業, 行政).</summary>
    Area,

    /// <summary>中項目: a field within an area (e.g. 危機管理).</summary>
    Field,

    /// <summary>小項目: a subsection below a field, where a plan has one.</summary>
    Subsection,

    /// <summary>推進を支える土台づくり: a pillar.</summary>
    Pillar,

    /// <summary>An item under a pillar.</summary>
    PillarItem,

    /// <summary>留意すること: a point to keep in mind.</summary>
    PointToKeepInMind,

    /// <summary>取組の方向性: a direction of the initiatives.</summary>
    Direction,
}

/// <summary>Where a plan is in its life.</summary>
public enum PlanStatus
{
    /// <summary>Being written; not public.</summary>
    Draft,

    /// <summary>The plan in force.</summary>
    Current,

    /// <summary>Replaced by a later version; kept for its reports.</summary>
    Superseded,
}
