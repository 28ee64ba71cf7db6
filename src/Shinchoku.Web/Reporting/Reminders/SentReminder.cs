using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Reminders;

/// <summary>A reminder sent to one person for one rule of one cycle; the unique key makes each go out once, across restarts.</summary>
public class SentReminder
{
    public int Id { get; set; }

    public int CycleId { get; set; }

    /// <summary>The rule that sent it (before-7-days, on-deadline).</summary>
    public required string Rule { get; set; }

    public required string UserId { get; set; }

    public required string Email { get; set; }

    /// <summary>How many unfinished reports the message listed.</summary>
    public int ReportCount { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
