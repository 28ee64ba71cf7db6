using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Notifications;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Reporting.Reminders;
using Shinchoku.Web.Tests.Council;
using Shinchoku.Web.Tests.Reporting;
using Shinchoku.Web.Tests.Reporting.Entry;

namespace Shinchoku.Web.Tests.Notifications;

/// <summary>
/// Notifications, each once, by e-mail and on the to-do list: returned, approved, commented, a question to the experts,
/// an expert's answer, a deadline passed; concurrent triggers send one e-mail; turning a kind off stops its e-mail only.
/// </summary>
public class NotificationTests
{
    private const string ZeimuIndicator = "ワンストップサービス利用率";

    private static readonly Dictionary<string, string> Complete = new(ReviewCycleTests.Complete)
    {
        ["Form.QuestionToExperts"] = "利用率を上げる広報の工夫を教えてください。",
    };

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ReviewSteps_NotifyOnce_ByMailAndOnTheTodoList(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var zeimu = await app.SignedInClientAsync("zeimu");
        var admin = await app.SignedInClientAsync("dx-admin");
        var entry = $"/entry/{cycleId}/{indicatorId}";
        var review = $"/admin/cycles/{cycleId}/reports/{indicatorId}";

        // Submitted with a question: the experts are asked, once.
        await SubmitAsync(zeimu, entry, Complete);
        Assert.Single(Mails(app, "expert@", "【有識者への質問】"));

        Assert.True((await admin.SubmitAsync(review, "comment", new() { ["text"] = "根拠の数字を添えてください。" })).Redirected);
        Assert.True((await admin.SubmitAsync(review, "return", new() { ["text"] = "見込値の根拠を具体的に書いてください。" })).Redirected);
        var returned = Assert.Single(Mails(app, "zeimu@", "【差戻し】"));
        Assert.Contains("見込値の根拠を具体的に書いてください。", returned.Body, StringComparison.Ordinal);
        Assert.Contains($"https://shinchoku.example.lg.jp{entry}", returned.Body, StringComparison.Ordinal);
        Assert.Single(Mails(app, "zeimu@", "【コメント】"));

        // Resubmitted with the same question: the experts are not asked again.
        await SubmitAsync(zeimu, entry, []);
        Assert.True((await admin.SubmitAsync(review, "approve", [])).Redirected);
        Assert.Single(Mails(app, "zeimu@", "【承認】"));
        Assert.Single(Mails(app, "expert@", "【有識者への質問】"));
        // The one who acted is not told of their own step; nobody else got these.
        Assert.Empty(Mails(app, "dx-admin@", ""));
        Assert.Empty(Mails(app, "viewer@", ""));

        // On the to-do list, each once, unread, linking to the report; marked read, it goes.
        var todo = await Html.GetAsync(zeimu, "/todo");
        var notices = todo.QuerySelectorAll("#todo-notices-list li.todo-notice").ToList();
        Assert.Equal(["Approved", "Returned", "Commented"], notices.Select(n => n.GetAttribute("data-kind")));
        Assert.All(notices, n => Assert.Equal(entry, n.QuerySelector("a")!.GetAttribute("href")));
        var read = await zeimu.SubmitAsync(notices[0].QuerySelector("form")!, "/todo", []);
        Assert.Equal(["Returned", "Commented"], read.Page.QuerySelectorAll("#todo-notices-list li.todo-notice").Select(n => n.GetAttribute("data-kind")));

        // A trigger run again (a retried request) adds nothing.
        await using var scope = app.Scope(out var db);
        var zeimuUser = await db.Users.SingleAsync(u => u.UserName == "zeimu");
        var approved = await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.Approved && n.UserId == zeimuUser.Id);
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        Assert.Equal(0, await notifier.NotifyAsync(new(approved.Kind, approved.Subject, approved.Event, approved.Title, "", approved.Link), [zeimuUser]));
        Assert.Equal(4, await db.Notifications.CountAsync(n => n.UserId == zeimuUser.Id || n.Kind == NotificationKind.QuestionAsked));
        Assert.Single(Mails(app, "zeimu@", "【承認】"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentTriggers_CreateOneNotification_AndSendOneMail(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        var message = new NotificationMessage(NotificationKind.Returned, "report:1", "review:1", "同時に送ろうとしたお知らせ", "", "/todo");
        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
            var zeimu = await db.Users.SingleAsync(u => u.UserName == "zeimu");
            return await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(message, [zeimu]);
        }));

