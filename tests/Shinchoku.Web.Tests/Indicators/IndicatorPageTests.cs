using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Tests.Strategy;

namespace Shinchoku.Web.Tests.Indicators;

/// <summary>Every KPI of the excerpt has its page with values and marks.</summary>
[Collection(DemoAppsGroup.Name)]
public class IndicatorPageTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EveryExcerptIndicator_HasAPageWithValuesAndMarks(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        List<(int Id, string Name)> indicators;
        await using (var scope = app.Scope(out var db))
        {
            indicators = (await db.Indicators.OrderBy(i => i.Order).Select(i => new { i.Id, i.Name }).ToListAsync()).ConvertAll(i => (i.Id, i.Name));
        }

        var rows = DemoStrategyTests.ReportRows();
        var client = app.CreateClient();
        for (var i = 0; i < indicators.Count; i++)
        {
            var page = await Html.GetAsync(client, $"/indicators/{indicators[i].Id}");
            var row = rows[i];
            Assert.Equal(indicators[i].Name, page.QuerySelector("h1")!.TextContent.Trim());
            var text = page.Body!.TextContent;
            Assert.Contains("令和2年度", text, StringComparison.Ordinal);
            Assert.Contains("進捗率", text, StringComparison.Ordinal);
            var printed = page.QuerySelectorAll("tr").FirstOrDefault(tr => tr.TextContent.Contains("資料に印字された評価", StringComparison.Ordinal));
            Assert.NotNull(printed);

            // The rows where people judged differently from the rule are highlighted, and only those.
            var judged = row.GetProperty("judgedDifferently").ValueKind != System.Text.Json.JsonValueKind.Null;
            Assert.Equal(judged, printed.ClassList.Contains("disagree"));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task IndicatorPage_ShowsCalculationChartTableAndHistory(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = await db.Indicators.Where(i => i.Name == "電子決裁を実施した所属の数").Select(i => i.Id).SingleAsync();
        }

        var page = await Html.GetAsync(app.CreateClient(), $"/indicators/{id}");
        var text = page.Body!.TextContent;
        Assert.Contains("209/447", text, StringComparison.Ordinal);
        Assert.Contains("(↗)", text, StringComparison.Ordinal);
        Assert.Contains("= 39% → △", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg[role='img'] title"));
        Assert.Contains(page.QuerySelectorAll("caption"), c => c.TextContent.Contains("推移（表）", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("h2"), h => h.TextContent.Contains("変更履歴", StringComparison.Ordinal)); // staff only
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task UnknownIndicator_IsAJapaneseNotFoundPage(DatabaseProvider provider)
    {
        var client = apps.For(provider).CreateClient();
        using var response = await client.GetAsync(new Uri("/indicators/999999", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("ページが見つかりません", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
