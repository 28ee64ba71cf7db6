using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Indicators;

/// <summary>The DX office edits indicator definitions and overrides marks with a reason; every change is audited.</summary>
public class IndicatorAdminTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ScriptedEdits_AreAuditedFieldByField(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var id = await IndicatorIdAsync(app, "年間用紙使用量");
        var admin = await app.SignedInClientAsync("dx-admin");
        var url = $"/admin/indicators/{id}";
        var script = new (Dictionary<string, string> Fields, (string Field, string? Before, string? After)[] Expected)[]
        {
            (new() { ["Form.Unit"] = "千枚" }, [("Unit", null, "千枚")]),
            (new() { ["Form.FinalTarget"] = "360，000千枚", ["Form.Direction"] = "Decrease" },
                [("Direction", null, "Decrease"), ("Value", "365，241千枚", "360，000千枚")]),
            (new() { ["Form.Name"] = "年間用紙使用量（全庁）", ["Form.Unit"] = "" }, [("Name", "年間用紙使用量", "年間用紙使用量（全庁）"), ("Unit", "千枚", null)]),
        };

        long lastAudit;
        await using (var scope = app.Scope(out var db))
        {
            lastAudit = await db.AuditEntries.MaxAsync(a => a.Id);
        }

        foreach (var (fields, expected) in script)
        {
            using var response = await admin.PostFormAsync(url, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            await using var scope = app.Scope(out var db);
            var entries = await db.AuditEntries.Where(a => a.Id > lastAudit).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(
                expected.Select(e => (e.Field, e.Before, e.After)).OrderBy(e => e.Field),
                entries.Select(e => (e.Field, e.Before, e.After)).OrderBy(e => e.Field));
            Assert.All(entries, e => Assert.Equal("dx-admin", e.User));
            Assert.All(entries, e => Assert.Equal(id, e.IndicatorId));
            lastAudit = entries.Max(e => e.Id);
        }
    }

    [Fact]
    public async Task InvalidBaseline_IsRefusedWithCoresMessage_AndTheTextKept()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var id = await IndicatorIdAsync(app, "年間用紙使用量");
        var admin = await app.SignedInClientAsync("dx-admin");
        using var response = await admin.PostFormAsync($"/admin/indicators/{id}", new() { ["Form.Baseline"] = "405,8230千枚" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("桁区切り", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("405,8230千枚", page.QuerySelector("#Form_Baseline")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TwoAdminsEditingAnIndicator_TheSecondIsRefused_WithTheSavedValuesShown()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var id = await IndicatorIdAsync(app, "年間用紙使用量");
        var url = $"/admin/indicators/{id}";
        var admin = await app.SignedInClientAsync("dx-admin");
        var stale = Browsing.FormValues((await Html.GetAsync(admin, url)).QuerySelector("main form[method='post']")!);
        using (var first = await admin.PostFormAsync(url, new() { ["Form.Unit"] = "千枚" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        stale["Form.Unit"] = "枚";
        using var second = await admin.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(stale));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await Html.ParseAsync(await second.Content.ReadAsStringAsync());
        Assert.Contains("千枚", page.QuerySelector("[data-version=theirs]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("枚", page.QuerySelector("#Form_Unit")!.GetAttribute("value"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Override_OfAPublishedReport_WaitsForReopening_NeedsAReason_AndKeepsTheComputedMarks(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var id = await IndicatorIdAsync(app, "RPA導入により削減した作業時間");
        int cycleId;
        await using (var scope = app.Scope(out var db))
        {
            cycleId = await db.ReportingCycles.Where(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2020)).Select(c => c.Id).SingleAsync();
        }

        var admin = await app.SignedInClientAsync("dx-admin");
        var url = $"/admin/indicators/{id}/overrides/2020";

        // 令和2年度 is published: its marks change only as a correction, after reopening on the review page.
        var frozen = await Html.GetAsync(admin, url);
        Assert.Contains("公表されています", frozen.GetElementById("frozen")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/cycles/{cycleId}/reports/{id}", frozen.QuerySelector("#frozen a")!.GetAttribute("href"));
        Assert.Null(frozen.QuerySelector("main textarea[name=Reason]"));
        // A post made from a page opened before publication is refused too.
        var token = frozen.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var stale = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Kind"] = "Unknown", ["Reason"] = "理由" });
        using (var refused = await admin.PostAsync(new Uri(url, UriKind.Relative), stale))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("公表済みのため、評価を変更できません", (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        var reopened = await admin.SubmitAsync($"/admin/cycles/{cycleId}/reports/{id}", "reopen", new() { ["text"] = "評価の前提となる作業時間の集計方法を見直したため" });
        Assert.True(reopened.Redirected, reopened.Summary);

        using (var noReason = await admin.PostFormAsync(url, new() { ["Kind"] = "Unknown", ["Reason"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            var page = await Html.ParseAsync(await noReason.Content.ReadAsStringAsync());
            Assert.Contains("理由を入力してください", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        using (var saved = await admin.PostFormAsync(url, new() { ["Kind"] = "Unknown", ["Reason"] = "システム構築中で実績が未定のため" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using (var scope = app.Scope(out var db))
        {
            // The department resubmits and the DX office approves the correction (the review steps: ReviewCycleTests).
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2020));
            report.State = ReportState.Approved;
            report.CorrectedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        var publicPage = await Html.GetAsync(app.CreateClient(), $"/indicators/{id}");
        var notice = publicPage.QuerySelectorAll(".notice").Single(n => n.TextContent.Contains("担当者により変更", StringComparison.Ordinal)).TextContent;
        Assert.Contains("システム構築中で実績が未定のため", notice, StringComparison.Ordinal);
        Assert.Contains("算出した評価: ↗ △", notice, StringComparison.Ordinal);
        Assert.Contains("不明", publicPage.QuerySelectorAll(".mark").Select(m => m.TextContent.Trim()));
        Assert.Contains("評価の前提となる作業時間の集計方法を見直したため", publicPage.QuerySelector("[data-correction=done]")!.TextContent, StringComparison.Ordinal);

        await using var check = app.Scope(out var after);
        var record = await after.RatingOverrides.SingleAsync();
        Assert.Equal(OverrideKind.Unknown, record.Kind);
        Assert.Equal("dx-admin", record.By);
        Assert.Contains(await after.AuditEntries.Where(a => a.Entity == nameof(RatingOverrideRecord)).ToListAsync(), a => a.Field == "Reason" && a.After == "システム構築中で実績が未定のため" && a.IndicatorId == id);
    }

    private static async Task<int> IndicatorIdAsync(TestApp app, string nameStart)
    {
        await using var scope = app.Scope(out var db);
        return await db.Indicators.Where(i => i.Name.StartsWith(nameStart)).Select(i => i.Id).FirstAsync();
    }
}