        Assert.Equal(1, sent.Sum());
        Assert.Single(Mails(app, "zeimu@", "同時に送ろうとしたお知らせ"));
        await using var check = app.Scope(out var db);
        var row = await db.Notifications.SingleAsync(n => n.Title == "同時に送ろうとしたお知らせ");
        Assert.Equal(MailState.Sent, row.Mail);

        // The background pass finds nothing left to send.
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<Notifier>().SendPendingAsync(CancellationToken.None));
        Assert.Single(Mails(app, "zeimu@", "同時に送ろうとしたお知らせ"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OptingOut_StopsTheMail_ButKeepsTheTodoEntry(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var zeimu = await app.SignedInClientAsync("zeimu");

        // Every kind is on at first; 差戻し is turned off.
        var settings = await Html.GetAsync(zeimu, "/account/notifications");
        Assert.All(NotificationKinds.All, k => Assert.True(settings.GetElementById($"kind-{k}")!.HasAttribute("checked"), k.ToString()));
        var form = settings.QuerySelector("main form")!;
        var values = Browsing.FormValues(form);
        var kept = NotificationKinds.All.Where(k => k != NotificationKind.Returned).Select(k => new KeyValuePair<string, string>("kinds", k.ToString()));
        using (var content = new FormUrlEncodedContent(kept.Append(new("__RequestVerificationToken", values["__RequestVerificationToken"]))))
        using (var saved = await zeimu.PostAsync(new Uri("/account/notifications", UriKind.Relative), content))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        settings = await Html.GetAsync(zeimu, "/account/notifications");
        Assert.False(settings.GetElementById("kind-Returned")!.HasAttribute("checked"));
        Assert.True(settings.GetElementById("kind-Approved")!.HasAttribute("checked"));

        var admin = await app.SignedInClientAsync("dx-admin");
        await SubmitAsync(zeimu, $"/entry/{cycleId}/{indicatorId}", Complete);
        Assert.True((await admin.SubmitAsync($"/admin/cycles/{cycleId}/reports/{indicatorId}", "return", new() { ["text"] = "理由" })).Redirected);
        Assert.Empty(Mails(app, "zeimu@", ""));
        var todo = await Html.GetAsync(zeimu, "/todo");
        Assert.Equal("Returned", todo.QuerySelector("#todo-notices-list li.todo-notice")!.GetAttribute("data-kind"));
        await using var scope = app.Scope(out var db);
        var zeimuId = await db.Users.Where(u => u.UserName == "zeimu").Select(u => u.Id).SingleAsync();
        Assert.Equal(MailState.OptedOut, (await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.Returned && n.UserId == zeimuId)).Mail);
        // Another editor of the same KPI (県警) kept the default, and got the e-mail.
        Assert.Single(Mails(app, "kenkei@", "【差戻し】"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AnExpertsAnswer_TellsTheDepartmentAndTheDxOffice_Once(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        int reportId;
        await using (var scope = app.Scope(out var db))
        {
            // A KPI of 税務課 alone: one without a department, given to it.
            var indicator = await db.Indicators.Include(i => i.Departments).Where(i => !i.Departments.Any()).OrderBy(i => i.Id).FirstAsync();
            indicator.Departments.Add(await db.Departments.SingleAsync(d => d.Name == "税務課"));
            await db.SaveChangesAsync();
            reportId = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2020) && r.IndicatorId == indicator.Id).Select(r => r.Id).SingleAsync();
        }

        var expert = await app.SignedInClientAsync("expert");
        var postId = await CouncilPostTests.AnswerAsync(app, expert, reportId, "広報はSNSが有効です。");
        var mail = Assert.Single(Mails(app, "zeimu@", "【有識者の回答】"));
        Assert.Contains("広報はSNSが有効です。", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/council/reports/{reportId}#post-{postId}", mail.Body, StringComparison.Ordinal);
        Assert.Single(Mails(app, "dx-admin@", "【有識者の回答】"));
        Assert.Empty(Mails(app, "expert@", ""));
        Assert.Empty(Mails(app, "kenkei@", ""));

        // Editing the answer is not a new answer.
        Assert.True((await expert.SubmitAsync($"/council/posts/{postId}", "edit", new() { ["text"] = "広報はSNSと広報誌が有効です。" })).Redirected);
        Assert.Single(Mails(app, "zeimu@", "【有識者の回答】"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task APassedDeadline_TellsThoseWhoOwe_OnceAcrossPasses(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        await using (var scope = app.Scope(out var db))
        {
            (await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2021))).Deadline = new DateOnly(2022, 5, 31);
            await db.SaveChangesAsync();
        }

        // On the deadline day, nothing; the next day (Japan time), each who owes, once; a week on, nothing more.
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 5, 31, 20, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime());
        Assert.Equal(0, await PassAsync(app, clock));
        clock.SetUtcNow(new DateTimeOffset(2022, 6, 1, 0, 30, 0, TimeSpan.FromHours(9)).ToUniversalTime()); // 2022-05-31 15:30 UTC
        var first = await PassAsync(app, clock);
        Assert.True(first > 0, $"first={first}, files={string.Join(",", Directory.GetFiles(app.MailFolder))}");
        Assert.Equal(0, await PassAsync(app, clock));
        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await PassAsync(app, clock));
        var passed = MailFolder.List(app.MailFolder).Where(m => m.Subject.StartsWith("【提出期限の超過】", StringComparison.Ordinal)).ToList();
        Assert.Equal(first, passed.Count);
        Assert.Contains(passed, m => m.To.Contains("zeimu@", StringComparison.Ordinal));
        Assert.Contains(passed, m => m.To.Contains("dx-admin@", StringComparison.Ordinal)); // the KPIs without a department
        Assert.Equal(passed.Count, passed.Select(m => m.To).Distinct().Count());
        Assert.DoesNotContain(passed, m => m.To.Contains("expert@", StringComparison.Ordinal));

        // A deadline long past (the demo's, seen today) is not news.
        await using var check = app.Scope(out var db2);
        var run = ActivatorUtilities.CreateInstance<ReminderRun>(check.ServiceProvider, new FakeTimeProvider(new DateTimeOffset(2022, 6, 30, 12, 0, 0, TimeSpan.Zero)));
        await db2.Notifications.ExecuteDeleteAsync();
        Assert.Equal(0, await run.NotifyPassedDeadlinesAsync(check.ServiceProvider.GetRequiredService<Notifier>(), CancellationToken.None));
    }

    private static TestApp NewApp(DatabaseProvider provider) => new(provider, settings: new Dictionary<string, string?>
    {
        ["Reminders:Enabled"] = "false",
        ["Reminders:BaseUrl"] = "https://shinchoku.example.lg.jp/",
        ["Mail:Delivery"] = "Pickup",
    });

    private static async Task<int> PassAsync(TestApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var run = ActivatorUtilities.CreateInstance<ReminderRun>(scope.ServiceProvider, clock);
        var notifier = ActivatorUtilities.CreateInstance<Notifier>(scope.ServiceProvider, clock);
        return await run.NotifyPassedDeadlinesAsync(notifier, CancellationToken.None);
    }

    private static List<StoredMail> Mails(TestApp app, string to, string subject) =>
        [.. MailFolder.List(app.MailFolder).Where(m => m.To.Contains(to, StringComparison.Ordinal) && m.Subject.Contains(subject, StringComparison.Ordinal))];

    private static async Task SubmitAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var (status, page) = await ReviewCycleTests.SubmitAsync(client, url, fields);
        Assert.True(status == System.Net.HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent is { } text ? text[..Math.Min(text.Length, 1500)] : "");
    }
}
