using System.Net.Mail;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Reporting.Reminders;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reporting.Reminders;

/// <summary>
/// The reminder job: who gets a message (those who owe reports, one per person and rule), once across passes and
/// restarts, on Japan's calendar; a failed send is tried again; the DX office reads the messages at /admin/mail.
/// </summary>
public sealed class ReminderTests : IDisposable
{
    private static readonly DateOnly Deadline = new(2022, 5, 31);
    private readonly string mailFolder = Directory.CreateTempSubdirectory("shinchoku-mail-").FullName;

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    public void Dispose() => Directory.Delete(mailFolder, recursive: true);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Reminders_GoOncePerRule_ToThoseWhoOwe(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        var (cycleId, taxOnly) = await PrepareAsync(app);
        // 2022-05-24 00:30 in Japan is still the 23rd in UTC: the 7日前 rule is due by Japan's calendar.
        var clock = new FakeTimeProvider(JapanTime(2022, 5, 24, 0, 30));

        Assert.Equal(2, await RunAsync(app, clock));
        var mails = MailFolder.List(mailFolder);
        Assert.Equal(["dx-admin@example.lg.jp", "zeimu@example.lg.jp"], mails.Select(m => Address(m.To)).Order(StringComparer.Ordinal));
        var zeimu = mails.Single(m => m.To.Contains("zeimu@", StringComparison.Ordinal));
        Assert.Contains("令和4年5月31日", zeimu.Subject, StringComparison.Ordinal);
        Assert.Contains(taxOnly.Name, zeimu.Body, StringComparison.Ordinal);
        Assert.Contains($"https://shinchoku.example.lg.jp/entry/{cycleId}/{taxOnly.Id}", zeimu.Body, StringComparison.Ordinal);
        Assert.Contains("税務課 入力担当 様", zeimu.Body, StringComparison.Ordinal);
        Assert.Contains("次の成果指標1件", zeimu.Body, StringComparison.Ordinal);

        // The same pass again, and a new instance (a restart) on the same database, the next day: nothing more.
        Assert.Equal(0, await RunAsync(app, clock));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunAsync(app, clock));
        Assert.Equal(2, MailFolder.List(mailFolder).Count);

        // On the deadline day, the 当日 rule, once.
        clock.SetUtcNow(JapanTime(2022, 5, 31, 8, 0));
        Assert.Equal(2, await RunAsync(app, clock));
        Assert.Equal(0, await RunAsync(app, clock));
        Assert.Equal(2, MailFolder.List(mailFolder).Count(m => m.Subject.Contains("本日が入力期限", StringComparison.Ordinal)));

