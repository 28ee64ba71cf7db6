using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Reminders;

/// <summary>The reminder settings (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>False stops the background job (the page and the rules stay).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for reminders due.</summary>
    public int IntervalMinutes { get; set; } = 5;

    /// <summary>How many days before the deadline the first reminder goes out (0: none).</summary>
    public int DaysBefore { get; set; } = 7;

    /// <summary>The address of the site, for the links in the messages.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
}

/// <summary>A reminder rule: its stored key and its name in Japanese.</summary>
public sealed record ReminderRule(string Key, string Name)
{
    /// <summary>On the deadline day (当日).</summary>
    public static readonly ReminderRule OnDeadline = new("on-deadline", "当日");

    /// <summary>The rule <paramref name="days"/> days before the deadline (7日前).</summary>
    public static ReminderRule Before(int days) => new($"before-{days.ToString(CultureInfo.InvariantCulture)}-days", $"{days.ToString(CultureInfo.InvariantCulture)}日前");

    /// <summary>
    /// The rules due on <paramref name="today"/> (Japan time) for <paramref name="deadline"/>: the before rule from its day
    /// until the day before the deadline (so a job that was down catches up), the on-deadline rule on the day only.
    /// </summary>
    public static IEnumerable<ReminderRule> Due(DateOnly deadline, DateOnly today, int daysBefore)
    {
        if (daysBefore > 0 && today >= deadline.AddDays(-daysBefore) && today < deadline)
        {
            yield return Before(daysBefore);
        }

        if (today == deadline)
        {
            yield return OnDeadline;
        }
    }

    /// <summary>How many days after a deadline the 「提出期限を過ぎました」 notice may still go out (a job that was down catches up; an old deadline is not news).</summary>
    public const int PassedNoticeDays = 7;

    /// <summary>True on the days after <paramref name="deadline"/> when the deadline-passed notice is due (Japan's calendar).</summary>
    public static bool PassedNoticeDue(DateOnly deadline, DateOnly today) =>
        today > deadline && today.DayNumber - deadline.DayNumber <= PassedNoticeDays;
}

