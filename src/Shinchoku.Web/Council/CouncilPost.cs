namespace Shinchoku.Web.Council;

/// <summary>
/// One post in the council thread on an indicator's report for a fiscal year. Never deleted: its author edits it
/// (the earlier text kept as a <see cref="CouncilPostRevision"/>) or withdraws it, and the DX office hides it with a reason.
/// </summary>
public class CouncilPost : Data.IVersioned
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

    /// <summary>When it was first written.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>When its author last changed the text (「編集済み」), or null.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When its author withdrew it, or null.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When the DX office hid it, or null (also after it was shown again).</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    /// <summary>Why the DX office hid it, shown to everyone in place of the text.</summary>
    public string? HiddenReason { get; set; }

    /// <summary>Who in the DX office hid it.</summary>
    public string? HiddenBy { get; set; }

    public int Version { get; set; }

    /// <summary>The earlier texts, oldest first.</summary>
    public List<CouncilPostRevision> Revisions { get; } = [];
}

/// <summary>A text a council post had before its author edited it: the history that an edit keeps.</summary>
public class CouncilPostRevision
{
    public int Id { get; set; }

    public int CouncilPostId { get; set; }

    public required string Text { get; set; }

    /// <summary>When this text was written (the post's time, or the edit before).</summary>
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>When the author replaced it.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}
