using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>
/// 令和3年度 published with no report approved must not replace 令和2年度 for good: every public page offers the
/// published years (?fy=), keeps the choice in its links, and says which KPIs have no report in the year shown.
/// </summary>
public class YearSelectorTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AfterAnEmptyYearIsPublished_TheEarlierYearCanBeChosen_OnEveryPublicPage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        string plan, area, initiative, r2Actual;
        int indicatorId, kpis;
        await using (var scope = app.Scope(out var db))
        {
            // 令和3年度 of the ICT strategy published before any of its reports was approved.
            var cycle = await db.ReportingCycles.Include(c => c.Plan).SingleAsync(c => c.State == PublicationState.Draft);
            cycle.State = PublicationState.Published;
            cycle.PublishedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            plan = cycle.Plan!.Key;
            kpis = await db.Indicators.CountAsync(i => i.Initiative!.PlanId == cycle.PlanId);
            var indicator = await db.Indicators.Include(i => i.Initiative).Include(i => i.Reports).FirstAsync(i => i.Name == "年間用紙使用量");
            indicatorId = indicator.Id;
            initiative = indicator.Initiative!.Key;
            r2Actual = indicator.Reports.Single(r => r.FiscalYear == new Core.Time.FiscalYear(2020)).Actual.Text.Split('\n')[0];
            area = (await db.PlanNodes.Where(n => n.PlanId == cycle.PlanId && n.Kind == Core.Strategy.NodeKind.Area).OrderBy(n => n.Order).FirstAsync()).Key;
        }

        var client = app.CreateClient();

        // The latest year is shown first: no KPI is rated, and the counts say why.
        var areaPage = await Html.GetAsync(client, $"/strategy/{plan}/nodes/{area}");
        Assert.Equal(["2021", "2020"], Options(areaPage));
        Assert.Equal("2021", Selected(areaPage));
        Assert.Contains("この年度の報告なし", areaPage.QuerySelector(".no-report")!.TextContent, StringComparison.Ordinal);
        Assert.Null(areaPage.QuerySelector(".not-rated"));

        var initiativePage = await Html.GetAsync(client, $"/strategy/{plan}/initiatives/{initiative}");
        var row = initiativePage.QuerySelectorAll("table.kpi-table tbody tr").Single(r => r.TextContent.Contains("年間用紙使用量", StringComparison.Ordinal));
        Assert.Contains("この年度の報告なし", row.QuerySelector(".rating")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("（最新の公表: 令和2年度）", row.QuerySelector(".last-published")!.TextContent);

        var kpiPage = await Html.GetAsync(client, $"/indicators/{indicatorId}");
        var noReport = kpiPage.QuerySelector(".summary .no-report")!;
        Assert.Contains("令和3年度の報告はありません", noReport.TextContent, StringComparison.Ordinal);
        Assert.Contains("最新の公表は令和2年度", noReport.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/indicators/{indicatorId}?fy=2020", noReport.QuerySelector("a")!.GetAttribute("href"));

        // 令和2年度 chosen: its counts and values again, and every link between public pages keeps the choice.
        areaPage = await Html.GetAsync(client, $"/strategy/{plan}/nodes/{area}?fy=2020");
        Assert.Equal("2020", Selected(areaPage));
        Assert.Null(areaPage.QuerySelector(".no-report"));
        AssertLinksKeep(areaPage, "fy=2020");

        kpiPage = await Html.GetAsync(client, $"/indicators/{indicatorId}?fy=2020");
        Assert.Equal("2020", Selected(kpiPage));
        Assert.Contains(r2Actual, kpiPage.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(kpiPage.QuerySelector(".summary .no-report"));

        var home = await Html.GetAsync(client, "/?fy=2020");
        Assert.Equal("2020", Selected(home));
        AssertLinksKeep(home, "fy=2020");

        foreach (var english in new[] { $"/en/strategy/{plan}/nodes/{area}?fy=2020", $"/en/strategy/{plan}/initiatives/{initiative}?fy=2020", $"/en/indicators/{indicatorId}?fy=2020", "/en?fy=2020" })
        {
            var page = await Html.GetAsync(client, english);
            Assert.Equal("2020", Selected(page));
        }

        // The search counts the KPIs without a report in the year shown, with the same words.
        var search = await Html.GetAsync(client, $"/indicators?plan={plan}&fy=2021&rating=no-report");
        Assert.Contains($"{kpis}件", search.QuerySelector("p[role=status]")!.TextContent, StringComparison.Ordinal);
        AssertLinksKeep(search, "fy=2021");

        // A year that is not published shows the latest, and links stay plain.
        var unknown = await Html.GetAsync(client, $"/strategy/{plan}/nodes/{area}?fy=2019");
        Assert.Equal("2021", Selected(unknown));
        Assert.DoesNotContain(unknown.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href")!.Contains("fy=", StringComparison.Ordinal));
    }

    private static List<string> Options(IDocument page) =>
        [.. page.QuerySelectorAll("form.year-selector select[name=fy] option").Select(o => o.GetAttribute("value")!)];

    private static string? Selected(IDocument page) =>
        page.QuerySelector("select[name=fy] option[selected]")?.GetAttribute("value");

    /// <summary>Every link to another public page of the plan's progress (nodes, initiatives, KPIs) carries the year.</summary>
    private static void AssertLinksKeep(IDocument page, string year)
    {
        var links = page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.Contains("/nodes/", StringComparison.Ordinal) || h.Contains("/initiatives/", StringComparison.Ordinal)
                || (h.StartsWith("/indicators/", StringComparison.Ordinal) && !h.Contains("?page", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links, h => Assert.Contains(year, h, StringComparison.Ordinal));
    }
}
