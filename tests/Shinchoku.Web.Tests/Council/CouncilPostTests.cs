using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Council;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Council;

/// <summary>
/// A council post after it is written: its author edits it (history kept, 「編集済み」) or withdraws it, the DX office hides
/// it with a reason and shows it again; every change is audited and checked against the version loaded; visitors see
/// only what is shown; the same answer twice is refused; the question list puts the unanswered first.
/// </summary>
public class CouncilPostTests
{
    private const string Withdrawn = "投稿者により取り下げられました";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Author_EditsAndWithdraws_HistoryKept_AndVisitorsSeeOnlyWhatIsShown(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (reportId, indicatorId) = await PublishedQuestionAsync(app);
        var expert = await app.SignedInClientAsync("expert");
        var postId = await AnswerAsync(app, expert, reportId, "最初の回答です。");

        var edited = await expert.SubmitAsync($"/council/posts/{postId}", "edit", new() { ["text"] = "直した回答です。" });
        Assert.True(edited.Redirected, edited.Summary);
        Assert.Contains("投稿を編集しました", edited.Done, StringComparison.Ordinal);

        var visitor = app.CreateClient();
        var thread = (await Html.GetAsync(visitor, $"/indicators/{indicatorId}")).QuerySelector($"#post-{postId}")!;
        Assert.Contains("直した回答です。", thread.TextContent, StringComparison.Ordinal);
        Assert.Contains("編集済み", thread.QuerySelector(".post-edited")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("最初の回答です。", thread.TextContent, StringComparison.Ordinal);
        Assert.Empty(thread.QuerySelectorAll("a[href^='/council/posts/']")); // visitors get no link to the post's page

        // The author sees the earlier text on the post's page; another department's editor does not.
        var history = await Html.GetAsync(expert, $"/council/posts/{postId}");
        Assert.Contains("最初の回答です。", history.QuerySelector("#post-history")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await Html.GetAsync(await app.SignedInClientAsync("zeimu"), $"/council/posts/{postId}")).QuerySelector("#post-history"));

        var unconfirmed = await expert.SubmitAsync($"/council/posts/{postId}", "withdraw", []);
        unconfirmed.AssertFieldError("confirm", "チェックを入れてください");
        var withdrawn = await expert.SubmitAsync($"/council/posts/{postId}", "withdraw", new() { ["confirm"] = "yes" });
        Assert.True(withdrawn.Redirected, withdrawn.Summary);

        foreach (var client in new[] { visitor, await app.SignedInClientAsync("viewer"), await app.SignedInClientAsync("dx-admin") })
        {
            var shown = (await Html.GetAsync(client, $"/indicators/{indicatorId}")).QuerySelector($"#post-{postId}")!;
            Assert.Contains(Withdrawn, shown.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("回答です。", shown.TextContent, StringComparison.Ordinal);
        }

        // Never deleted; the earlier text kept; every change in the indicator's audit trail.
        await using var scope = app.Scope(out var db);
        var post = await db.CouncilPosts.Include(p => p.Revisions).SingleAsync(p => p.Id == postId);
        Assert.Equal("直した回答です。", post.Text);
        Assert.NotNull(post.EditedAt);
        Assert.NotNull(post.WithdrawnAt);
        Assert.Equal("最初の回答です。", Assert.Single(post.Revisions).Text);
        var audit = await db.AuditEntries.Where(a => a.Entity == nameof(CouncilPost) && a.EntityId == postId).ToListAsync();
        Assert.Contains(audit, a => a.Field == "CouncilPost.Text" && a.Before == "最初の回答です。" && a.After == "直した回答です。" && a.IndicatorId == indicatorId);
        Assert.Contains(audit, a => a.Field == "CouncilPost.WithdrawnAt" && a.Before == null && a.After != null);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DxOffice_HidesWithAReason_AndShowsAgain_NoOneElseMay(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (reportId, indicatorId) = await PublishedQuestionAsync(app);
        var expert = await app.SignedInClientAsync("expert");
        var postId = await AnswerAsync(app, expert, reportId, "個人名を含む回答です。");

        // Neither the author nor another user may hide it; the author's page has no such form.
        Assert.Null(AdminForms.FindForm(await Html.GetAsync(expert, $"/council/posts/{postId}"), "hide"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostWithoutFormAsync(expert, postId, "hide", new() { ["reason"] = "自分で隠す" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PostWithoutFormAsync(await app.SignedInClientAsync("zeimu"), postId, "edit", new() { ["text"] = "他人の投稿を書き換える" }));

        var admin = await app.SignedInClientAsync("dx-admin");
        var noReason = await admin.SubmitAsync($"/council/posts/{postId}", "hide", new() { ["reason"] = " " });
        noReason.AssertFieldError("reason", "非表示にする理由を入力してください");
        var hidden = await admin.SubmitAsync($"/council/posts/{postId}", "hide", new() { ["reason"] = "個人名が含まれていたため" });
        Assert.True(hidden.Redirected, hidden.Summary);

        var notice = "事務局により非表示にしました（理由：個人名が含まれていたため）";
        var visitorView = (await Html.GetAsync(app.CreateClient(), $"/indicators/{indicatorId}")).QuerySelector($"#post-{postId}")!;
        Assert.Contains(notice, visitorView.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("個人名を含む回答です。", visitorView.TextContent, StringComparison.Ordinal);
        var authorView = (await Html.GetAsync(expert, $"/council/reports/{reportId}")).QuerySelector($"#post-{postId}")!;
        Assert.DoesNotContain("個人名を含む回答です。", authorView.TextContent, StringComparison.Ordinal);
        // The DX office still reads it, to decide whether to show it again; the author can no longer edit it.
        Assert.Contains("個人名を含む回答です。", (await Html.GetAsync(admin, $"/council/reports/{reportId}")).QuerySelector($"#post-{postId}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(AdminForms.FindForm(await Html.GetAsync(expert, $"/council/posts/{postId}"), "edit"));

        var restored = await admin.SubmitAsync($"/council/posts/{postId}", "restore", []);
        Assert.True(restored.Redirected, restored.Summary);
        var shownAgain = (await Html.GetAsync(app.CreateClient(), $"/indicators/{indicatorId}")).QuerySelector($"#post-{postId}")!;
        Assert.Contains("個人名を含む回答です。", shownAgain.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("事務局により", shownAgain.TextContent, StringComparison.Ordinal);

        await using var scope = app.Scope(out var db);
        var audit = await db.AuditEntries.Where(a => a.Entity == nameof(CouncilPost) && a.EntityId == postId).ToListAsync();
        Assert.Contains(audit, a => a.Field == "CouncilPost.HiddenReason" && a.After == "個人名が含まれていたため");
        Assert.Contains(audit, a => a.Field == "CouncilPost.HiddenReason" && a.Before == "個人名が含まれていたため" && a.After == null);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AChangeFromAStalePage_IsRefusedWithAConflictMessage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (reportId, _) = await PublishedQuestionAsync(app);
        var expert = await app.SignedInClientAsync("expert");
        var postId = await AnswerAsync(app, expert, reportId, "元の回答です。");
        var url = $"/council/posts/{postId}";
        var stale = await Html.GetAsync(expert, url);

        var admin = await app.SignedInClientAsync("dx-admin");
        Assert.True((await admin.SubmitAsync(url, "hide", new() { ["reason"] = "確認のため" })).Redirected);

        var late = await expert.SubmitAsync(AdminForms.FindForm(stale, "edit")!, url, new() { ["text"] = "古い画面からの編集" });
        Assert.False(late.Redirected);
        Assert.Contains("ほかの人が変更しました", late.Summary, StringComparison.Ordinal);

        // Two pages opened on the same version: the first change stands, the second is refused.
        Assert.True((await admin.SubmitAsync(url, "restore", [])).Redirected);
        var first = await Html.GetAsync(expert, url);
        var second = await Html.GetAsync(expert, url);
        Assert.True((await expert.SubmitAsync(AdminForms.FindForm(first, "edit")!, url, new() { ["text"] = "一つ目の画面の編集" })).Redirected);
        var refused = await expert.SubmitAsync(AdminForms.FindForm(second, "withdraw")!, url, new() { ["confirm"] = "yes" });
        Assert.Contains("ほかの人が変更しました", refused.Summary, StringComparison.Ordinal);

        await using var scope = app.Scope(out var db);
        var post = await db.CouncilPosts.SingleAsync(p => p.Id == postId);
        Assert.Equal("一つ目の画面の編集", post.Text);
        Assert.Null(post.WithdrawnAt);
        Assert.Null(post.HiddenAt);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TheSameAnswerTwiceInTenMinutes_IsRefused_WithAClearMessage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (reportId, _) = await PublishedQuestionAsync(app);
        var expert = await app.SignedInClientAsync("expert");
        await AnswerAsync(app, expert, reportId, "二度押しした回答です。");

        var again = await expert.SubmitAsync($"/council/reports/{reportId}", null, new() { ["text"] = "二度押しした回答です。" });
        again.AssertFieldError($"text-{reportId}", "同じ内容の有識者の回答を10分以内に書き込んでいます");
        Assert.Equal("二度押しした回答です。", again.Page.GetElementById($"text-{reportId}")!.TextContent);
        Assert.True((await expert.SubmitAsync($"/council/reports/{reportId}", null, new() { ["text"] = "別の回答です。" })).Redirected);

        await using var scope = app.Scope(out var db);
        Assert.Equal(1, await db.CouncilPosts.CountAsync(p => p.IndicatorReportId == reportId && p.Text == "二度押しした回答です。"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task QuestionList_ShowsTheUnansweredFirst_AndAWithdrawnAnswerDoesNotCount(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (reportId, _) = await PublishedQuestionAsync(app);
        int other;
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2021)).OrderBy(r => r.Id).FirstAsync();
            report.State = ReportState.Submitted;
            report.QuestionToExperts = "令和3年度の未回答の質問";
            await db.SaveChangesAsync();
            other = report.Id;
        }

        var expert = await app.SignedInClientAsync("expert");
        var postId = await AnswerAsync(app, expert, reportId, "回答しました。");
        var rows = (await Html.GetAsync(expert, "/council/questions")).QuerySelectorAll("#questions tbody tr").ToList();
        var answered = rows.FindIndex(r => r.QuerySelector($"a[href='/council/reports/{reportId}']") is not null);
        var unanswered = rows.FindIndex(r => r.QuerySelector($"a[href='/council/reports/{other}']") is not null);
        Assert.True(unanswered >= 0 && answered > unanswered, $"unanswered at {unanswered}, answered at {answered}");
        Assert.Equal("回答済み", rows[answered].QuerySelector("td")!.TextContent);
        Assert.DoesNotContain(rows.Skip(answered), r => r.GetAttribute("data-answered") == "false");

        Assert.True((await expert.SubmitAsync($"/council/posts/{postId}", "withdraw", new() { ["confirm"] = "yes" })).Redirected);
        var after = (await Html.GetAsync(expert, "/council/questions")).QuerySelectorAll("#questions tbody tr");
        Assert.Equal("false", after.Single(r => r.QuerySelector($"a[href='/council/reports/{reportId}']") is not null).GetAttribute("data-answered"));
        Assert.Contains((await Html.GetAsync(expert, "/todo")).QuerySelectorAll("#todo-questions-list a"), a => a.GetAttribute("href") == $"/council/reports/{reportId}");
    }

    /// <summary>The demo's question (published 令和2年度, no department) with its demo posts set aside, so that the expert's answer is the only one.</summary>
    internal static async Task<(int ReportId, int IndicatorId)> PublishedQuestionAsync(TestApp app)
    {
        await using var scope = app.Scope(out var db);
        var report = await db.IndicatorReports.SingleAsync(r => r.FiscalYear == new FiscalYear(2020) && r.QuestionToExperts.Contains("ペーパーレス"));
        await db.CouncilPosts.Where(p => p.IndicatorReportId == report.Id && p.Kind == CouncilPostKind.ExpertAnswer)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.WithdrawnAt, DateTimeOffset.UtcNow));
        return (report.Id, report.IndicatorId);
    }

    /// <summary>Writes an expert's answer through the thread's form; returns the new post's id.</summary>
    internal static async Task<int> AnswerAsync(TestApp app, HttpClient expert, int reportId, string text)
    {
        var posted = await expert.SubmitAsync($"/council/reports/{reportId}", null, new() { ["text"] = text });
        Assert.True(posted.Redirected, posted.Summary);
        await using var scope = app.Scope(out var db);
        return await db.CouncilPosts.Where(p => p.IndicatorReportId == reportId && p.Text == text).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Posts <paramref name="handler"/> of a post's page as a hand-made request would (the token from the sign-out form).</summary>
    private static async Task<HttpStatusCode> PostWithoutFormAsync(HttpClient client, int postId, string handler, Dictionary<string, string> fields)
    {
        var page = await Html.GetAsync(client, $"/council/posts/{postId}");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["version"] = page.QuerySelector("input[name='version']")?.GetAttribute("value") ?? "0", // a new post's version
        };
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri($"/council/posts/{postId}?handler={handler}", UriKind.Relative), content);
        return response.StatusCode;
    }
}
