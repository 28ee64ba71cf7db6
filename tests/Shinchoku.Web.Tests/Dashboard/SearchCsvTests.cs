using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Tests.OpenData;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>
/// 「この一覧をCSVでダウンロード」 on the search results: the same KPIs as the list with the same filters and year
/// (every page of it), UTF-8 with BOM, the columns of indicators.csv, and text that Excel would run as a formula
/// written as text.
/// </summary>
public class SearchCsvTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string Formula = "=HYPERLINK(\"https://example.com\",\"開く\")";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SearchCsv_HasTheRowsOfTheList_WithBom_AndNoFormula(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        await using (var scope = app.Scope(out var db))
        {
            // A KPI whose name a spreadsheet would take for a formula.
            var indicator = await db.Indicators.Where(i => i.Initiative!.Plan!.Key == "chiba-ict").OrderBy(i => i.Id).FirstAsync();
            indicator.Name = Formula;
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient();
        foreach (var query in new[] { "plan=chiba-ict&fy=2020", "plan=chiba-ict&rating=achieved", "plan=chiba-ict&trend=down&fy=2020", "plan=chiba-ict&q=HYPERLINK" })
        {
            var page = await Html.GetAsync(client, "/indicators?" + query);
            var listed = page.QuerySelectorAll("table.kpi-table tbody th[scope=row] a")
                .Select(a => a.GetAttribute("href")!.Split('?')[0].Split('/')[^1]).ToList();
            var link = page.QuerySelector("p.csv-download a[download]");
            Assert.NotNull(link);
            Assert.Equal("この一覧をCSVでダウンロード", link.TextContent);
            var href = link.GetAttribute("href")!;
            Assert.Contains("fy=2020", href, StringComparison.Ordinal);
            foreach (var part in query.Split('&').Where(p => !p.StartsWith("fy=", StringComparison.Ordinal)))
            {
                Assert.Contains(part, href, StringComparison.Ordinal);
            }

            using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            var rows = OpenDataCsvTests.Parse(await response.Content.ReadAsByteArrayAsync());
            var header = rows[0];
            Assert.Equal([.. Shinchoku.Web.OpenData.DataDefinitions.Indicators.Columns], header);
            var ids = rows.Skip(1).Select(r => r[Array.IndexOf(header, "指標ID")]).ToList();
            Assert.Equal(listed, ids);
            Assert.All(rows.Skip(1), r => Assert.Equal("2020", r[Array.IndexOf(header, "評価の年度")]));
            if (query.Contains("HYPERLINK", StringComparison.Ordinal))
            {
                Assert.Single(ids);
                Assert.Equal("'" + Formula, rows[1][Array.IndexOf(header, "指標名")]);
            }
        }

        // The rating filter narrows the file as it narrows the list.
        var all = OpenDataCsvTests.Parse(await client.GetByteArrayAsync(new Uri("/indicators?plan=chiba-ict&fy=2020&handler=csv", UriKind.Relative)));
        var achieved = OpenDataCsvTests.Parse(await client.GetByteArrayAsync(new Uri("/indicators?plan=chiba-ict&fy=2020&rating=achieved&handler=csv", UriKind.Relative)));
        Assert.Equal(43, all.Count);
        Assert.InRange(achieved.Count, 2, all.Count - 1);
        Assert.All(achieved.Skip(1), r => Assert.Equal("◎", r[Array.IndexOf(achieved[0], "評価")]));
    }
}
