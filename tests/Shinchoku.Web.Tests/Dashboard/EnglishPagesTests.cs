using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>
/// The English area, initiative and KPI pages: reached from the Japanese pages' language switch and from the English home, in
/// English with the Japanese names and values marked lang="ja", and the same KPIs as the Japanese pages.
/// </summary>
[Collection(DemoAppsGroup.Name)]
public class EnglishPagesTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AreaAndKpiPages_HaveEnglishVersions_LinkedBothWays(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        string areaKey;
        await using (var scope = app.Scope(out var db))
        {
            areaKey = (await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-ict" && n.ParentId == null).OrderBy(n => n.Order).FirstAsync()).Key;
        }

        var client = app.CreateClient();
        var japanese = await Html.GetAsync(client, $"/strategy/chiba-ict/nodes/{areaKey}");
        var englishUrl = japanese.QuerySelector("a[hreflang='en']")!.GetAttribute("href")!;
        Assert.Equal($"/en/strategy/chiba-ict/nodes/{areaKey}", englishUrl);
        Assert.Contains((await Html.GetAsync(client, "/en")).QuerySelectorAll("a"), a => a.GetAttribute("href") == englishUrl);

        var english = await Html.GetAsync(client, englishUrl);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ja", english.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal($"/strategy/chiba-ict/nodes/{areaKey}", english.QuerySelector("a[hreflang='ja']")!.GetAttribute("href"));
        // The same KPIs and ratings; the marks carry English words beside the symbol.
        var japaneseRows = japanese.QuerySelectorAll("table.kpi-table tbody tr");
        var englishRows = english.QuerySelectorAll("table.kpi-table tbody tr");
        Assert.Equal(japaneseRows.Select(r => r.QuerySelector("th")!.TextContent.Trim()), englishRows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(
            japaneseRows.Select(r => r.QuerySelector(".rating")!.ClassName),
            englishRows.Select(r => r.QuerySelector(".rating")!.ClassName));
        Assert.Contains(englishRows, r => r.QuerySelector(".rating")!.TextContent.Trim() == "◎ 100% or more");
        Assert.All(englishRows, r => Assert.Equal("ja", r.QuerySelector("th a")!.GetAttribute("lang")));

        var kpiUrl = englishRows[0].QuerySelector("th a")!.GetAttribute("href")!;
        Assert.StartsWith("/en/indicators/", kpiUrl, StringComparison.Ordinal);
        var kpi = await Html.GetAsync(client, kpiUrl);
        Assert.Equal("en", kpi.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Where it stands", kpi.QuerySelector("section.summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(kpiUrl["/en".Length..], kpi.QuerySelector("a[hreflang='ja']")!.GetAttribute("href"));
        var japaneseKpi = await Html.GetAsync(client, kpiUrl["/en".Length..]);
        Assert.Equal(kpiUrl, japaneseKpi.QuerySelector("a[hreflang='en']")!.GetAttribute("href"));
        Assert.Equal(japaneseKpi.QuerySelector("h1")!.TextContent.Trim(), kpi.QuerySelector("h1")!.TextContent.Trim());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task InitiativePage_HasAnEnglishVersion_WithTheSameKpisAndMarks(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        string initiativeKey, nodeKey;
        int placements;
        await using (var scope = app.Scope(out var db))
        {
            // An initiative with KPIs; one also listed elsewhere (【再掲】) when the demo data has one.
            var initiative = await db.Initiatives.Where(i => i.Plan!.Key == "chiba-ict" && i.Indicators.Count > 0)
                .OrderByDescending(i => i.Placements.Count).ThenBy(i => i.Id)
                .Select(i => new { i.Key, Node = i.Placements.Where(p => p.IsPrimary).Select(p => p.Node!.Key).First(), Placements = i.Placements.Count })
                .FirstAsync();
            (initiativeKey, nodeKey, placements) = (initiative.Key, initiative.Node, initiative.Placements);
        }

        var client = app.CreateClient();
        var japaneseUrl = $"/strategy/chiba-ict/initiatives/{initiativeKey}";
        var englishUrl = "/en" + japaneseUrl;
        var japanese = await Html.GetAsync(client, japaneseUrl);
        Assert.Equal(englishUrl, japanese.QuerySelector("a[hreflang='en']")!.GetAttribute("href"));
        var englishNode = await Html.GetAsync(client, $"/en/strategy/chiba-ict/nodes/{nodeKey}");
        Assert.Contains(englishNode.QuerySelectorAll("main a"), a => a.GetAttribute("href") == englishUrl && a.GetAttribute("hreflang") is null);
        Assert.DoesNotContain("Initiative pages are in Japanese", englishNode.Body!.TextContent, StringComparison.Ordinal);

        var english = await Html.GetAsync(client, englishUrl);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ja", english.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal(japanese.QuerySelector("h1")!.TextContent.Trim(), english.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(japaneseUrl, english.QuerySelector("a[hreflang='ja']")!.GetAttribute("href"));
        Assert.Contains(english.QuerySelectorAll("nav.breadcrumbs a"), a => a.GetAttribute("href") == $"/en/strategy/chiba-ict/nodes/{nodeKey}");

        // The same KPIs, marks and counts; the KPIs and narratives lead to the English KPI pages.
        var japaneseRows = japanese.QuerySelectorAll("table.kpi-table tbody tr");
        var englishRows = english.QuerySelectorAll("table.kpi-table tbody tr");
        Assert.NotEmpty(englishRows);
        Assert.Equal(japaneseRows.Select(r => r.QuerySelector("th")!.TextContent.Trim()), englishRows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(japaneseRows.Select(r => r.QuerySelector(".rating")!.ClassName), englishRows.Select(r => r.QuerySelector(".rating")!.ClassName));
        Assert.Equal(
            japanese.QuerySelectorAll(".mark-count .mark-n").Select(n => n.TextContent.Replace("件", "", StringComparison.Ordinal).Trim()),
            english.QuerySelectorAll(".mark-count .mark-n").Select(n => n.TextContent.Trim()));
        Assert.Equal(japanese.QuerySelectorAll("section.narrative").Length, english.QuerySelectorAll("section.narrative").Length);
        Assert.All(english.QuerySelectorAll("section.narrative h3 a"), a => Assert.StartsWith("/en/indicators/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(placements, english.QuerySelectorAll("main ul li").Count(li => li.TextContent.Contains("listed under", StringComparison.OrdinalIgnoreCase)));

        // The English KPI page leads back to the English initiative page.
        var kpi = await Html.GetAsync(client, englishRows[0].QuerySelector("th a")!.GetAttribute("href")!);
        Assert.Contains(kpi.QuerySelectorAll("main a"), a => a.GetAttribute("href") == englishUrl);
        Assert.DoesNotContain(kpi.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.StartsWith("/strategy/", StringComparison.Ordinal));
    }
}
