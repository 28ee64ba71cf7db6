using Shinchoku.Core.Time;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Indicators;

/// <summary>One indicator's report for one fiscal year: actual, projection, narratives, printed marks.</summary>
public class IndicatorReport : Data.IVersioned
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public FiscalYear FiscalYear { get; set; }

    /// <summary>実績値 with its as-of note, as entered.</summary>
    public RecordedValue Actual { get; set; } = RecordedValue.Empty();

    /// <summary>見込値, as entered.</summary>
    public RecordedValue Projection { get; set; } = RecordedValue.Empty();

    /// <summary>見込値の算出根拠.</summary>
    public string ProjectionBasis { get; set; } = "";

    /// <summary>How the projection was reached (年度末換算, 前年度伸び率, 据え置き, 独自), stored with it and audited.</summary>
    public Core.Projections.ProjectionMethod ProjectionMethod { get; set; }

    /// <summary>取組状況.</summary>
    public string Status { get; set; } = "";

    /// <summary>中間目標が未達成となった理由.</summary>
    public string MissedReason { get; set; } = "";

    /// <summary>未達成の場合の対策.</summary>
    public string Countermeasure { get; set; } = "";

    /// <summary>取組を行っている上での課題.</summary>
    public string Challenges { get; set; } = "";

    /// <summary>今後の取組方針・対策.</summary>
    public string Plan { get; set; } = "";

    /// <summary>アドバイザリー会議で専門家に聞きたいこと.</summary>
    public string QuestionToExperts { get; set; } = "";

    /// <summary>The marks printed in the sheet this report came from (empty when entered here).</summary>
    public string PrintedTrend { get; set; } = "";

    public string PrintedRating { get; set; } = "";

    public string PrintedInterimReached { get; set; } = "";

    /// <summary>A person's judgement that differs from the rule, recorded with the printed marks.</summary>
    public string? PrintedJudgementNote { get; set; }

    public List<RatingOverrideRecord> Overrides { get; } = [];

    /// <summary>
    /// The KPI year as computed when a value, target or the direction last changed (<see cref="KpiYears"/>), so that
    /// reading the report parses and evaluates nothing. Derived data: not audited.
    /// </summary>
    public IndicatorYearRecord Evaluation { get; set; } = new();

    /// <summary>Where the report stands in its cycle; only approved reports of published cycles are public.</summary>
    public ReportState State { get; set; }

    /// <summary>When the report was last approved.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>When a correction after publication was approved (shown publicly as 訂正); null when never corrected.</summary>
    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>Submissions, returns, approvals, reopenings and comments, oldest first.</summary>
    public List<Reporting.ReviewEvent> ReviewEvents { get; } = [];

    /// <summary>Expert answers, the department's actions and the council's advice on this report.</summary>
    public List<Council.CouncilPost> CouncilPosts { get; } = [];

    /// <summary>Incremented on every save; the concurrency token.</summary>
    public int Version { get; set; }
}
