namespace Shinchoku.Web.Council;

/// <summary>A council meeting's form as typed: the cycle it reviews, title, date, members, agenda, advice, and the version it was opened on.</summary>
public sealed class MeetingForm
{
    /// <summary>The reporting cycle's id as posted; empty for none.</summary>
    public string? CycleId { get; set; }

    public string? Title { get; set; }

    /// <summary>The date as typed (yyyy-MM-dd or a Japanese date).</summary>
    public string? HeldOn { get; set; }

    public string? Members { get; set; }

    public string? Agenda { get; set; }

    public string? Advice { get; set; }

    /// <summary>The version of the meeting the form was opened on; a change saved since refuses this one.</summary>
    public int Version { get; set; }
}
