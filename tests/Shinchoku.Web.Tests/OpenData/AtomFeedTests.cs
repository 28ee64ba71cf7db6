using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>
/// /feed.atom: valid Atom 1.0 (namespace, id, title, updated, author, self link), an entry for a publication and one
/// for a correction with its reason, ids that stay the same, nothing of a draft year; anonymous; linked from the head
/// of every page and visibly from the home page.
/// </summary>
public class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Feed_ListsAPublicationAndACorrection_WithStableIds(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var published = new DateTimeOffset(2021, 6, 1, 1, 0, 0, TimeSpan.Zero);
        var corrected = new DateTimeOffset(2021, 7, 15, 3, 30, 0, TimeSpan.Zero);
        int indicatorId;
        string indicatorName;
        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2020));
            cycle.PublishedAt = published;
            var report = await db.IndicatorReports.Include(r => r.Indicator).Where(r => r.FiscalYear == new FiscalYear(2020) && r.Indicator!.Initiative!.Plan!.Key == "chiba-ict")
                .OrderBy(r => r.IndicatorId).FirstAsync();
            report.CorrectedAt = corrected;
            report.ReviewEvents.Add(new ReviewEvent { Action = ReviewAction.Reopened, Text = "実績値の集計誤りを訂正", By = "DX推進課 管理者", At = corrected.AddDays(-3) });
            await db.SaveChangesAsync();
            indicatorId = report.IndicatorId;
            indicatorName = report.Indicator!.Name;
        }

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("urn:uuid:", feed.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.Equal("千葉県", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.EndsWith("/feed.atom", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value, StringComparison.Ordinal);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(corrected, DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        // Newest first: the correction, then the publication; each with id, title, updated and a link to its public page.
        var correction = entries[0];
        Assert.Equal($"訂正：{indicatorName}（令和2年度）", correction.Element(Atom + "title")!.Value);
        Assert.Equal(corrected, DateTimeOffset.Parse(correction.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith($"/indicators/{indicatorId}?fy=2020", correction.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.Contains("実績値の集計誤りを訂正", correction.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        var publication = entries[1];
        Assert.Contains("令和2年度", publication.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal(published, DateTimeOffset.Parse(publication.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("/strategy/chiba-ict?fy=2020", publication.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.ToString().Contains("令和3年度", StringComparison.Ordinal));
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Rebuilt after an unrelated change, the entries keep their ids.
        await using (var scope = app.Scope(out var db))
        {
            (await db.Indicators.OrderByDescending(i => i.Id).FirstAsync()).Name += "（表記の修正）";
            await db.SaveChangesAsync();
        }

        var again = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.atom", UriKind.Relative))).Root!;
        Assert.Equal(ids, again.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList());
        Assert.Equal(feed.Element(Atom + "id")!.Value, again.Element(Atom + "id")!.Value);

        // Found from every page's head and visibly from the home page.
        var home = await Html.GetAsync(client, "/");
        Assert.Equal("/feed.atom", home.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector("main a[href='/feed.atom']"));
        var help = await Html.GetAsync(client, "/help/marks");
        Assert.NotNull(help.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']"));
    }
}
