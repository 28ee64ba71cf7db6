using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reporting.Entry;

/// <summary>A department editor enters its KPIs; typos are refused with Core's message; concurrent saves show both versions.</summary>
public class EntryTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string ZeimuIndicator = "ワンストップサービス利用率";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Editor_EntersAValueWithATypo_SeesTheMessage_CorrectsIt_AndSeesTheComputedMark(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var client = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";

        var list = await Html.GetAsync(client, "/entry");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == url);

        using (var refused = await client.PostFormAsync(url, new() { ["Form.Actual"] = "延15,3728件", ["Form.Projection"] = "63.00%" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Contains("桁区切り", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            var field = page.QuerySelector("#Form_Actual")!;
            Assert.Equal("延15,3728件", field.GetAttribute("value"));
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Equal("63.00%", page.QuerySelector("#Form_Projection")!.GetAttribute("value"));
        }

        await using (var scope = app.Scope(out var db))
        {
            var requested = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(("", ReportState.NotStarted), (requested.Actual.Text, requested.State));
        }

        using (var saved = await client.PostFormAsync(url, new() { ["Form.Actual"] = "62.10%（令和3年12月末現在）", ["Form.Projection"] = "63.00%", ["Form.Status"] = "利用を促した。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await Html.GetAsync(client, url + "?saved=true");
        Assert.Equal("↗", after.QuerySelector("[data-mark=trend]")!.TextContent.Trim());
        Assert.Equal("◎", after.QuerySelector("[data-mark=rating]")!.TextContent.Trim());
        Assert.Equal("62.10%（令和3年12月末現在）", after.QuerySelector("#Form_Actual")!.GetAttribute("value"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Editor_OpeningAnotherDepartmentsKpi_Gets403(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await OpenCycleAndIndicatorAsync(app, "年間用紙使用量");
        var client = await app.SignedInClientAsync("zeimu");
        using var get = await client.GetAsync(new Uri($"/entry/{cycleId}/{indicatorId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);

        var token = await TokenAsync(client, "/entry");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Actual"] = "1件",
            ["Form.Version"] = "-1",
        });
        using var post = await client.PostAsync(new Uri($"/entry/{cycleId}/{indicatorId}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwoEditorsSaving_TheSecondSeesBothVersions_AndNothingIsLost(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var url = $"/entry/{cycleId}/{indicatorId}";
        var first = await app.SignedInClientAsync("zeimu");
        var second = await app.SignedInClientAsync("dx-admin");

        // Both open the form on the same version.
        var secondForm = Browsing.FormValues((await Html.GetAsync(second, url)).QuerySelector("main form[method='post']")!);
        using (var saved = await first.PostFormAsync(url, new() { ["Form.Actual"] = "60.5%", ["Form.Status"] = "税務課の入力" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        secondForm["Form.Actual"] = "61.0%";
        secondForm["Form.Status"] = "DX推進課の入力";
        using var conflict = await second.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(secondForm));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(await conflict.Content.ReadAsStringAsync());
        var table = page.QuerySelector(".conflict table")!;
        Assert.Contains(table.QuerySelectorAll("[data-version=theirs]"), td => td.TextContent == "税務課の入力");
        Assert.Contains(table.QuerySelectorAll("[data-version=mine]"), td => td.TextContent == "DX推進課の入力");
        Assert.Equal("61.0%", page.QuerySelector("#Form_Actual")!.GetAttribute("value"));

        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal("税務課の入力", report.Status);
        }

        // Saving again from the conflict page overwrites knowingly.
        var retry = Browsing.FormValues(page.QuerySelector("main form[method='post']")!);
        retry["__RequestVerificationToken"] = secondForm["__RequestVerificationToken"];
        using var resaved = await second.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(retry));
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal("DX推進課の入力", report.Status);
            var history = await db.AuditEntries.Where(a => a.EntityId == report.Id && a.Entity == nameof(IndicatorReport) && a.Field == nameof(IndicatorReport.Status)).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["税務課の入力", "DX推進課の入力"], history.Select(h => h.After));
            Assert.Equal(["zeimu", "dx-admin"], history.Select(h => h.User));
        }
    }

    internal static async Task<(int CycleId, int IndicatorId)> OpenCycleAndIndicatorAsync(TestApp app, string indicatorNameStart)
    {
        await using var scope = app.Scope(out var db);
        var cycle = await db.ReportingCycles.SingleAsync(c => c.State == PublicationState.Draft);
        var indicator = await db.Indicators.Where(i => i.Name.StartsWith(indicatorNameStart)).Select(i => i.Id).FirstAsync();
        return (cycle.Id, indicator);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var page = await Html.GetAsync(client, url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
