using Shinchoku.Core.Time;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Tests.Reporting.Entry;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>Sign-in lands on the to-do list; each role sees what it has to do, each item linking to where it is done.</summary>
public class TodoTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_LandsOnTheTodoList_UnlessAPageWasAskedFor(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        foreach (var (returnUrl, expected) in new[] { ("", "/todo"), ("/admin/cycles", "/admin/cycles"), ("https://evil.example/", "/todo") })
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false });
            using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = "zeimu", ["password"] = DemoAccounts.Password, ["returnUrl"] = returnUrl });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, response.Headers.Location!.OriginalString);
        }

        var signedIn = await app.SignedInClientAsync("viewer");
        var page = await Html.GetAsync(signedIn, "/todo");
        Assert.NotNull(page.QuerySelector("header a[href='/todo']"));
        Assert.NotNull(page.QuerySelector("#nothing-to-do"));
        Assert.Null(page.QuerySelector("#todo-review-list"));

        using var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/todo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Null((await Html.GetAsync(app.CreateClient(), "/")).QuerySelector("header a[href='/todo']"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Editor_SeesOwnRequestedReports_ReturnedFirst_EachLinkingToItsEntryPage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, "ワンストップサービス利用率");
        List<int> own;
        int submittedId;
        await using (var scope = app.Scope(out var db))
        {
            // 税務課 is given three more requested KPIs: one returned, one submitted, one not started.
            var zeimu = await db.Departments.SingleAsync(d => d.Name == "税務課");
            foreach (var other in await db.Indicators.Include(i => i.Departments).Where(i => !i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021))).OrderBy(i => i.Order).Take(3).ToListAsync())
            {
                other.Departments.Add(zeimu);
            }

            await db.SaveChangesAsync();
            own = await db.Indicators.Where(i => i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021))).OrderBy(i => i.Order).Select(i => i.Id).ToListAsync();
            var last = own.Last(id => id != indicatorId);
            submittedId = own.First(id => id != indicatorId && id != last);
            var reports = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2021) && (r.IndicatorId == last || r.IndicatorId == submittedId)).ToListAsync();
            reports.Single(r => r.IndicatorId == last).State = ReportState.Returned;
            if (submittedId != last)
            {
                reports.Single(r => r.IndicatorId == submittedId).State = ReportState.Submitted;
            }

            await db.SaveChangesAsync();
            own.Remove(submittedId);
            own.Remove(last);
            own.Insert(0, last);
        }

        var client = await app.SignedInClientAsync("zeimu");
        var page = await Html.GetAsync(client, "/todo");

        var links = page.QuerySelectorAll("#todo-entry-list li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(own.Select(id => $"/entry/{cycleId}/{id}"), links);
        Assert.Equal(nameof(ReportState.Returned), page.QuerySelector("#todo-entry-list li")!.GetAttribute("data-state"));
        Assert.Contains("期限超過", page.QuerySelector("#todo-entry-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("提出済み 1件", page.QuerySelector("#todo-entry-list")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#todo-review-list"));
        Assert.Null(page.QuerySelector("#todo-questions-list"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(links[0]!, UriKind.Relative))).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DxOffice_SeesSubmittedReports_OverdueDepartments_AndUnansweredQuestions_Expert_SeesTheQuestionsOnly(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, "ワンストップサービス利用率");
        int reportId, unassigned;
        List<string> owing;
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            report.State = ReportState.Submitted;
            report.QuestionToExperts = "利用率を上げるための広報の工夫を教えてください。";
            await db.SaveChangesAsync();
            reportId = report.Id;
            owing = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2021) && r.State != ReportState.Submitted)
                .SelectMany(r => r.Indicator!.Departments.Select(d => d.Name)).Distinct().ToListAsync();
            unassigned = await db.IndicatorReports.CountAsync(r => r.FiscalYear == new FiscalYear(2021) && r.State != ReportState.Submitted && !r.Indicator!.Departments.Any());
        }

        var admin = await app.SignedInClientAsync("dx-admin");
        var page = await Html.GetAsync(admin, "/todo");
        Assert.Contains(page.QuerySelectorAll("#todo-review-list a"), a => a.GetAttribute("href") == $"/admin/cycles/{cycleId}/reports/{indicatorId}");
        // The demo cycle's deadline (2022-05-31) has passed: every department still owing is listed, linking to the cycle's
        // board; one whose reports are all submitted is not.
        var overdue = page.QuerySelectorAll("#todo-overdue-list li a").ToList();
        Assert.Equal(owing.Order(StringComparer.Ordinal), overdue.Select(a => a.TextContent).Order(StringComparer.Ordinal));
        Assert.All(overdue, a => Assert.Equal($"/admin/cycles/{cycleId}", a.GetAttribute("href")));
        // The KPIs without a department are not a department that is late: they are counted apart, as what they are.
        Assert.True(unassigned > 0);
        Assert.DoesNotContain(overdue, a => a.TextContent.Contains("DX推進担当", StringComparison.Ordinal));
        Assert.Equal($"所管課が未設定の報告（{unassigned}件）", page.QuerySelector($"#todo-unassigned-{cycleId}")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#todo-questions-list a"), a => a.GetAttribute("href") == $"/council/reports/{reportId}");
        Assert.Null(page.QuerySelector("#todo-entry-list"));

        var expert = await app.SignedInClientAsync("expert");
        var mine = await Html.GetAsync(expert, "/todo");
        Assert.Contains("回答する質問", mine.QuerySelector("#todo-questions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(mine.QuerySelectorAll("#todo-questions-list a"), a => a.GetAttribute("href") == $"/council/reports/{reportId}");
        Assert.Null(mine.QuerySelector("#todo-review-list"));
        Assert.Null(mine.QuerySelector("#todo-overdue-list"));

        // Once an expert answers, the question leaves both lists.
        await using (var scope = app.Scope(out var db))
        {
            db.CouncilPosts.Add(new CouncilPost { IndicatorReportId = reportId, Kind = CouncilPostKind.ExpertAnswer, Text = "SNSでの周知が有効です。", By = "有識者", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain((await Html.GetAsync(expert, "/todo")).QuerySelectorAll("#todo-questions-list a"), a => a.GetAttribute("href") == $"/council/reports/{reportId}");
        Assert.DoesNotContain((await Html.GetAsync(admin, "/todo")).QuerySelectorAll("#todo-questions-list a"), a => a.GetAttribute("href") == $"/council/reports/{reportId}");
    }
}
