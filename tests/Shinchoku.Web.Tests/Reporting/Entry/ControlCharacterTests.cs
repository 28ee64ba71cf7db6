using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Parsing;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Tests.OpenData;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reporting.Entry;

/// <summary>
/// Control characters: refused in the entry form (beside the field) and the administration forms (400, nothing
/// saved); a value that got into the database some other way never leaves through the open data CSV or JSON.
/// </summary>
public class ControlCharacterTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EntryForm_ValueOrNarrativeWithAControlCharacter_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await EntryTests.OpenCycleAndIndicatorAsync(app, "ワンストップサービス利用率");
        var client = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";

        using var refused = await client.PostFormAsync(url, new()
        {
            ["Form.Actual"] = "62.10%\u001B",
            ["Form.Projection"] = "63.00%",
            ["Form.Status"] = "利用を促した。\u0007",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("実績値に制御文字 U+001B が含まれています（7文字目）", summary, StringComparison.Ordinal);
        Assert.Contains("取組状況に制御文字 U+0007 が含まれています", summary, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Form_Status")!.GetAttribute("aria-invalid"));

        // A NUL is refused before the form reaches the page (400, the error page), never a 500.
        using (var nul = await client.PostFormAsync(url, new() { ["Form.Actual"] = "62.10%", ["Form.Status"] = "利用を促した。\0" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        }

        await using var scope = app.Scope(out var db);
        var report = await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
        Assert.Equal(("", ""), (report.Actual.Text, report.Status));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AdminIndicatorForm_NameWithAControlCharacter_IsRefused_AndNothingIsSaved(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = await db.Indicators.Where(i => i.Name == "年間用紙使用量").Select(i => i.Id).SingleAsync();
        }

        var admin = await app.SignedInClientAsync("dx-admin");
        using var response = await admin.PostFormAsync($"/admin/indicators/{id}", new() { ["Form.Name"] = "年間用紙使用量\u0085", ["Form.Unit"] = "千枚" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using (var scope = app.Scope(out var db))
        {
            var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal(("年間用紙使用量", null), (indicator.Name, indicator.Unit));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OpenData_NeverEmitsAControlCharacter_StoredBeforeTheRule(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:VersionCheckMilliseconds"] = "0" });
        int id;
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.Include(r => r.Indicator).FirstAsync(r => r.FiscalYear == new FiscalYear(2020));
            id = report.IndicatorId;
            report.Status = "電子申請を\u0001進めた\u001B[2J"; // PostgreSQL cannot store a NUL at all
            report.Plan = "\u0002=HYPERLINK(\"http://example.com\")";
            report.Indicator!.Name += "\u0085";
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient();
        foreach (var url in new[] { "/api/v1/values.csv", "/api/v1/indicators.csv" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.True(ControlCharacters.IndexOf(text) < 0, $"{url} holds a control character");
        }

        var values = OpenDataCsvTests.Parse(await client.GetByteArrayAsync(new Uri("/api/v1/values.csv", UriKind.Relative)));
        Assert.Contains(values, row => row.Contains("電子申請を進めた[2J"));
        Assert.Contains(values, row => row.Contains("'=HYPERLINK(\"http://example.com\")"));

        using var json = await client.GetAsync(new Uri($"/api/v1/indicators/{id}", UriKind.Relative));
        var body = await json.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\\u0000", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u001b", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0085", body, StringComparison.OrdinalIgnoreCase);
        Assert.True(ControlCharacters.IndexOf(body) < 0);
        Assert.Contains("電子申請を進めた[2J", body, StringComparison.Ordinal);
    }
}
