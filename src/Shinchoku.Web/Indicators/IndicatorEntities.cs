using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Indicators;

/// <summary>A KPI (成果指標) of an initiative, with its baseline and targets.</summary>
public class Indicator : Data.IVersioned
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    /// <summary>The departments (所管課) that report on the indicator; usually one.</summary>
    public List<Department> Departments { get; } = [];

    public required string Name { get; set; }

    /// <summary>The unit values are written in, when one is stated.</summary>
    public string? Unit { get; set; }

    /// <summary>The desired direction set by the DX office, or null to infer it from the targets.</summary>
    public Direction? Direction { get; set; }

    /// <summary>基準値 as entered, with its parsed form.</summary>
    public RecordedValue Baseline { get; set; } = RecordedValue.Empty();

    /// <summary>The fiscal year the baseline column is headed with (基準値（令和元年度）), as its start year.</summary>
    public int? BaselineFiscalYear { get; set; }

    /// <summary>Which report table the indicator is printed in (4-1, 4-2, 4-3).</summary>
    public string? ReportTable { get; set; }

    public int Order { get; set; }

    public List<IndicatorTarget> Targets { get; } = [];

    public List<IndicatorReport> Reports { get; } = [];

    /// <summary>The indicator of the previous version of the plan this one continues (lineage), if any.</summary>
    public int? PredecessorId { get; set; }

    public Indicator? Predecessor { get; set; }

    /// <summary>Incremented on every save; a stale value means someone else saved first.</summary>
    public int Version { get; set; }
}

/// <summary>A target of an indicator for a fiscal year.</summary>
public class IndicatorTarget
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public TargetKind Kind { get; set; }

    /// <summary>The fiscal year by which the target is to be reached, as its start year (2021 = 令和3年度).</summary>
    public int FiscalYear { get; set; }

    public RecordedValue Value { get; set; } = RecordedValue.Empty();
}

/// <summary>Where a yearly report is in its life: only published reports are public.</summary>
public enum PublicationState
{
    /// <summary>Departments are entering values; staff only.</summary>
    Draft,

    /// <summary>Submitted to the DX office for review; staff only.</summary>
    Submitted,

    /// <summary>Published: public pages and open data show it.</summary>
    Published,
}

/// <summary>The progress report of a plan for one fiscal year (e.g. 令和2年度 進捗状況), with its publication state.</summary>
public class ReportingCycle
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>The fiscal year reported on, as its start year.</summary>
    public int FiscalYear { get; set; }

    public required string Title { get; set; }

    public PublicationState State { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The day by which departments are to submit (提出期限), when set.</summary>
    public DateOnly? Deadline { get; set; }
}

/// <summary>Where one indicator's report stands in a reporting cycle: 未着手 → 入力中 → 提出済 → 差戻し or 承認済.</summary>
public enum ReportState
{
    /// <summary>未着手: requested, nothing entered yet.</summary>
    NotStarted,

    /// <summary>入力中: the department is entering.</summary>
    InProgress,

    /// <summary>提出済: submitted to the DX office, waiting for review.</summary>
    Submitted,

    /// <summary>差戻し: returned by the DX office with a reason (also after publication, to correct it).</summary>
    Returned,

    /// <summary>承認済: approved; public once its cycle is published.</summary>
    Approved,
}

/// <summary>One indicator's report for one fiscal year: actual, projection, narratives, printed marks.</summary>
public class IndicatorReport : Data.IVersioned
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int FiscalYear { get; set; }

    /// <summary>実績値 with its as-of note, as entered.</summary>
    public RecordedValue Actual { get; set; } = RecordedValue.Empty();

    /// <summary>見込値, as entered.</summary>
    public RecordedValue Projection { get; set; } = RecordedValue.Empty();

    /// <summary>見込値の算出根拠.</summary>
    public string ProjectionBasis { get; set; } = "";

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

/// <summary>Marks set by a person in place of the computed ones, with a required reason.</summary>
public class RatingOverrideRecord
{
    public int Id { get; set; }

    public int IndicatorReportId { get; set; }

    public OverrideKind Kind { get; set; }

    public Trend? Trend { get; set; }

    public Rating? Rating { get; set; }

    public bool? InterimReached { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>False once withdrawn; withdrawn overrides stay for the record.</summary>
    public bool IsActive { get; set; } = true;

    public RatingOverride ToCore() => new(Kind, Reason, By, At, Trend, Rating, InterimReached);
}

/// <summary>One change to indicator data: who, when, which field, before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string User { get; set; }

    /// <summary>Indicator, IndicatorReport, IndicatorTarget, RatingOverride.</summary>
    public required string Entity { get; set; }

    public int EntityId { get; set; }

    /// <summary>The indicator the change belongs to, for its history page.</summary>
    public int IndicatorId { get; set; }

    public required string Field { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}

/// <summary>
/// A value as a person wrote it, kept beside its parsed form: the kind, the comparable number and unit,
/// and the as-of date. The text is the truth; the parsed columns serve queries and are recomputed from it.
/// </summary>
public sealed record RecordedValue
{
    /// <summary>A new empty value. Always a new instance: EF Core tracks an owned value by reference, so two places never share one.</summary>
    public static RecordedValue Empty() => new() { Text = "", Kind = KpiValueKind.Nothing };

    /// <summary>The text as entered.</summary>
    public required string Text { get; init; }

    public KpiValueKind Kind { get; init; }

    public decimal? Magnitude { get; init; }

    public string? Unit { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>Records <paramref name="text"/>; the parse result says whether it could be read.</summary>
    public static (RecordedValue Value, Shinchoku.Core.Parsing.ParseResult<KpiValue> Parse) From(string? text)
    {
        var t = (text ?? "").Trim();
        var parsed = KpiValue.Parse(t);
        if (!parsed.Success)
        {
            return (new RecordedValue { Text = t, Kind = KpiValueKind.Nothing }, parsed);
        }

        var value = parsed.Value;
        decimal? magnitude = value.TryGetMagnitude(Core.Values.Unit.None, out var m, out var unit) ? m : null;
        return (new RecordedValue
        {
            Text = t,
            Kind = value.Kind,
            Magnitude = magnitude,
            Unit = magnitude is null || unit.IsNone ? null : unit.Text,
            AsOf = value.AsOf?.End,
        }, parsed);
    }

    /// <summary>The parsed value, read again from the text (null when the text does not parse).</summary>
    public KpiValue? Parse() => KpiValue.Parse(Text).GetValueOrDefault();
}
