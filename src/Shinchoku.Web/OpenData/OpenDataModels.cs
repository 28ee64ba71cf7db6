namespace Shinchoku.Web.OpenData;

// The shapes of the open data API. Identifiers are stable: a plan's key, a node's key (unique within its plan),
// an initiative's key, an indicator's id. Fiscal years are start years (2020 = 令和2年度) with the Japanese name
// beside them; dates are YYYY-MM-DD; progress is a fraction (1 = 100%), as in the data definitions. Only
// published reports appear in any of them.

/// <summary>A plan (戦略) that is public: <c>Status</c> current or superseded, never a draft.</summary>
public sealed record PlanItem(
    string Key,
    string Name,
    string Version,
    string Status,
    string? Issued,
    string? IssuedOn,
    string Organization,
    string OrganizationCode,
    string? Purpose,
    int NodeCount,
    int InitiativeCount,
    int IndicatorCount,
    IReadOnlyList<PublishedReport> PublishedReports);

/// <summary>A published progress report of a plan for one fiscal year.</summary>
public sealed record PublishedReport(int FiscalYear, string FiscalYearName, string Title, string? PublishedOn);

/// <summary>A node of a plan's tree (目指す姿, ねらい, 大項目, 中項目 …) with the initiatives listed under it and its children.</summary>
public sealed record TreeNode(
    string Key,
    string Kind,
    string KindName,
    string Label,
    string Title,
    string Body,
    string? ParentKey,
    int Order,
    IReadOnlyList<NodePlacement> Initiatives,
    IReadOnlyList<TreeNode> Children);

/// <summary>An initiative as listed under a node: primary, or 【再掲】 (<c>IsPrimary</c> false).</summary>
public sealed record NodePlacement(string InitiativeKey, string Title, bool IsPrimary);

/// <summary>An initiative (取組): the nodes it is listed under (primary first) and its indicators.</summary>
public sealed record InitiativeItem(
    string OrganizationCode,
    string PlanKey,
    string Key,
    string Title,
    string Body,
    IReadOnlyList<string> NodeKeys,
    IReadOnlyList<int> IndicatorIds);

/// <summary>A value as the department wrote it, with what was read from it.</summary>
public sealed record ValueItem(string Text, string Kind, decimal? Magnitude, string? Unit, string? AsOf);

/// <summary>A target (中間目標 or 最終目標) and the fiscal year by which it is to be reached.</summary>
public sealed record TargetItem(string Kind, int FiscalYear, string FiscalYearName, ValueItem Value);

/// <summary>Marks of a row: trend (↗ → ↘, in parentheses when read from the actual), rating (◎ ○ △ ー ×), interim (○ ×).</summary>
public sealed record Marks(string Trend, string Rating, string Interim);

/// <summary>A person's override of the computed marks, with its required reason.</summary>
public sealed record OverrideItem(string Reason, string On, Marks Marks);

/// <summary>One published fiscal year of an indicator: the values, narratives, marks and how they were calculated; when corrected after publication, the date (訂正) and the reason.</summary>
public sealed record YearItem(
    int FiscalYear,
    string FiscalYearName,
    string? PublishedOn,
    ValueItem Actual,
    ValueItem Projection,
    string ProjectionBasis,
    string ValueSource,
    decimal? Progress,
    Marks Computed,
    Marks Shown,
    OverrideItem? Override,
    string? NotRatedReason,
    string Calculation,
    string Status,
    string MissedReason,
    string Countermeasure,
    string Challenges,
    string Plan,
    string? CorrectedOn = null,
    string? CorrectionReason = null);

/// <summary>An indicator in a list: its definition and the marks of one published fiscal year (the latest, or the one asked for).</summary>
public sealed record IndicatorItem(
    string OrganizationCode,
    string PlanKey,
    int Id,
    string InitiativeKey,
    string InitiativeTitle,
    IReadOnlyList<string> NodeKeys,
    string Name,
    string? Unit,
    string Direction,
    IReadOnlyList<string> Departments,
    ValueItem Baseline,
    int? BaselineFiscalYear,
    TargetItem? InterimTarget,
    TargetItem? FinalTarget,
    int? FiscalYear,
    string? FiscalYearName,
    string? Value,
    decimal? Progress,
    string Trend,
    string Rating,
    string? NotRatedReason);

/// <summary>
/// An indicator with every published fiscal year. <c>PredecessorId</c> is the indicator of the previous plan version it
/// continues, <c>SuccessorIds</c> those of later versions that continue it, and <c>PredecessorYears</c> the published
/// years of the predecessors (nearest version first for a year both report; years this indicator reports are not
/// repeated), each with the plan it belongs to.
/// </summary>
public sealed record IndicatorDetail(
    int Id,
    string PlanKey,
    string Organization,
    string OrganizationCode,
    string InitiativeKey,
    string InitiativeTitle,
    IReadOnlyList<string> NodeKeys,
    string Name,
    string? Unit,
    string Direction,
    IReadOnlyList<string> Departments,
    ValueItem Baseline,
    int? BaselineFiscalYear,
    IReadOnlyList<TargetItem> Targets,
    IReadOnlyList<YearItem> Years,
    string License,
    int? PredecessorId = null,
    IReadOnlyList<int>? SuccessorIds = null,
    IReadOnlyList<LineageYear>? PredecessorYears = null);

/// <summary>A published year of a predecessor indicator (lineage across plan versions), with the plan and indicator it belongs to.</summary>
public sealed record LineageYear(string PlanKey, string PlanVersion, int IndicatorId, string IndicatorName, YearItem Year);

/// <summary>A list answer: the items and the licence they are published under.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string License);

/// <summary>A page of a long list.</summary>
public sealed record PagedList<T>(int Page, int PageSize, int Total, int TotalPages, IReadOnlyList<T> Items, string License);

/// <summary>A plan with its tree.</summary>
public sealed record PlanTreeAnswer(string OrganizationCode, string PlanKey, IReadOnlyList<TreeNode> Roots, string License);
