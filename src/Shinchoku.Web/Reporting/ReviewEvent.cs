namespace Shinchoku.Web.Reporting;

/// <summary>What happened to a report in review.</summary>
public enum ReviewAction
{
    /// <summary>A comment of the DX office (or the department) on the report.</summary>
    Comment,

    /// <summary>The department submitted (提出).</summary>
    Submitted,

    /// <summary>The DX office returned it with a reason (差戻し).</summary>
    Returned,

    /// <summary>The DX office approved it (承認).</summary>
    Approved,

    /// <summary>The DX office reopened a published report for correction, with a reason.</summary>
    Reopened,
}

/// <summary>One step or comment in the review of an indicator's report: who, when, what, and the text (reason or comment).</summary>
public class ReviewEvent
{
    public int Id { get; set; }

    public int IndicatorReportId { get; set; }

    public Indicators.IndicatorReport? Report { get; set; }

    public ReviewAction Action { get; set; }

    /// <summary>The comment or reason; empty for a plain submission or approval.</summary>
    public string Text { get; set; } = "";

    /// <summary>The display name of the person, as shown in the thread.</summary>
    public required string By { get; set; }

    /// <summary>The account that acted, when it still exists.</summary>
    public string? UserId { get; set; }

    public DateTimeOffset At { get; set; }
}
