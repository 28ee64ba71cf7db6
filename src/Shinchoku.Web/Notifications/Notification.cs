namespace Shinchoku.Web.Notifications;

/// <summary>
/// One notification to one user: shown on the to-do list until read, and e-mailed unless the user opted out of its
/// kind. The unique key (user, kind, subject, event) makes each one exist once, whoever triggers it and however often.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>What it is about (report:12, cycle:3).</summary>
    public required string Subject { get; set; }

    /// <summary>Which event on the subject (review:55, post:7, deadline:2022-05-31).</summary>
    public required string Event { get; set; }

    /// <summary>The line shown on the to-do list and as the e-mail's subject.</summary>
    public required string Title { get; set; }

    /// <summary>More text for the e-mail (the reason, the comment, the answer); may be empty.</summary>
    public string Detail { get; set; } = "";

    /// <summary>The site-relative address of the thing (/entry/3/12).</summary>
    public required string Link { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public MailState Mail { get; set; }

    public DateTimeOffset? MailedAt { get; set; }
}

/// <summary>Where a notification's e-mail is.</summary>
public enum MailState
{
    /// <summary>To be sent (again, after a failure).</summary>
    Pending,

    /// <summary>Claimed by one sender, which is sending it now.</summary>
    Sending,

    Sent,

    /// <summary>The user chose not to get this kind by e-mail.</summary>
    OptedOut,

    /// <summary>The user has no e-mail address.</summary>
    NoAddress,
}

/// <summary>A kind of notification a user does not want by e-mail (the default is every kind).</summary>
public class NotificationOptOut
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public NotificationKind Kind { get; set; }
}
