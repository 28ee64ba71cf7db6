using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>
/// The public dashboard: home, area, initiative, KPI, search, data definitions and sources. Values of the draft
/// 令和3年度 cycle never reach a public page; once published they do, with the changes highlighted.
/// </summary>
public class PublicPagesTests
{
    private const string DraftValue = "777,777,777件";
    private const string DraftNarrative = "未公表の取組状況ＺＱＸ";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DraftValues_NeverAppearOnAPublicPage_UntilPublished(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int telework;
        await using (var scope = app.Scope(out var db))
        {
            // Departments enter values into the open 令和3年度 cycle for every KPI of the previous strategy.
            var cycle = await db.ReportingCycles.Include(c => c.Plan).SingleAsync(c => c.State == PublicationState.Draft);
            var indicators = await db.Indicators.Where(i => i.Initiative!.PlanId == cycle.PlanId).ToListAsync();
            // In place of the reports requested when the cycle was opened.
            await db.IndicatorReports.Where(r => r.FiscalYear == cycle.FiscalYear).ExecuteDeleteAsync();
            foreach (var indicator in indicators)
            {
                db.IndicatorReports.Add(new IndicatorReport
                {
                    IndicatorId = indicator.Id,
                    FiscalYear = cycle.FiscalYear,
                    Actual = RecordedValue.From(DraftValue).Value,
                    Projection = RecordedValue.From(DraftValue).Value,
                    Status = DraftNarrative,
                    Plan = DraftNarrative,
                    State = ReportState.Submitted,
                });
            }

            await db.SaveChangesAsync();
            telework = indicators.First(i => i.Name.StartsWith("テレワーク実施者数", StringComparison.Ordinal)).Id;
        }

        var client = app.CreateClient();
        var before = await CountsOnHomeAsync(client);
        var urls = await PublicUrlsAsync(app);
        foreach (var url in urls)
        {
            var text = (await Html.GetAsync(client, url)).Body!.TextContent;
            Assert.False(text.Contains(DraftValue, StringComparison.Ordinal), $"{url} shows a draft value");
            Assert.False(text.Contains(DraftNarrative, StringComparison.Ordinal), $"{url} shows a draft narrative");
        }

        // Search does not find draft text, and a draft fiscal year in the URL falls back to the published one.
        var search = await Html.GetAsync(client, "/indicators?plan=chiba-ict&fy=2021&q=" + Uri.EscapeDataString("ＺＱＸ"));
        Assert.Empty(search.QuerySelectorAll("table.kpi-table tbody tr"));
        Assert.Equal("2020", search.QuerySelector("#fy option[selected]")!.GetAttribute("value"));

        // Staff see the draft on the KPI page, marked as unpublished; the counts stay those of the published year.
        var staff = await app.SignedInClientAsync("viewer");
        var staffPage = await Html.GetAsync(staff, $"/indicators/{telework}");
        Assert.Contains(DraftValue, staffPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("未公表（職員のみ表示）", staffPage.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsOnHomeAsync(staff));

        // Published: the values appear, the counts move to 令和3年度, and the KPI page shows what changed.
        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.State == PublicationState.Draft);
            await db.IndicatorReports.Where(r => r.FiscalYear == cycle.FiscalYear).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReportState.Approved));
            cycle.State = PublicationState.Published;
            cycle.PublishedAt = new DateTimeOffset(2022, 3, 25, 1, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        var published = await Html.GetAsync(client, $"/indicators/{telework}");
        Assert.Contains(DraftValue, published.Body!.TextContent, StringComparison.Ordinal);
        var changes = published.QuerySelector("table.changes");
        Assert.NotNull(changes);
        Assert.Contains(changes.QuerySelectorAll("tr.changed th"), th => th.TextContent == "実績値");
        Assert.Contains("変更あり", changes.TextContent, StringComparison.Ordinal);
        var found = await Html.GetAsync(client, "/indicators?plan=chiba-ict&q=" + Uri.EscapeDataString("ＺＱＸ"));
        Assert.NotEmpty(found.QuerySelectorAll("table.kpi-table tbody tr"));
        Assert.Contains("令和3年度", (await Html.GetAsync(client, "/")).QuerySelector(".published-plan")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Counts_OnHomeAndAreaPages_EqualTheDatabase(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var expected = new Dictionary<string, int[]>(); // area title → ◎ ○ △ ー × 評価なし 計
        var areaKeys = new Dictionary<string, string>();
        await using (var scope = app.Scope(out var db))
        {
            var indicators = await db.Indicators.Where(i => i.Initiative!.Plan!.Key == "chiba-ict")
                .Include(i => i.Targets).Include(i => i.Reports).ThenInclude(r => r.Overrides)
                .Include(i => i.Initiative!).ThenInclude(i => i.Placements).ThenInclude(p => p.Node)
                .AsSplitQuery().ToListAsync();
            var nodes = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-ict").ToDictionaryAsync(n => n.Id);
            foreach (var indicator in indicators)
            {
                var node = nodes[indicator.Initiative!.Placements.Single(p => p.IsPrimary).NodeId];
                while (node.ParentId is { } parent)
                {
                    node = nodes[parent];
                }

                areaKeys[node.DisplayTitle] = node.Key;
                var counts = expected.TryGetValue(node.DisplayTitle, out var c) ? c : expected[node.DisplayTitle] = new int[7];
                var report = indicator.Reports.Single(r => r.FiscalYear == new FiscalYear(2020));
                var glyph = ReportEvaluation.Of(indicator, report).Shown.RatingGlyph;
                var column = Array.IndexOf(["◎", "○", "△", "ー", "×"], glyph);
                counts[column >= 0 ? column : 5]++;
                counts[6]++;
            }
        }

        Assert.Equal(42, expected.Values.Sum(c => c[6]));
        var client = app.CreateClient();
        var home = await Html.GetAsync(client, "/");
        var table = home.QuerySelector(".published-plan table.count-table")!;
        foreach (var (area, counts) in expected)
        {
            var row = table.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == area);
            Assert.Equal(counts, row.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray());

            // The area page counts the same, and lists every one of its KPIs.
            var page = await Html.GetAsync(client, $"/strategy/chiba-ict/nodes/{areaKeys[area]}");
            Assert.Equal(counts[6], page.QuerySelectorAll("table.kpi-table tbody tr").Length);
            var shown = page.QuerySelectorAll(".mark-counts .mark-n").Select(n => int.Parse(n.TextContent.Replace("件", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(counts[..5], shown);
        }

        // The English home page counts the same.
        var english = await Html.GetAsync(client, "/en");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            home.QuerySelectorAll(".published-plan table.count-table td").Select(td => td.TextContent.Trim()),
            english.QuerySelectorAll("table.count-table td").Select(td => td.TextContent.Trim()));

        // The current plan has no KPIs yet: its areas say so instead of showing zeros.
        Assert.Equal(4, home.QuerySelectorAll(".area-card").Length);
        Assert.All(home.QuerySelectorAll(".area-card"), card => Assert.Contains("成果指標はまだ設定されていません", card.TextContent, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ItemWithManyInitiatives_IsSummarisedInTheTree_AndListedInFullOnItsOwnPage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        string areaKey, fieldKey, fieldTitle;
        int listed;
        await using (var scope = app.Scope(out var db))
        {
            var field = await db.PlanNodes.Include(n => n.Parent).Include(n => n.Placements)
                .FirstAsync(n => n.Plan!.Key == "chiba-ict" && n.Kind == Shinchoku.Core.Strategy.NodeKind.Field && n.Parent!.Kind == Shinchoku.Core.Strategy.NodeKind.Area);
            for (var i = 1; i <= 12; i++)
            {
                var initiative = new Shinchoku.Web.Strategy.Initiative { PlanId = field.PlanId, Key = $"extra-{i}", Title = $"追加の取組{i:00}" };
                initiative.Placements.Add(new Shinchoku.Web.Strategy.InitiativePlacement { Node = field, IsPrimary = true, Order = 100 + i });
                db.Initiatives.Add(initiative);
            }

            await db.SaveChangesAsync();
            (areaKey, fieldKey, fieldTitle, listed) = (field.Parent!.Key, field.Key, field.Title, field.Placements.Count);
        }

        var client = app.CreateClient();
        foreach (var url in new[] { $"/strategy/chiba-ict/nodes/{areaKey}", "/strategy/chiba-ict" })
        {
            // The overview lists the first few of the field's initiatives and links to the field for all of them.
            var page = await Html.GetAsync(client, url);
            var list = page.QuerySelectorAll("ul.tree ul.initiatives").Single(ul => ul.GetAttribute("aria-label")!.StartsWith(fieldTitle, StringComparison.Ordinal));
            var items = list.Children.ToList();
            Assert.Equal(Shinchoku.Web.Strategy.NodeModel.TreeInitiativeLimit + 1, items.Count);
            var more = items[^1].QuerySelector("a")!;
            Assert.Equal($"/strategy/chiba-ict/nodes/{fieldKey}", more.GetAttribute("href"));
            Assert.Contains($"全{listed}件", more.TextContent, StringComparison.Ordinal);
        }

        // The field's own page lists every one of them.
        var fieldPage = await Html.GetAsync(client, $"/strategy/chiba-ict/nodes/{fieldKey}");
        var titles = fieldPage.QuerySelectorAll("main a[href*='/initiatives/']").Select(a => a.TextContent.Trim()).ToList();
        for (var i = 1; i <= 12; i++)
        {
            Assert.Contains($"追加の取組{i:00}", titles);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SearchAndFilters_HaveShareableUrls_ThatReproduceTheView(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = app.CreateClient();

        var all = await Html.GetAsync(client, "/indicators");
        Assert.Equal("get", all.QuerySelector("form.filters")!.GetAttribute("method"));
        Assert.Equal(42, Rows(all).Count);

        foreach (var bucket in MarkText.RatedBuckets)
        {
            var page = await Html.GetAsync(client, "/indicators?plan=chiba-ict&rating=" + MarkText.Slug(bucket));
            Assert.All(Rows(page), r => Assert.StartsWith(MarkText.Glyph(bucket) + " ", r.QuerySelector("td[data-label='評価']")!.TextContent.Trim(), StringComparison.Ordinal));
            await AssertShareUrlReproducesAsync(client, page);
        }

        var declinedDown = await Html.GetAsync(client, "/indicators?plan=chiba-ict&rating=declined&trend=down");
        Assert.NotEmpty(Rows(declinedDown));
        Assert.All(Rows(declinedDown), r => Assert.Contains("↘", r.QuerySelector("td[data-label='進捗']")!.TextContent, StringComparison.Ordinal));

        var keyword = await Html.GetAsync(client, "/indicators?q=" + Uri.EscapeDataString("テレワーク"));
        Assert.NotEmpty(Rows(keyword));
        // The keyword is found in names and in the published narratives (取組状況), which the table does not show.
        Assert.Contains(Rows(keyword), r => r.TextContent.Contains("テレワーク", StringComparison.Ordinal));
        Assert.True(Rows(keyword).Count < 42);
        var share = await AssertShareUrlReproducesAsync(client, keyword);
        Assert.Contains("q=", share, StringComparison.Ordinal);

        var department = all.QuerySelectorAll("#department option").Select(o => o.GetAttribute("value")!).First(v => v.Length > 0);
        var byDepartment = await Html.GetAsync(client, "/indicators?department=" + Uri.EscapeDataString(department));
        Assert.NotEmpty(Rows(byDepartment));
        Assert.All(Rows(byDepartment), r => Assert.Contains(department, r.QuerySelector("td[data-label='所管課']")!.TextContent, StringComparison.Ordinal));

        var area = all.QuerySelectorAll("#area option").Select(o => o.GetAttribute("value")!).First(v => v.Length > 0);
        var byArea = await Html.GetAsync(client, "/indicators?plan=chiba-ict&area=" + area);
        Assert.InRange(Rows(byArea).Count, 1, 41);
        await AssertShareUrlReproducesAsync(client, byArea);

        // A page number past the end shows the last page (42 KPIs fit on one page of 50).
        Assert.Equal(42, Rows(await Html.GetAsync(client, "/indicators?plan=chiba-ict&page=9")).Count);

        using var unknownPlan = await client.GetAsync(new Uri("/indicators?plan=no-such-plan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownPlan.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DefinitionsAndSources_NameEveryFieldAndTheLicence(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = app.CreateClient();
        var definitions = await Html.GetAsync(client, "/data/definitions");
        // Each field's row names its CSV column and its JSON field.
        var rows = definitions.QuerySelectorAll("table.definitions tbody tr")
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelector("td")!.TextContent.Trim())).ToList();
        Assert.All(DataDefinitions.All.SelectMany(s => s.Fields), f => Assert.Contains((f.Column ?? "－", f.Json ?? "－"), rows));
        Assert.Equal(DataDefinitions.All.Count, rows.Count(r => r.Item1 == "全国地方公共団体コード"));

        var sources = await Html.GetAsync(client, "/data/sources");
        Assert.Contains("CC BY 4.0", sources.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(sources.QuerySelector("a[rel='license']"));
        Assert.NotNull(sources.QuerySelector("a[href='/reports/chiba-ict/2020']"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task KpiPage_HasSummaryChartTableSwitchAndMarksInWords(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = await db.Indicators.Where(i => i.Name == "電子決裁を実施した所属の数").Select(i => i.Id).SingleAsync();
        }

        var page = await Html.GetAsync(app.CreateClient(), $"/indicators/{id}");
        var summary = page.QuerySelector("section.summary")!;
        Assert.Contains("△ 50%未満進捗", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("= 39% → △", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("初めての公表", summary.TextContent, StringComparison.Ordinal);
        // Both views are in the HTML (no script needed); the switch is hidden until its script shows it.
        Assert.NotNull(page.QuerySelector("#trend-chart svg[role='img']"));
        Assert.NotNull(page.QuerySelector("#trend-table table"));
        Assert.True(page.QuerySelector("[data-view-switch]")!.HasAttribute("hidden"));
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("table.kpi-table tbody tr")];

    /// <summary>Follows the page's share link and checks it lists the same KPIs; returns the link.</summary>
    private static async Task<string> AssertShareUrlReproducesAsync(HttpClient client, IDocument page)
    {
        var url = page.QuerySelector("a.share-url")!.GetAttribute("href")!;
        Assert.StartsWith("/indicators?", url, StringComparison.Ordinal);
        var again = await Html.GetAsync(client, url);
        Assert.Equal(Names(page), Names(again));
        Assert.Equal(url, again.QuerySelector("a.share-url")!.GetAttribute("href"));
        return url;

        static List<string> Names(IDocument d) => [.. Rows(d).Select(r => r.QuerySelector("th a")!.GetAttribute("href")!)];
    }

    private static async Task<int[]> CountsOnHomeAsync(HttpClient client) =>
        [.. (await Html.GetAsync(client, "/")).QuerySelectorAll(".published-plan table.count-table td")
            .Select(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Every public page of the previous strategy and the dashboard: home, plan, nodes, initiatives, KPIs (each also in English), search, data pages.</summary>
    private static async Task<List<string>> PublicUrlsAsync(TestApp app)
    {
        await using var scope = app.Scope(out var db);
        var urls = new List<string> { "/", "/en", "/strategy", "/strategy/plans", "/strategy/chiba-ict", "/indicators", "/indicators?plan=chiba-ict&fy=2021", "/data/definitions", "/data/sources", "/reports/chiba-ict/2020" };
        var pages = new List<string>();
        pages.AddRange(await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-ict").Select(n => "/strategy/chiba-ict/nodes/" + n.Key).ToListAsync());
        pages.AddRange(await db.Initiatives.Where(n => n.Plan!.Key == "chiba-ict").Select(n => "/strategy/chiba-ict/initiatives/" + n.Key).ToListAsync());
        pages.AddRange((await db.Indicators.Select(i => i.Id).ToListAsync()).Select(id => $"/indicators/{id}"));
        // Each node, initiative and KPI page in Japanese and in English.
        urls.AddRange(pages);
        urls.AddRange(pages.Select(page => "/en" + page));
        foreach (var bucket in MarkText.RatedBuckets.Concat(MarkText.NotRatedBuckets))
        {
            urls.Add("/indicators?plan=chiba-ict&rating=" + MarkText.Slug(bucket));
        }

        return urls;
    }
}
