using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Tests.Reporting.Entry;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests;

/// <summary>
/// No lost update: every form that saves a report or an indicator is checked against the version it was opened on,
/// whatever field it changes (a value, a narrative, a target, a mark). Twenty saves made at once from forms opened on
/// the same version: exactly one is saved, the nineteen others get the conflict answer and change nothing.
/// </summary>
public class ConcurrentSaveTests
{
    private const string ZeimuIndicator = "ワンストップサービス利用率";
    private const int Racers = 20;

    public static TheoryData<DatabaseProvider, string> EntryFields()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var field in new[] { "Form.Actual", "Form.Projection", "Form.Status", "Form.Plan" })
            {
                data.Add(provider, field);
            }
        }

        return data;
    }

    public static TheoryData<DatabaseProvider, string> IndicatorFields()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var field in new[] { "Form.Name", "Form.Baseline", "Form.FinalTarget" })
            {
                data.Add(provider, field);
            }
        }

        return data;
    }

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OneEditorChangesTheActual_AStaleFormChangesOnlyTheProjection_IsRefused_AndTheActualStays(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var url = $"/entry/{cycleId}/{indicatorId}";
        var first = await app.SignedInClientAsync("zeimu");
        await StartEnteringAsync(first, url);
        var second = await app.SignedInClientAsync("dx-admin");
        var stale = Browsing.FormValues((await Html.GetAsync(second, url)).QuerySelector("main form[method='post']")!);

        using (var saved = await first.PostFormAsync(url, new() { ["Form.Actual"] = "60.5%" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        stale["Form.Projection"] = "65.0%";
        using var conflict = await second.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(stale));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(await conflict.Content.ReadAsStringAsync());
        Assert.Equal("65.0%", page.QuerySelector("#Form_Projection")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll(".conflict [data-version=theirs]"), td => td.TextContent == "60.5%");

        await using var scope = app.Scope(out var db);
        var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
        Assert.Equal(("60.5%", ""), (report.Actual.Text, report.Projection.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(EntryFields))]
    public async Task TwentyEntrySavesAtOneVersion_ExactlyOneIsSaved(DatabaseProvider provider, string field)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var url = $"/entry/{cycleId}/{indicatorId}";
        var client = await app.SignedInClientAsync("zeimu");
        await StartEnteringAsync(client, url);
        var form = Browsing.FormValues((await Html.GetAsync(client, url)).QuerySelector("main form[method='post']")!);
        var values = Enumerable.Range(0, Racers).Select(i => field is "Form.Actual" or "Form.Projection"
            ? string.Create(CultureInfo.InvariantCulture, $"{50 + i}.5%") : $"入力{i}").ToList();

        var statuses = await RaceAsync(client, url, form, field, values);

        AssertOneSavedOthersInConflict(statuses);
        await using var scope = app.Scope(out var db);
        var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
        var loadedVersion = int.Parse(form["Form.Version"], CultureInfo.InvariantCulture);
        Assert.Equal(loadedVersion + 1, report.Version);
        var auditField = field["Form.".Length..];
        var audited = await db.AuditEntries.CountAsync(a => a.Entity == nameof(IndicatorReport) && a.EntityId == report.Id && a.Field == auditField);
        Assert.Equal(1, audited);
    }

    [SkippableTheory]
    [MemberData(nameof(IndicatorFields))]
    public async Task TwentyIndicatorSavesAtOneVersion_ExactlyOneIsSaved(DatabaseProvider provider, string field)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (_, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var url = $"/admin/indicators/{indicatorId}";
        var client = await app.SignedInClientAsync("dx-admin");
        var form = Browsing.FormValues((await Html.GetAsync(client, url)).QuerySelector("main form[method='post']")!);
        var values = Enumerable.Range(0, Racers).Select(i => field == "Form.Name" ? $"ワンストップサービス利用率（{i}）"
            : string.Create(CultureInfo.InvariantCulture, $"{70 + i}%")).ToList();

        var statuses = await RaceAsync(client, url, form, field, values);

        AssertOneSavedOthersInConflict(statuses);
        await using var scope = app.Scope(out var db);
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Targets).SingleAsync(i => i.Id == indicatorId);
        Assert.Equal(int.Parse(form["Form.Version"], CultureInfo.InvariantCulture) + 1, indicator.Version);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwentyMarkOverridesAtOneVersion_ExactlyOneIsSaved(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (_, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var url = $"/admin/indicators/{indicatorId}/overrides/2021";
        var client = await app.SignedInClientAsync("dx-admin");
        var form = Browsing.FormValues((await Html.GetAsync(client, url)).QuerySelectorAll("main form[method='post']")[^1]);
        form["Kind"] = "Unknown";

        var statuses = await RaceAsync(client, url, form, "Reason", [.. Enumerable.Range(0, Racers).Select(i => $"理由{i}")]);

        AssertOneSavedOthersInConflict(statuses);
        await using var scope = app.Scope(out var db);
        var overrides = await db.RatingOverrides.AsNoTracking().Where(o => o.IsActive).CountAsync(o => db.IndicatorReports.Any(r => r.Id == o.IndicatorReportId && r.IndicatorId == indicatorId));
        Assert.Equal(1, overrides);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwentyReviewCommentsAtOneVersion_ExactlyOneIsRecorded(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var url = $"/admin/cycles/{cycleId}/reports/{indicatorId}";
        var client = await app.SignedInClientAsync("dx-admin");
        var page = await Html.GetAsync(client, url);
        var form = page.QuerySelectorAll("main form[method='post']").Single(f => (f.GetAttribute("action") ?? "").EndsWith("handler=comment", StringComparison.Ordinal));
        var values = Browsing.FormValues(form);

        var statuses = await RaceAsync(client, form.GetAttribute("action")!, values, "text", [.. Enumerable.Range(0, Racers).Select(i => $"コメント{i}")]);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        await using var scope = app.Scope(out var db);
        var comments = await db.ReviewEvents.CountAsync(e => e.Report!.IndicatorId == indicatorId && e.Text.StartsWith("コメント"));
        Assert.Equal(1, comments);
    }

    /// <summary>
    /// Saves a first narrative, so the report is 入力中 before the race: from 未着手 the first save also changes the
    /// state, which would move the version on even where a change of a value alone did not.
    /// </summary>
    private static async Task StartEnteringAsync(HttpClient client, string url)
    {
        using var saved = await client.PostFormAsync(url, new() { ["Form.Challenges"] = "入力を始めました。" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static void AssertOneSavedOthersInConflict(HttpStatusCode[] statuses)
    {
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(Racers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    /// <summary>Posts <paramref name="form"/> once per value, all at once, each with <paramref name="field"/> set to its value.</summary>
    private static async Task<HttpStatusCode[]> RaceAsync(HttpClient client, string url, Dictionary<string, string> form, string field, List<string> values)
    {
        using var start = new SemaphoreSlim(0);
        var posts = values.Select(async value =>
        {
            var fields = new Dictionary<string, string>(form) { [field] = value };
            using var content = new FormUrlEncodedContent(fields);
            await start.WaitAsync();
            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            return response.StatusCode;
        }).ToList();
        start.Release(values.Count);
        return await Task.WhenAll(posts);
    }
}
