using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting.Reminders;

namespace Shinchoku.Web.Notifications;

/// <summary>What a notification says and where it leads; the same for every recipient of one event.</summary>
/// <param name="Kind">The kind (the user's e-mail choice is per kind).</param>
/// <param name="Subject">What it is about (report:12).</param>
/// <param name="Event">Which event on the subject (review:55); with the user, kind and subject, the key that makes it once.</param>
/// <param name="Title">The to-do list's line and the e-mail's subject.</param>
/// <param name="Detail">The reason, comment or answer, for the e-mail; may be empty.</param>
/// <param name="Link">The site-relative address of the thing.</param>
public sealed record NotificationMessage(NotificationKind Kind, string Subject, string Event, string Title, string Detail, string Link);

/// <summary>
/// Creates notifications and sends their e-mails, each once. A notification is claimed by inserting its row: the unique
/// key (user, kind, subject, event) lets only one of two concurrent triggers in. Its e-mail is claimed by moving it from
/// Pending to Sending in one conditional UPDATE, so a second sender (another request, the background pass, another
/// instance) never sends it again; a failed send puts it back to Pending for the next pass.
/// </summary>
public sealed partial class Notifier(ShinchokuDb db, UserManager<AppUser> users, IMailSender sender, MailOptions mail, ReminderOptions options, TimeProvider clock, ILogger<Notifier> logger)
{
    /// <summary>The users in <paramref name="role"/> (the DX office, the experts).</summary>
    public async Task<List<AppUser>> InRoleAsync(string role) => [.. await users.GetUsersInRoleAsync(role)];

    /// <summary>
    /// Those who enter the reports of KPIs of <paramref name="departmentIds"/>: the departments' editors, or the DX office
    /// when the KPI has no department (as the reminders address them).
    /// </summary>
    public async Task<List<AppUser>> EditorsOfAsync(IReadOnlyCollection<int> departmentIds) => departmentIds.Count == 0
        ? await InRoleAsync(Roles.Administrator)
        : [.. (await users.GetUsersInRoleAsync(Roles.DepartmentEditor)).Where(u => u.DepartmentId is { } d && departmentIds.Contains(d))];

    /// <summary>
    /// Notifies each of <paramref name="recipients"/> (but <paramref name="exceptUserId"/>, who caused it) of
    /// <paramref name="message"/> that has not been notified of it yet, and e-mails those who want its kind by e-mail.
    /// Returns how many e-mails went out.
    /// </summary>
    public async Task<int> NotifyAsync(NotificationMessage message, IEnumerable<AppUser> recipients, string? exceptUserId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var people = recipients.Where(u => u.Id != exceptUserId).DistinctBy(u => u.Id).ToList();
        if (people.Count == 0)
        {
            return 0;
        }

        var ids = people.ConvertAll(u => u.Id);
        var optedOut = await db.NotificationOptOuts.Where(o => o.Kind == message.Kind && ids.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var created = new List<long>();
        foreach (var person in people)
        {
            var row = new Notification
            {
                UserId = person.Id,
                Kind = message.Kind,
                Subject = message.Subject,
                Event = message.Event,
                Title = Cut(message.Title, 500),
                Detail = Cut(message.Detail, 8000),
                Link = message.Link,
                At = now,
                Mail = optedOut.Contains(person.Id) ? MailState.OptedOut : string.IsNullOrWhiteSpace(person.Email) ? MailState.NoAddress : MailState.Pending,
            };
            db.Notifications.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created.Add(row.Id);
            }
            catch (DbUpdateException e) when (IsDuplicate(e))
            {
                // Already notified (by this event earlier, or by a concurrent request just now): that one stands.
                db.Entry(row).State = EntityState.Detached;
            }
        }

        var sent = 0;
        foreach (var id in created)
        {
            sent += await SendAsync(id, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    /// <summary>Sends the e-mails still pending (after a failure); returns how many went out. The background pass calls it.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Notifications.Where(n => n.Mail == MailState.Pending).OrderBy(n => n.Id).Select(n => n.Id).Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in pending)
        {
            sent += await SendAsync(id, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> SendAsync(long id, CancellationToken cancellationToken)
    {
        var claimed = await db.Notifications.Where(n => n.Id == id && n.Mail == MailState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Sending), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == notification.UserId, cancellationToken);
        try
        {
            using var message = Compose(notification, person);
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The step that caused it is saved already: a mail that cannot go out now must not fail the request.
            SendFailed(logger, e, notification.Kind.ToString(), person.UserName);
            await db.Notifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Pending), CancellationToken.None);
            return false;
        }

        var at = clock.GetUtcNow();
        await db.Notifications.Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Sent).SetProperty(n => n.MailedAt, at), CancellationToken.None);
        return true;
    }

    private MailMessage Compose(Notification notification, AppUser person)
    {
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{person.DisplayName} 様\n\n{notification.Title}\n");
        if (notification.Detail.Length > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n{notification.Detail}\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\n{baseUrl}{notification.Link}\n\n");
        body.Append(CultureInfo.InvariantCulture, $"やること: {baseUrl}/todo\n");
        body.Append(CultureInfo.InvariantCulture, $"このメールは Shinchoku 進捗管理から自動で送信しています（{NotificationKinds.Label(notification.Kind)}のお知らせ）。\n");
        body.Append(CultureInfo.InvariantCulture, $"受け取るメールの種類は、次のページで変えられます: {baseUrl}/account/notifications\n");
        // A subject is one line; KPI names imported from sheets may hold line breaks.
        var subject = string.Join(' ', $"【{NotificationKinds.Label(notification.Kind)}】{notification.Title}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return MailSetup.Message(mail, person.Email!, person.DisplayName, subject, body.ToString());
    }

    /// <summary>True when the insert broke the unique key (PostgreSQL 23505, SQLite's constraint error): the notification exists.</summary>
    private static bool IsDuplicate(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} notification to {User} was not e-mailed; the next pass tries again")]
    private static partial void SendFailed(ILogger logger, Exception exception, string kind, string? user);
}
