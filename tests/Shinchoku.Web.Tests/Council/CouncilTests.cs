using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Council;

/// <summary>The advisory council: who may write what in a thread, what visitors see, the meeting's materials and page.</summary>
public class CouncilTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EachRole_MayPost_OnlyWhatItIsFor(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int noDepartment, taxAndPolice, indicatorId;
        await using (var scope = app.Scope(out var db))
        {
            // The demo question (no department) and the 2020 report of the KPI of 税務課 and 県警.
            var question = await db.IndicatorReports.Include(r => r.Indicator).SingleAsync(r => r.FiscalYear == new FiscalYear(2020) && r.QuestionToExperts.Contains("ペーパーレス"));
            noDepartment = question.Id;
            indicatorId = question.IndicatorId;
            taxAndPolice = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2020) && r.Indicator!.Departments.Any(d => d.Name == "税務課")).Select(r => r.Id).SingleAsync();
        }

        async Task<HttpStatusCode> Post(string user, int reportId, CouncilPostKind kind, string text)
        {
            var client = await app.SignedInClientAsync(user);
            // Posted as a hand-made request would be: those who may not post have no form (the token is the page's).
            var page = await Html.GetAsync(client, $"/council/reports/{reportId}");
            var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["kind"] = kind.ToString(), ["text"] = text });
            using var response = await client.PostAsync(new Uri($"/council/reports/{reportId}", UriKind.Relative), content);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Redirect, await Post("expert", noDepartment, CouncilPostKind.ExpertAnswer, "有識者の回答<script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("viewer", noDepartment, CouncilPostKind.ExpertAnswer, "閲覧者は書けない"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("expert", noDepartment, CouncilPostKind.DepartmentAction, "有識者は所管課の対応を書けない"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("zeimu", noDepartment, CouncilPostKind.DepartmentAction, "他課の指標には書けない"));
        Assert.Equal(HttpStatusCode.Redirect, await Post("zeimu", taxAndPolice, CouncilPostKind.DepartmentAction, "税務課の対応"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("zeimu", taxAndPolice, CouncilPostKind.Advice, "所管課は助言を書けない"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("expert", taxAndPolice, CouncilPostKind.Advice, "有識者は会議の助言を書けない"));
        Assert.Equal(HttpStatusCode.Redirect, await Post("dx-admin", noDepartment, CouncilPostKind.Advice, "DX推進課が記録した助言"));
        Assert.Equal(HttpStatusCode.OK, await Post("expert", noDepartment, CouncilPostKind.ExpertAnswer, "   "));

        await using (var scope = app.Scope(out var db))
        {
            var posts = await db.CouncilPosts.Where(p => p.Text == "有識者の回答<script>alert(1)</script>" || p.Text == "税務課の対応" || p.Text == "DX推進課が記録した助言").ToListAsync();
            Assert.Equal(3, posts.Count);
            Assert.All(posts, p => Assert.NotNull(p.MeetingId));
            Assert.DoesNotContain(await db.CouncilPosts.Select(p => p.Text).ToListAsync(), t => t.Contains("書けない", StringComparison.Ordinal));
        }

        // Shown as text, with its author, on the indicator's public page.
        var page = await Html.GetAsync(app.CreateClient(), $"/indicators/{indicatorId}");
        var thread = page.QuerySelector($"#council-{noDepartment}")!;
        Assert.Contains("有識者の回答<script>alert(1)</script>", thread.TextContent, StringComparison.Ordinal);
        Assert.Empty(thread.QuerySelectorAll("script"));
        Assert.Contains("DX推進課が記録した助言", thread.TextContent, StringComparison.Ordinal);
        Assert.Contains("有識者（アドバイザリー会議）", thread.TextContent, StringComparison.Ordinal);
        Assert.Empty(thread.QuerySelectorAll("form"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AnonymousVisitors_NeverSeeThreadsOfUnpublishedReports(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int indicatorId, openReportId;
        const string Demo = "紙の削減枚数だけでなく";
        const string Open = "令和3年度の入力中の報告への回答";
        await using (var scope = app.Scope(out var db))
        {
            var question = await db.IndicatorReports.SingleAsync(r => r.FiscalYear == new FiscalYear(2020) && r.QuestionToExperts.Contains("ペーパーレス"));
            indicatorId = question.IndicatorId;
            var open = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            open.State = ReportState.Approved;
            open.QuestionToExperts = "令和3年度の質問";
            await db.SaveChangesAsync();
            openReportId = open.Id;
            db.CouncilPosts.Add(new CouncilPost { IndicatorReportId = open.Id, Kind = CouncilPostKind.ExpertAnswer, Text = Open, By = "有識者", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = (await Html.GetAsync(anonymous, $"/indicators/{indicatorId}")).Body!.TextContent;
        Assert.Contains(Demo, page, StringComparison.Ordinal); // approved, of the published 令和2年度
        Assert.DoesNotContain(Open, page, StringComparison.Ordinal); // approved, but its cycle is open
        using (var thread = await anonymous.GetAsync(new Uri($"/council/reports/{openReportId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, thread.StatusCode);
        }

        var staff = (await Html.GetAsync(await app.SignedInClientAsync("viewer"), $"/indicators/{indicatorId}")).Body!.TextContent;
        Assert.Contains(Open, staff, StringComparison.Ordinal);

        // Publication withdrawn: the 令和2年度 thread and the meeting's advice are gone from the public page.
        await using (var scope = app.Scope(out var db))
        {
            (await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2020))).State = PublicationState.Submitted;
            await db.SaveChangesAsync();
        }

        page = (await Html.GetAsync(anonymous, $"/indicators/{indicatorId}")).Body!.TextContent;
        Assert.DoesNotContain(Demo, page, StringComparison.Ordinal);
        Assert.DoesNotContain("成果指標は、取組の結果が県民にどう届いたか", page, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AttachedReport_IsTheExport_ByteForByte_AndTheMeetingPageCollectsTheQuestions(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int meetingId;
        await using (var scope = app.Scope(out var db))
        {
            meetingId = await db.CouncilMeetings.Select(m => m.Id).SingleAsync();
        }

        var client = await app.SignedInClientAsync("dx-admin");
        using (var attach = await client.PostFormAsync($"/council/{meetingId}", [], "form[action*='attachExport']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, attach.StatusCode);
        }

        var page = await Html.GetAsync(client, $"/council/{meetingId}");
        Assert.Contains("資料4（chiba-ict_令和2年度_資料4.xlsx、現時点の内容）を添付しました", page.Body!.TextContent, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("a[href*='/materials/']");
        Assert.Equal(2, links.Length); // the demo data's and this one
        var attached = await client.GetByteArrayAsync(new Uri(links[^1].GetAttribute("href")!, UriKind.Relative));
        var export = await client.GetByteArrayAsync(new Uri("/reports/chiba-ict/2020/xlsx", UriKind.Relative));
        Assert.Equal(export, attached);

        // The questions of the cycle, each linking to its indicator, with the demo thread's posts.
        var questions = page.QuerySelectorAll("main section.card");
        Assert.True(questions.Length >= 3, $"questions: {questions.Length}");
        var paper = questions.Single(q => q.TextContent.Contains("ペーパーレス", StringComparison.Ordinal));
        Assert.StartsWith("/indicators/", paper.QuerySelector("h3 a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("紙の削減枚数だけでなく", paper.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(questions, q => q.QuerySelector("h4 + p.prewrap")?.TextContent.Trim() == "－");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Meeting_IsRegisteredAndEdited_AndAStaleEditIsRefused(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        using var created = await client.PostFormAsync("/council/edit", new() { ["title"] = "令和4年度第1回 会議", ["heldOn"] = "令和4年8月1日", ["members"] = "委員A" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var edit = url.Replace("/council/", "/council/edit/", StringComparison.Ordinal);
        var form = (await Html.GetAsync(client, edit)).QuerySelector("main form")!;
        var stale = Browsing.FormValues(form);
        using (var first = await client.PostFormAsync(edit, new() { ["advice"] = "最初の助言" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        stale["advice"] = "古い画面からの助言";
        using var content = new FormUrlEncodedContent(stale);
        using var second = await client.PostAsync(new Uri(edit, UriKind.Relative), content);
        var body = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("ほかの人が変更しました", body, StringComparison.Ordinal);
        Assert.Contains("古い画面からの助言", body, StringComparison.Ordinal);
        var meeting = await Html.GetAsync(client, url);
        Assert.Contains("最初の助言", meeting.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("令和4年8月1日", meeting.Body.TextContent, StringComparison.Ordinal);
    }
}
