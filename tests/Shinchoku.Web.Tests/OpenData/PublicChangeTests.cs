using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>
/// The public side learns of changes from the change records written with them: a draft save, a submission or a
/// return writes none and changes no public answer (same ETag, no rebuild); a correction does; and a second instance
/// on the same database sees a publication made on the first.
/// </summary>
public class PublicChangeTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string Url = "/api/v1/indicators?pageSize=500";
    private const string Marker = "876,543件";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DraftSaves_ChangeNoPublicAnswer_ACorrectionDoes(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:VersionCheckMilliseconds"] = "0" });
        var client = app.CreateClient();
        int id;
        long before;
        await using (var scope = app.Scope(out var db))
        {
            id = (await db.Indicators.FirstAsync(i => i.Name == "年間用紙使用量")).Id;
            before = await db.PublicChanges.LongCountAsync();
        }

        var etag = await ETagAsync(client);

        // The department writes, submits; the DX office returns it: 令和3年度 is not published.
        foreach (var state in new[] { ReportState.InProgress, ReportState.Submitted, ReportState.Returned, ReportState.InProgress })
        {
            await using var scope = app.Scope(out var db);
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2021));
            report.Actual = RecordedValue.From(Marker).Value;
            report.Status = "入力中 " + state;
            report.State = state;
            await db.SaveChangesAsync();
            Assert.Equal(before, await db.PublicChanges.LongCountAsync());
            Assert.Equal(etag, await ETagAsync(client));
        }

        // A correction of the published 令和2年度 report, approved again, is public at once.
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == id && r.FiscalYear == new FiscalYear(2020));
            Assert.Equal(ReportState.Approved, report.State);
            report.Actual = RecordedValue.From(Marker).Value;
            await db.SaveChangesAsync();
            var record = await db.PublicChanges.OrderBy(c => c.Id).LastAsync();
            Assert.Equal(id, record.IndicatorId);
            Assert.Contains("IndicatorReport", record.What, StringComparison.Ordinal);
        }

        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        Assert.NotEqual(etag, response.Headers.ETag?.Tag);
        Assert.Contains(Marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task APublicationOnOneInstance_ShowsOnAnother_WithinTwoSeconds(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var a = new TestApp(provider);
        _ = a.Server;
        using var b = new TestApp(a);
        var visitor = b.CreateClient();
        Assert.DoesNotContain(Marker, await visitor.GetStringAsync(new Uri(Url + "&fiscalYear=2021", UriKind.Relative)), StringComparison.Ordinal);

        await using (var scope = a.Scope(out var db))
        {
            var report = await db.IndicatorReports.FirstAsync(r => r.Indicator!.Name == "年間用紙使用量" && r.FiscalYear == new FiscalYear(2021));
            report.Actual = RecordedValue.From(Marker).Value;
            report.Projection = RecordedValue.From(Marker).Value;
            report.State = ReportState.Approved;
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Plan!.Key == "chiba-ict" && c.FiscalYear == new FiscalYear(2021));
            cycle.State = PublicationState.Published;
            cycle.PublishedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        string body;
        do
        {
            body = await visitor.GetStringAsync(new Uri(Url + "&fiscalYear=2021", UriKind.Relative));
        }
        while (!body.Contains(Marker, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(2) && await Pause());

        Assert.Contains(Marker, body, StringComparison.Ordinal);

        static async Task<bool> Pause()
        {
            await Task.Delay(100);
            return true;
        }
    }

    private static async Task<string?> ETagAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.Tag;
    }
}
