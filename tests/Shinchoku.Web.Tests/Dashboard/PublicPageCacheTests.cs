using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>
/// Public pages are kept in memory for anonymous visitors until the data changes: a publication, or a correction the
/// DX office approves, shows on the very next request, not when the data version is next checked.
/// </summary>
public class PublicPageCacheTests
{
    private const string Corrected = "70,123人";
    private const string NextYear = "81,234人";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PublicationAndApprovedCorrection_ShowOnPublicPages_AtOnce(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        // The data version is checked at most once an hour here: only the app's own saves can refresh the pages.
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:VersionCheckMilliseconds"] = "3600000" });
        int id;
        List<string> urls;
        await using (var scope = app.Scope(out var db))
        {
            var indicator = await db.Indicators.Include(i => i.Initiative!).ThenInclude(i => i.Placements)
                .FirstAsync(i => i.Name.StartsWith("テレワーク実施者数"));
            id = indicator.Id;
            var nodes = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-ict").ToDictionaryAsync(n => n.Id);
            var area = nodes[indicator.Initiative!.Placements.Single(p => p.IsPrimary).NodeId];
            while (area.ParentId is { } parent)
            {
                area = nodes[parent];
            }

            urls =
            [
                $"/indicators/{id}",
                $"/strategy/chiba-ict/nodes/{area.Key}",
                $"/strategy/chiba-ict/initiatives/{indicator.Initiative.Key}",
                "/indicators?plan=chiba-ict&q=" + Uri.EscapeDataString("テレワーク実施者数"),
            ];
        }

        var client = app.CreateClient();
        foreach (var url in urls)
        {
            Assert.DoesNotContain(Corrected, await TextAsync(client, url), StringComparison.Ordinal);
        }

        // The DX office returns the published 令和2年度 report for correction: it is no longer public …
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2020));
            report.State = ReportState.Returned;
            await db.SaveChangesAsync();
        }

        var returned = await Html.GetAsync(client, urls[0]);
        Assert.Contains("令和2年度の報告はありません。この成果指標の進捗状況は、まだ公表されていません。", returned.QuerySelector("section.summary")!.TextContent, StringComparison.Ordinal);

        // … and once the department corrected it and the DX office approved it again, the corrected value is on every page.
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2020));
            report.Actual = RecordedValue.From(Corrected).Value;
            report.State = ReportState.Approved;
            await db.SaveChangesAsync();
        }

        foreach (var url in urls)
        {
            Assert.Contains(Corrected, await TextAsync(client, url), StringComparison.Ordinal);
        }

        // Publishing 令和3年度 shows its approved value at once.
        await using (var scope = app.Scope(out var db))
        {
            // The report requested when the demo opened 令和3年度, entered and approved.
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2021));
            report.Actual = RecordedValue.From(NextYear).Value;
            report.Projection = RecordedValue.From(NextYear).Value;
            report.State = ReportState.Approved;
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2021));
            await db.SaveChangesAsync();
            Assert.DoesNotContain(NextYear, await TextAsync(client, urls[0]), StringComparison.Ordinal);
            cycle.State = PublicationState.Published;
            cycle.PublishedAt = new DateTimeOffset(2022, 3, 25, 1, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        foreach (var url in urls)
        {
            Assert.Contains(NextYear, await TextAsync(client, url), StringComparison.Ordinal);
        }
    }

    private static async Task<string> TextAsync(HttpClient client, string url) => (await Html.GetAsync(client, url)).Body!.TextContent;
}
