using Shinchoku.Core.Time;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Reporting.Entry;

/// <summary>
/// The entry and review pages show last year's report, the targets and 前へ/次へ between the requested KPIs; 「前年度から写す」
/// fills the empty narratives of the form without saving.
/// </summary>
public class LastYearTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string ZeimuIndicator = "ワンストップサービス利用率";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EntryPage_ShowsLastYearsReport_TheTargets_AndStepsThroughTheDepartmentsOwnKpisOnly(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        IndicatorReport lastYear;
        List<int> own;
        await using (var scope = app.Scope(out var db))
        {
            var zeimu = await db.Departments.SingleAsync(d => d.Name == "税務課");
            foreach (var other in await db.Indicators.Include(i => i.Departments).Where(i => !i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021))).OrderBy(i => i.Order).Skip(5).Take(2).ToListAsync())
            {
                other.Departments.Add(zeimu);
            }

            await db.SaveChangesAsync();
            lastYear = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2020));
            own = await db.Indicators.Where(i => i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021)))
                .Select(i => i.Id).ToListAsync();
        }

        var client = await app.SignedInClientAsync("zeimu");
        var page = await Html.GetAsync(client, $"/entry/{cycleId}/{indicatorId}");

        var section = page.QuerySelector("#last-year")!;
        Assert.Contains("前年度（令和2年度）の報告", section.TextContent, StringComparison.Ordinal);
        Assert.Equal(lastYear.Actual.Text, section.QuerySelector("[data-last-year=Actual]")!.TextContent.Trim());
        Assert.Equal(lastYear.ProjectionBasis, section.QuerySelector("[data-last-year=ProjectionBasis]")!.TextContent.Trim());
        Assert.Equal(lastYear.Status, section.QuerySelector("[data-last-year=Status]")!.TextContent.Trim());
        Assert.Contains("最終目標", page.QuerySelector("#targets")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("60.00%", page.QuerySelector("#targets")!.TextContent, StringComparison.Ordinal);

        // 前へ/次へ lead only to the department's own requested KPIs, and walking them visits every one once.
        var visited = new List<int> { indicatorId };
        for (var next = page.QuerySelector("a[data-pager=next]"); next is not null; next = page.QuerySelector("a[data-pager=next]"))
        {
            var id = int.Parse(next.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(id, own);
            visited.Add(id);
            page = await Html.GetAsync(client, $"/entry/{cycleId}/{id}");
        }

        for (var previous = page.QuerySelector("a[data-pager=prev]"); previous is not null; previous = page.QuerySelector("a[data-pager=prev]"))
        {
            var id = int.Parse(previous.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(id, own);
            visited.Add(id);
            page = await Html.GetAsync(client, $"/entry/{cycleId}/{id}");
        }

        Assert.Equal(own.Order(), visited.Distinct().Order());
        Assert.Equal(3, own.Count);
        Assert.Contains("3件中", page.QuerySelector(".report-pager")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CopyFromLastYear_FillsOnlyTheEmptyNarratives_SavesNothing_UntilSaved(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        IndicatorReport lastYear;
        int auditBefore;
        await using (var scope = app.Scope(out var db))
        {
            lastYear = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2020));
            auditBefore = await db.AuditEntries.CountAsync();
        }

        var client = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";
        using var copied = await PostCopyAsync(client, url, new() { ["Form.Actual"] = "62.10%（令和3年12月末現在）", ["Form.Status"] = "今年度は説明会を開いた。" });

        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        var page = await Html.ParseAsync(await copied.Content.ReadAsStringAsync());
        Assert.Contains("見込値の算出根拠", page.QuerySelector("#copied")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("まだ保存していません", page.QuerySelector("#copied")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(lastYear.ProjectionBasis, page.QuerySelector("#Form_ProjectionBasis")!.TextContent.Trim());
        Assert.Equal(lastYear.Plan, page.QuerySelector("#Form_Plan")!.TextContent.Trim());
        // What the editor typed stays; values are never copied.
        Assert.Equal("今年度は説明会を開いた。", page.QuerySelector("#Form_Status")!.TextContent.Trim());
        Assert.Equal("62.10%（令和3年12月末現在）", page.QuerySelector("#Form_Actual")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("#Form_Projection")!.GetAttribute("value") ?? "");

        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(("", "", ReportState.NotStarted, 0), (report.ProjectionBasis, report.Actual.Text, report.State, report.Version));
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        }

        // Saving the copied form saves it, audited, against the version the page was opened on.
        using var content = new FormUrlEncodedContent(Browsing.FormValues(page.QuerySelector("#entry-form")!));
        using var saved = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal((lastYear.ProjectionBasis, "今年度は説明会を開いた。", ReportState.InProgress), (report.ProjectionBasis, report.Status, report.State));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == report.Id && a.Field == nameof(IndicatorReport.ProjectionBasis)));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CopyFromLastYear_OnASubmittedReport_IsRefused_AndNotOfferedForAnotherDepartment(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        int othersId;
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            report.State = ReportState.Submitted;
            await db.SaveChangesAsync();
            othersId = await db.Indicators.Where(i => !i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021))).Select(i => i.Id).FirstAsync();
        }

        var client = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";
        var page = await Html.GetAsync(client, url);
        Assert.Null(page.QuerySelector("#copy-last-year"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Form.Version"] = "1" }))
        using (var refused = await client.PostAsync(new Uri(url + "?handler=copy", UriKind.Relative), content))
        {
            var body = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Contains("提出済みです", body.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(body.QuerySelector("#copied"));
        }

        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        using (var forbidden = await client.PostAsync(new Uri($"/entry/{cycleId}/{othersId}?handler=copy", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ReviewPage_ShowsLastYearsReport_TheTargets_AndStepsThroughEveryRequestedKpi(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        IndicatorReport lastYear;
        List<int> requested;
        await using (var scope = app.Scope(out var db))
        {
            lastYear = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2020));
            requested = await db.Indicators.Where(i => i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021))).OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync();
        }

        var admin = await app.SignedInClientAsync("dx-admin");
        var page = await Html.GetAsync(admin, $"/admin/cycles/{cycleId}/reports/{indicatorId}");

        Assert.Equal(lastYear.Actual.Text, page.QuerySelector("#last-year [data-last-year=Actual]")!.TextContent.Trim());
        Assert.Equal(lastYear.Plan, page.QuerySelector("#last-year [data-last-year=Plan]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#copy-last-year"));
        Assert.Contains("60.00%", page.QuerySelector("#targets")!.TextContent, StringComparison.Ordinal);
        var at = requested.IndexOf(indicatorId);
        Assert.Equal($"/admin/cycles/{cycleId}/reports/{requested[at + 1]}", page.QuerySelector("a[data-pager=next]")!.GetAttribute("href"));
        Assert.Equal(at == 0 ? null : $"/admin/cycles/{cycleId}/reports/{requested[at - 1]}", page.QuerySelector("a[data-pager=prev]")?.GetAttribute("href"));
        Assert.Contains($"{requested.Count}件中 {at + 1}件目", page.QuerySelector(".report-pager")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Presses 「前年度から写す」 on the entry form at <paramref name="url"/> with <paramref name="fields"/> typed.</summary>
    private static async Task<HttpResponseMessage> PostCopyAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await Html.GetAsync(client, url);
        var button = page.QuerySelector("#copy-last-year")!;
        var values = Browsing.FormValues(page.QuerySelector("#" + button.GetAttribute("form"))!);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url + button.GetAttribute("formaction"), UriKind.Relative), content);
    }
}
