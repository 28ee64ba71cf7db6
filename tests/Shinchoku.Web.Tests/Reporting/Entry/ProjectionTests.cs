using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Projections;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Tests.Reporting.Entry;

/// <summary>
/// The entry form offers projections from the actual with the marks each gives; the one used is stored with the value
/// (and audited, and shown on review), 独自 once the projection is changed; the marks preview evaluates without saving.
/// </summary>
public class ProjectionTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string ZeimuIndicator = "ワンストップサービス利用率";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task UsingAnOffer_FillsProjectionAndBasis_ThenSaving_StoresAndAuditsTheMethod_AndChangingTheValueMakesItOwn(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var client = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";
        int auditBefore;
        await using (var scope = app.Scope(out var db))
        {
            auditBefore = await db.AuditEntries.CountAsync();
        }

        var page = await Html.GetAsync(client, url);
        var values = Browsing.FormValues(page.QuerySelector("#entry-form")!);
        values["Form.Actual"] = "62.10%（令和3年12月末現在）";
        values["offerMethod"] = nameof(ProjectionMethod.Unchanged);
        using var offered = await client.PostAsync(new Uri(url + "?handler=offer", UriKind.Relative), new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        page = await Html.ParseAsync(await offered.Content.ReadAsStringAsync());
        Assert.Equal("62.10%", page.QuerySelector("#Form_Projection")!.GetAttribute("value"));
        Assert.Equal("令和3年12月末現在の実績値を据え置き（年度末まで増減しない見込み）", page.QuerySelector("#Form_ProjectionBasis")!.TextContent.Trim());
        Assert.Contains("まだ保存していません", page.QuerySelector("#copied")!.TextContent, StringComparison.Ordinal);
        // Each offer shows the marks it would give: 62.10% against the demo KPI's targets is ↗ ◎ (as the entry test saves it).
        var unchanged = page.QuerySelector("#projection-offers tr[data-offer=Unchanged]")!;
        Assert.Equal("↗", unchanged.QuerySelector("[data-mark=trend]")!.TextContent.Trim());
        Assert.Equal("◎", unchanged.QuerySelector("[data-mark=rating]")!.TextContent.Trim());
        // A percentage is not pro-rated; the editor is told why.
        Assert.Contains("割合（%）は年度末に換算できません", page.QuerySelector("#offers-refused")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Scope(out var db))
        {
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        }

        using (var saved = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(Browsing.FormValues(page.QuerySelector("#entry-form")!))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(("62.10%", ProjectionMethod.Unchanged), (report.Projection.Text, report.ProjectionMethod));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == report.Id && a.Field == nameof(IndicatorReport.ProjectionMethod) && a.After == "据え置き"));
        }

        var admin = await app.SignedInClientAsync("dx-admin");
        Assert.Equal("据え置き", (await Html.GetAsync(admin, $"/admin/cycles/{cycleId}/reports/{indicatorId}")).QuerySelector("#projection-method")!.TextContent.Trim());

        // The projection changed by hand is no longer the offer: stored as 独自, never silently left as 据え置き.
        using (var changed = await client.PostFormAsync(url, new() { ["Form.Projection"] = "63.00%", ["Form.ProjectionBasis"] = "説明会の効果を見込んだ。" }, "#entry-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(ProjectionMethod.Own, report.ProjectionMethod);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == report.Id && a.Field == nameof(IndicatorReport.ProjectionMethod) && a.Before == "据え置き" && a.After == "独自"));
        }

        Assert.Contains("独自", (await Html.GetAsync(client, url)).QuerySelector("#projection-method")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Preview_EvaluatesTheTypedValues_WritesNothing_AndIsRefusedWithoutRightsOrToken(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var (_, othersId) = await EntryTests.OpenCycleAndIndicatorAsync(app, "年間用紙使用量");
        int auditBefore;
        await using (var scope = app.Scope(out var db))
        {
            auditBefore = await db.AuditEntries.CountAsync();
        }

        var client = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";
        var page = await Html.GetAsync(client, url);
        Assert.Equal("?handler=preview", page.QuerySelector("#marks")!.GetAttribute("data-preview-url"));
        Assert.Equal("polite", page.QuerySelector("#marks-status")!.GetAttribute("aria-live"));
        var values = Browsing.FormValues(page.QuerySelector("#entry-form")!);
        values["Form.Actual"] = "62.10%（令和3年12月末現在）";
        values["Form.Projection"] = "63.00%";

        using (var preview = await client.PostAsync(new Uri(url + "?handler=preview", UriKind.Relative), new FormUrlEncodedContent(values)))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var marks = await Html.ParseAsync(await preview.Content.ReadAsStringAsync());
            Assert.Contains("まだ保存していません", marks.QuerySelector("#marks-heading")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("◎", marks.QuerySelector("[data-mark=rating]")!.TextContent.Trim());
            Assert.Contains("入力中の値では、進捗 ↗、進捗率 ◎", marks.QuerySelector("[data-marks-summary]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(marks.QuerySelector("header"));
        }

        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(("", "", 0), (report.Actual.Text, report.Projection.Text, report.Version));
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        }

        // Without the antiforgery token: refused.
        var noToken = new Dictionary<string, string>(values);
        noToken.Remove("__RequestVerificationToken");
        using (var refused = await client.PostAsync(new Uri(url + "?handler=preview", UriKind.Relative), new FormUrlEncodedContent(noToken)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // Another department's KPI: 403, as the entry page.
        using (var forbidden = await client.PostAsync(new Uri($"/entry/{cycleId}/{othersId}?handler=preview", UriKind.Relative), new FormUrlEncodedContent(values)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        // A reader without the entry role: not allowed either.
        var viewer = await app.SignedInClientAsync("viewer");
        var viewerToken = (await Html.GetAsync(viewer, "/strategy")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        values["__RequestVerificationToken"] = viewerToken;
        using (var denied = await viewer.PostAsync(new Uri(url + "?handler=preview", UriKind.Relative), new FormUrlEncodedContent(values)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }
}
