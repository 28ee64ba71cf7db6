namespace Shinchoku.Web.Council;

/// <summary>One post in the council thread on an indicator's report for a fiscal year.</summary>
public class CouncilPost
{
    public int Id { get; set; }

    public int IndicatorReportId { get; set; }

    public Indicators.IndicatorReport? Report { get; set; }

    /// <summary>The meeting the post belongs to, if any.</summary>
    public int? MeetingId { get; set; }

    public CouncilMeeting? Meeting { get; set; }

    public CouncilPostKind Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>The display name of the author.</summary>
    public required string By { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset At { get; set; }
}
