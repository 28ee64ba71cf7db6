using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>
/// Values entered for a cycle that is not published (the demo's Draft 令和3年度) never appear in the API, CSV or ZIP;
/// publishing the cycle shows them at once (what was cached is invalidated), and Last-Modified moves with every change.
/// </summary>
public class OpenDataPublicationTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string Marker = "987,654,321件";
    private const string Narrative = "入力中の取組状況ZQX";

    private static readonly string[] Urls =
    [
        "/api/v1/indicators?pageSize=500",
        "/api/v1/indicators?pageSize=500&fiscalYear=2021",
        "/api/v1/indicators.csv",
        "/api/v1/indicators.csv?fiscalYear=2021",
        "/api/v1/values.csv",
        "/api/v1/plans",
        "/api/v1/plans.csv",
    ];

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DraftValues_NeverAppear_UntilTheCycleIsPublished(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        // Checked on every request here; by default the data version is checked at most once a second.
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:VersionCheckMilliseconds"] = "0" });
        var client = app.CreateClient();
        int id;
        await using (var scope = app.Scope(out var db))
        {
            var indicator = await db.Indicators.FirstAsync(i => i.Name == "年間用紙使用量");
            id = indicator.Id;
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2021));
            Assert.Equal(PublicationState.Draft, cycle.State);
        }

        // Fetch once before the values are entered, so that a stale cache would be noticed.
        Assert.DoesNotContain(Marker, await EverythingAsync(client, id), StringComparison.Ordinal);

        await using (var scope = app.Scope(out var db))
        {
            // In place of the report requested when the cycle was opened.
            await db.IndicatorReports.Where(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2021)).ExecuteDeleteAsync();
            db.IndicatorReports.Add(new IndicatorReport
            {
                IndicatorId = id,
                FiscalYear = new FiscalYear(2021),
                Actual = RecordedValue.From(Marker).Value,
                Projection = RecordedValue.From(Marker).Value,
                Status = Narrative,
                State = ReportState.Submitted,
            });
            await db.SaveChangesAsync();
        }

        foreach (var state in new[] { PublicationState.Draft, PublicationState.Submitted })
        {
            await using (var scope = app.Scope(out var db))
            {
                var cycle = await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2021));
                cycle.State = state;
                await db.SaveChangesAsync();
            }

            var everything = await EverythingAsync(client, id);
            Assert.DoesNotContain(Marker, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Narrative, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("令和3年度 進捗", everything, StringComparison.Ordinal);
            var year2021 = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/indicators?fiscalYear=2021");
            Assert.Equal(0, year2021.GetProperty("total").GetInt32());
        }

        using var before = await client.GetAsync(new Uri("/api/v1/plans", UriKind.Relative));
        var publishedAt = DateTimeOffset.UtcNow;
        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2021));
            cycle.State = PublicationState.Published;
            cycle.PublishedAt = publishedAt;
            (await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2021))).State = ReportState.Approved;
            await db.SaveChangesAsync();
        }

        // A client holding the answer from before the publication gets the new data, not 304.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(publishedAt.AddTicks(-(publishedAt.UtcTicks % TimeSpan.TicksPerSecond)), after.Content.Headers.LastModified);

        var published = await EverythingAsync(client, id);
        Assert.Contains(Marker, published, StringComparison.Ordinal);
        Assert.Contains(Narrative, published, StringComparison.Ordinal);
        Assert.Contains(Core.Time.JapanTime.DateOf(publishedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), published, StringComparison.Ordinal);
        var detail = await OpenDataApiTests.GetJsonAsync(client, $"/api/v1/indicators/{id}");
        Assert.Equal([2020, 2021], detail.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("fiscalYear").GetInt32()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task IfModifiedSince_GetsTheNewData_AfterACorrection_AndAfterAChangeWithoutADate(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:VersionCheckMilliseconds"] = "0" });
        var client = app.CreateClient();
        var published = new DateTimeOffset(2021, 8, 20, 1, 0, 0, TimeSpan.Zero);
        var corrected = new DateTimeOffset(2021, 11, 1, 1, 0, 0, TimeSpan.Zero);
        int id;
        await using (var scope = app.Scope(out var db))
        {
            (await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2020))).PublishedAt = published;
            await db.SaveChangesAsync();
            id = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2020)).Select(r => r.IndicatorId).FirstAsync();
        }

        async Task<HttpResponseMessage> SinceAsync(DateTimeOffset? since)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/indicators");
            request.Headers.IfModifiedSince = since;
            return await client.SendAsync(request);
        }

        using var first = await SinceAsync(null);
        Assert.Equal(published, first.Content.Headers.LastModified);
        using (var unchanged = await SinceAsync(published))
        {
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }

        // A correction approved after publication: Last-Modified is its date.
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2020));
            report.Actual = RecordedValue.From("12,345件").Value;
            report.CorrectedAt = corrected;
            await db.SaveChangesAsync();
        }

        using var afterCorrection = await SinceAsync(published);
        Assert.Equal(HttpStatusCode.OK, afterCorrection.StatusCode);
        Assert.Equal(corrected, afterCorrection.Content.Headers.LastModified);

        // A KPI's wording changed (no date of its own): Last-Modified moves on all the same.
        await using (var scope = app.Scope(out var db))
        {
            (await db.Indicators.SingleAsync(i => i.Id == id)).Name += "（訂正）";
            await db.SaveChangesAsync();
        }

        using var afterRename = await SinceAsync(corrected);
        Assert.Equal(HttpStatusCode.OK, afterRename.StatusCode);
        Assert.True(afterRename.Content.Headers.LastModified > corrected);
        Assert.Contains("（訂正）", await afterRename.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var current = await SinceAsync(afterRename.Content.Headers.LastModified))
        {
            Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ANodeRenamed_ShowsAtOnce_WithANewETag_AndTheSameDataKeepsItsETag(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        // Rebuilt on every request: a rebuild of the same data must give the same entity tag.
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:SnapshotMaxAgeSeconds"] = "0" });
        var client = app.CreateClient();
        using var before = await client.GetAsync(new Uri("/api/v1/plans/chiba-ict/tree", UriKind.Relative));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans/chiba-ict/tree"))
        {
            request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            using var same = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        }

        // A node's wording changes no count or version; the data served changes all the same.
        await using (var scope = app.Scope(out var db))
        {
            var node = await db.PlanNodes.FirstAsync(n => n.Plan!.Key == "chiba-ict" && n.Kind == Shinchoku.Core.Strategy.NodeKind.Area);
            node.Title += "（名称変更）";
            await db.SaveChangesAsync();
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans/chiba-ict/tree"))
        {
            request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            using var after = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            Assert.Contains("（名称変更）", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ANodeRenamedInTheApp_ShowsOnTheNextRequest_OnPagesAndInTheApi(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = app.CreateClient();
        string key;
        await using (var scope = app.Scope(out var db))
        {
            key = (await db.PlanNodes.FirstAsync(n => n.Plan!.Key == "chiba-ict" && n.Kind == Shinchoku.Core.Strategy.NodeKind.Area)).Key;
        }

        // Kept in memory after the first request.
        var page = $"/strategy/chiba-ict/nodes/{key}";
        Assert.DoesNotContain("（名称変更）", (await Html.GetAsync(client, page)).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("（名称変更）", await client.GetStringAsync(new Uri("/api/v1/plans/chiba-ict/tree", UriKind.Relative)), StringComparison.Ordinal);

        await using (var scope = app.Scope(out var db))
        {
            (await db.PlanNodes.SingleAsync(n => n.Plan!.Key == "chiba-ict" && n.Key == key)).Title += "（名称変更）";
            await db.SaveChangesAsync();
        }

        Assert.Contains("（名称変更）", (await Html.GetAsync(client, page)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("（名称変更）", await client.GetStringAsync(new Uri("/api/v1/plans/chiba-ict/tree", UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>Every answer of the open data as text: JSON, CSV, and each file of the ZIP.</summary>
    private static async Task<string> EverythingAsync(HttpClient client, int id)
    {
        var text = new StringBuilder();
        foreach (var url in Urls.Append($"/api/v1/indicators/{id}"))
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text.AppendLine(await response.Content.ReadAsStringAsync());
        }

        using var zip = new ZipArchive(await client.GetStreamAsync(new Uri("/api/v1/download.zip", UriKind.Relative)));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.AppendLine(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}