/// <summary>
/// One pass of the reminder job: for each open cycle with a deadline and each rule due today, e-mails every person
/// who owes reports (the editors of the indicators' departments; the DX office for indicators without one) one
/// message listing their unfinished KPIs. Each reminder is claimed by a SentReminder row, committed before sending,
/// so a restart or a second instance never sends it again; a failed send releases the claim for the next pass.
/// </summary>
public sealed partial class ReminderRun(ShinchokuDb db, UserManager<AppUser> users, IMailSender sender, MailOptions mail, ReminderOptions options, TimeProvider clock, ILogger<ReminderRun> logger)
{
    /// <summary>Sends the reminders due now; returns how many messages went out.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = Core.Time.JapanTime.Today(clock);
        var cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Plan)
            .Where(c => c.State == PublicationState.Draft && c.Deadline != null).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var cycle in cycles)
        {
            foreach (var rule in ReminderRule.Due(cycle.Deadline!.Value, today, options.DaysBefore))
            {
                sent += await SendAsync(cycle, rule, now, cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>
    /// Notifies each person who still owes reports of an open cycle whose deadline has just passed (within
    /// <see cref="ReminderRule.PassedNoticeDays"/> days, Japan's calendar), once per cycle and deadline (a new deadline is a new notice); returns how many e-mails went out.
    /// </summary>
    public async Task<int> NotifyPassedDeadlinesAsync(Notifications.Notifier notifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var today = Core.Time.JapanTime.Today(clock);
        var cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Plan)
            .Where(c => c.State == PublicationState.Draft && c.Deadline != null).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var cycle in cycles.Where(c => ReminderRule.PassedNoticeDue(c.Deadline!.Value, today)))
        {
            var deadline = cycle.Deadline!.Value;
            foreach (var (person, items) in await OwedByPersonAsync(cycle, cancellationToken))
            {
                var list = string.Join("\n", items.Select(i => $"・{i.Name}（{Describe(i.State)}）"));
                var link = person.DepartmentId is null ? $"/admin/cycles/{cycle.Id}" : "/entry";
                sent += await notifier.NotifyAsync(new Notifications.NotificationMessage(Notifications.NotificationKind.DeadlinePassed, $"cycle:{cycle.Id}",
                    "deadline:" + deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"{cycle.Title}の提出期限（{JapaneseDate.Format(deadline)}）を過ぎました。未提出の報告が{items.Count}件あります", list, link),
                    [person], cancellationToken: cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>Who owes which reports of <paramref name="cycle"/>: the editors of the KPIs' departments, the DX office for KPIs without one.</summary>
    private async Task<Dictionary<AppUser, List<Owed>>> OwedByPersonAsync(ReportingCycle cycle, CancellationToken cancellationToken)
    {
        var byPerson = new Dictionary<AppUser, List<Owed>>();
        var owed = await OwedAsync(cycle, cancellationToken);
        if (owed.Count == 0)
        {
            return byPerson;
        }

        var editors = (await users.GetUsersInRoleAsync(Roles.DepartmentEditor)).Where(u => u.DepartmentId is not null).ToList();
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        foreach (var item in owed)
        {
            var people = item.Departments.Count == 0 ? administrators : editors.Where(u => item.Departments.Contains(u.DepartmentId!.Value));
            foreach (var person in people)
            {
                (byPerson.TryGetValue(person, out var list) ? list : byPerson[person] = []).Add(item);
            }
        }

        return byPerson;
    }

    private async Task<int> SendAsync(ReportingCycle cycle, ReminderRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byPerson = await OwedByPersonAsync(cycle, cancellationToken);
        if (byPerson.Count == 0)
        {
            return 0;
        }

        var already = await db.SentReminders.Where(s => s.CycleId == cycle.Id && s.Rule == rule.Key).Select(s => s.UserId).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var (person, items) in byPerson.OrderBy(p => p.Key.UserName, StringComparer.Ordinal))
        {
            if (already.Contains(person.Id))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(person.Email))
            {
                NoAddress(logger, rule.Key, cycle.Id, person.UserName);
                continue;
            }

            var claim = new SentReminder { CycleId = cycle.Id, Rule = rule.Key, UserId = person.Id, Email = person.Email, ReportCount = items.Count, SentAt = now };
            db.SentReminders.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance claimed it first: it sends.
                db.Entry(claim).State = EntityState.Detached;
                continue;
            }

            try
            {
                using var message = Compose(cycle, rule, person, items);
                await sender.SendAsync(message, cancellationToken);
                sent++;
                Sent(logger, rule.Key, cycle.Id, person.UserName, items.Count);
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or UnauthorizedAccessException or FormatException)
            {
                SendFailed(logger, e, rule.Key, cycle.Id, person.UserName);
                db.SentReminders.Remove(claim);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }

        return sent;
    }

    /// <summary>The reports requested in the cycle (opening it creates them) that are not yet submitted or approved.</summary>
    private async Task<List<Owed>> OwedAsync(ReportingCycle cycle, CancellationToken cancellationToken)
    {
        var year = cycle.FiscalYear;
        var rows = await db.IndicatorReports.AsNoTracking()
            .Where(r => r.FiscalYear == year && r.Indicator!.Initiative!.PlanId == cycle.PlanId)
            .Where(r => r.State == ReportState.NotStarted || r.State == ReportState.InProgress || r.State == ReportState.Returned)
            .OrderBy(r => r.Indicator!.Order).ThenBy(r => r.IndicatorId)
            .Select(r => new
            {
                r.IndicatorId,
                r.Indicator!.Name,
                Departments = r.Indicator.Departments.Select(d => d.Id).ToList(),
                r.State,
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new Owed(r.IndicatorId, r.Name, r.Departments, r.State));
    }

    private MailMessage Compose(ReportingCycle cycle, ReminderRule rule, AppUser person, List<Owed> items)
    {
        var deadline = JapaneseDate.Format(cycle.Deadline!.Value);
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var subject = rule == ReminderRule.OnDeadline
            ? $"【本日が入力期限です】{cycle.Title}の入力のお願い（期限 {deadline}）"
            : $"【入力期限が近づいています】{cycle.Title}の入力のお願い（期限 {deadline}）";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{person.DisplayName} 様\n\n");
        body.Append(CultureInfo.InvariantCulture, $"{cycle.Plan!.Name}「{cycle.Title}」の入力期限は{deadline}です。");
        body.Append(rule == ReminderRule.OnDeadline ? "本日が期限です。\n" : "\n");
        body.Append(CultureInfo.InvariantCulture, $"次の成果指標{items.Count}件の進捗状況の入力・提出がまだ終わっていません。期限までに入力し、提出してください。\n\n");
        foreach (var item in items)
        {
            body.Append(CultureInfo.InvariantCulture, $"・{item.Name}（{Describe(item.State)}）\n  {baseUrl}/entry/{cycle.Id}/{item.IndicatorId}\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\n入力の一覧: {baseUrl}/entry\n\n");
        body.Append("このメールは Shinchoku 進捗管理から自動で送信しています（").Append(rule.Name).Append("のお知らせ）。\n");
        return MailSetup.Message(mail, person.Email!, person.DisplayName, subject, body.ToString());
    }

    private static string Describe(ReportState state) => state switch
    {
        ReportState.InProgress => "入力中",
        ReportState.Returned => "差戻し",
        _ => "未着手",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Rule} for cycle {CycleId} not sent to {User}: no e-mail address")]
    private static partial void NoAddress(ILogger logger, string rule, int cycleId, string? user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Rule} for cycle {CycleId} sent to {User} ({Count} KPIs)")]
    private static partial void Sent(ILogger logger, string rule, int cycleId, string? user, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Rule} for cycle {CycleId} to {User} failed; its claim is released and the next pass tries again")]
    private static partial void SendFailed(ILogger logger, Exception exception, string rule, int cycleId, string? user);

    private sealed record Owed(int IndicatorId, string Name, List<int> Departments, ReportState State);
}

/// <summary>Runs <see cref="ReminderRun"/> at start and then every <see cref="ReminderOptions.IntervalMinutes"/>, on the app's clock.</summary>
public sealed partial class ReminderWorker(IServiceScopeFactory scopes, ReminderOptions options, TimeProvider clock, ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = scope.ServiceProvider.GetRequiredService<ReminderRun>();
                await run.RunAsync(stoppingToken);
                var notifier = scope.ServiceProvider.GetRequiredService<Notifications.Notifier>();
                await run.NotifyPassedDeadlinesAsync(notifier, stoppingToken);
                await notifier.SendPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is down for a moment must not stop the app; the next pass tries again.
                PassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder pass failed; it runs again at the next interval")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}

/// <summary>Registers the reminder job (issue 8).</summary>
public static class ReminderSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        services.AddSingleton(options);
        services.AddScoped<ReminderRun>();
        services.AddScoped<Notifications.Notifier>();
        if (options.Enabled)
        {
            services.AddHostedService<ReminderWorker>();
        }

        return services;
    }
}