        // After the deadline, nothing.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunAsync(app, clock));
        await using var scope = app.Scope(out var db);
        Assert.Equal(4, await db.SentReminders.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task NoReminders_ForPublishedCyclesOrCyclesWithoutDeadline(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        await PrepareAsync(app);
        var onTheDay = new FakeTimeProvider(JapanTime(2022, 5, 31, 10, 0));
        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2021));
            cycle.Deadline = null;
            // The published 令和2年度 cycle, with the deadline today, is not reminded of either.
            var published = await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2020));
            published.Deadline = Deadline;
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await RunAsync(app, onTheDay));
        Assert.Empty(MailFolder.List(mailFolder));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task FailedSend_ReleasesTheClaim_AndTheNextPassSends(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        await PrepareAsync(app);
        var clock = new FakeTimeProvider(JapanTime(2022, 5, 31, 10, 0));
        Assert.Equal(0, await RunAsync(app, clock, new FailingSender()));
        await using (var scope = app.Scope(out var db))
        {
            Assert.Equal(0, await db.SentReminders.CountAsync());
        }

        Assert.Equal(2, await RunAsync(app, clock));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Job_RunsAtStart_AndAgainAtEachInterval_OnTheAppsClock(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        // The app as deployed: the job on, every 60 minutes; the demo 令和3年度 cycle's deadline is 2022-05-31.
        var clock = new FakeTimeProvider(JapanTime(2022, 5, 24, 9, 0));
        using var baseApp = NewApp(provider, jobEnabled: true);
        using var app = baseApp.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

        // At start, the pass finds the 7日前 rule due.
        _ = app.Services;
        Assert.NotEmpty(await MailsAsync(m => !m.Subject.Contains("本日が入力期限", StringComparison.Ordinal)));

        // On the deadline day, the timer's next tick runs the pass again, and the 当日 rule is due.
        clock.SetUtcNow(JapanTime(2022, 5, 31, 8, 0));
        clock.Advance(TimeSpan.FromMinutes(60));
        Assert.NotEmpty(await MailsAsync(m => m.Subject.Contains("本日が入力期限", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task MailPage_ListsAndShowsAWrittenMessage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = NewApp(provider);
        var (_, taxOnly) = await PrepareAsync(app);
        await RunAsync(app, new FakeTimeProvider(JapanTime(2022, 5, 31, 10, 0)));

        var client = await app.SignedInClientAsync("dx-admin");
        var list = await Html.GetAsync(client, "/admin/mail");
        var rows = list.QuerySelectorAll("main tbody tr");
        Assert.Equal(2, rows.Length);
        var link = rows.Single(r => r.TextContent.Contains("zeimu@example.lg.jp", StringComparison.Ordinal)).QuerySelector("a")!;
        Assert.Contains("本日が入力期限", link.TextContent, StringComparison.Ordinal);
        var shown = await Html.GetAsync(client, link.GetAttribute("href")!);
        Assert.Contains(taxOnly.Name, shown.QuerySelector(".mail-body")!.TextContent, StringComparison.Ordinal);

        using var missing = await client.GetAsync(new Uri("/admin/mail?file=..%2Fshinchoku.db", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    private TestApp NewApp(DatabaseProvider provider, bool jobEnabled = false) => new(provider, settings: new Dictionary<string, string?>
    {
        ["Reminders:Enabled"] = jobEnabled ? "true" : "false",
        ["Reminders:IntervalMinutes"] = "60",
        ["Reminders:BaseUrl"] = "https://shinchoku.example.lg.jp/",
        ["Mail:Delivery"] = "Pickup",
        ["Mail:PickupDirectory"] = mailFolder,
    });

    /// <summary>
    /// The open 令和3年度 cycle gets the deadline; one KPI without a department is given to 税務課 (so 税務課 owes it),
    /// and the KPI of both 税務課 and 県警 is submitted (so 県警 owes nothing). The other KPIs have no department: the DX office owes them.
    /// </summary>
    private static async Task<(int CycleId, Indicator TaxOnly)> PrepareAsync(TestApp app)
    {
        await using var scope = app.Scope(out var db);
        var cycle = await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2021));
        cycle.Deadline = Deadline;
        var tax = await db.Departments.SingleAsync(d => d.Name == "税務課");
        var shared = await db.Indicators.SingleAsync(i => i.Departments.Any(d => d.Name == "県警"));
        (await db.IndicatorReports.SingleAsync(r => r.IndicatorId == shared.Id && r.FiscalYear == new FiscalYear(2021))).State = ReportState.Submitted;
        var taxOnly = await db.Indicators.Include(i => i.Departments)
            .Where(i => i.Initiative!.PlanId == cycle.PlanId && !i.Departments.Any()).OrderBy(i => i.Id).FirstAsync();
        taxOnly.Departments.Add(tax);
        await db.SaveChangesAsync();
        return (cycle.Id, taxOnly);
    }

    private static async Task<int> RunAsync(TestApp app, TimeProvider clock, IMailSender? sender = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var run = sender is null
            ? ActivatorUtilities.CreateInstance<ReminderRun>(scope.ServiceProvider, clock)
            : ActivatorUtilities.CreateInstance<ReminderRun>(scope.ServiceProvider, clock, sender);
        return await run.RunAsync(CancellationToken.None);
    }

    /// <summary>The messages written that match, as soon as the background job has written one (empty after 30 s without).</summary>
    private async Task<List<StoredMail>> MailsAsync(Func<StoredMail, bool> match)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            var found = MailFolder.List(mailFolder).Where(match).ToList();
            if (found.Count > 0)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return [];
    }

    /// <summary>A moment given as clock time in Japan, in UTC as the app's clock gives it (PostgreSQL stores UTC only).</summary>
    private static DateTimeOffset JapanTime(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Core.Time.JapanTime.Offset).ToUniversalTime();

    private static string Address(string to) => to[(to.IndexOf('<', StringComparison.Ordinal) + 1)..].TrimEnd('>');

    private sealed class FailingSender : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken cancellationToken) => throw new SmtpException("接続できません");
    }
}

