using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Values;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reports;
using static Shinchoku.Web.Tests.Reports.ReportsTestKit;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>`export …` of the demo report, and the round trip: what is exported imports back with every row agreeing.</summary>
[Collection(DemoAppsGroup.Name)]
public class ExportCommandTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider, string> ProvidersAndFormats => new()
    {
        { DatabaseProvider.Sqlite, "xlsx" },
        { DatabaseProvider.Sqlite, "csv" },
        { DatabaseProvider.PostgreSql, "xlsx" },
    };

    [SkippableTheory]
    [MemberData(nameof(ProvidersAndFormats))]
    public async Task Export_ThenCheck_EveryRowAgrees_WithNoErrorTheDatabaseDidNotHave(DatabaseProvider provider, string format)
    {
        var app = apps.For(provider);
        using var file = new TempFile("r2." + format);

        var export = await RunAsync(app, "export", "--plan", "chiba-ict", "--fiscal-year", "令和2年度", "--format", format, "--out", file.Path);
        Assert.True(export.Exit == CommandLine.Ok, export.Error);
        Assert.Contains("42行", export.Output, StringComparison.Ordinal);

        var check = await RunAsync(app, "import", file.Path, "--check", "--json");
        Assert.True(check.Exit == CommandLine.Ok, check.Output + check.Error);
        var json = check.Json();
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(42, rows.Count);
        Assert.All(rows, r => Assert.True(r.GetProperty("consistency").GetString() == "agrees",
            $"{r.GetProperty("indicator").GetString()}: {r.GetProperty("consistencyReason").GetString()}"));

        // Errors only where the database's own texts do not parse (none in the demo data).
        await using var scope = app.Scope(out var db);
        var reports = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2020)).Include(r => r.Indicator!).ThenInclude(i => i.Targets).ToListAsync();
        var texts = reports.SelectMany(r => new[] { r.Actual.Text, r.Projection.Text, r.Indicator!.Baseline.Text }.Concat(r.Indicator.Targets.Select(t => t.Value.Text)));
        var storedErrors = texts.Count(t => !KpiValue.Parse(t).Success);
        Assert.Equal(storedErrors, json.GetProperty("errors").GetInt32());

        // And the plan matched: importing it into the plan it came from changes nothing.
        var matched = await RunAsync(app, "import", file.Path, "--check", "--plan", "chiba-ict", "--json");
        Assert.Equal(42, matched.Json().GetProperty("summary").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Export_WithoutPlan_UsesThePlanThatHasReportsForTheYear()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        using var file = new TempFile("r2.csv");
        var run = await RunAsync(app, "export", "--fiscal-year", "2020", "--out", file.Path);
        Assert.True(run.Exit == CommandLine.Ok, run.Error);
        var bytes = await File.ReadAllBytesAsync(file.Path);
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFF資料,大項目,中項目,小項目,取組名,成果指標,基準値（令和元年度）,令和2年度実績値", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "export", "--fiscal-year", "2020" }, "--out")]
    [InlineData(new[] { "export", "--plan", "nothing", "--fiscal-year", "2020", "--out", "/tmp/x.xlsx" }, "計画「nothing」はありません")]
    [InlineData(new[] { "export", "--fiscal-year", "1999", "--out", "/tmp/x.xlsx" }, "平成11年度の進捗状況がある計画はありません")]
    [InlineData(new[] { "import", "/nonexistent/r2.xlsx", "--check" }, "見つかりません")]
    [InlineData(new[] { "import", "r2.xlsx" }, "--plan")]
    [InlineData(new[] { "import", "r2.xlsx", "--check", "--fiscal-year", "来年" }, "年度として読み取れません")]
    [InlineData(new[] { "export", "--fiscal-year", "2020", "--format", "docx", "--out", "x" }, "対応していません")]
    public async Task BadArguments_ExitWithTwo_AndSayWhy(string[] args, string expected)
    {
        var run = await RunAsync(apps.For(DatabaseProvider.Sqlite), args);
        Assert.Equal(CommandLine.Unreadable, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_IsThePureOutput_EvenForARefusedFile()
    {
        using var file = new TempFile("photo.xlsx", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);
        var run = await RunAsync(apps.For(DatabaseProvider.Sqlite), "import", file.Path, "--check", "--json");
        Assert.Equal(CommandLine.Unreadable, run.Exit);
        var json = run.Json();
        Assert.Contains("PNG 画像", json.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.GetProperty("errors").GetInt32());
    }

    [SkippableFact]
    public async Task Pdf_IsChromiumsPrintOfTheView()
    {
        var chromium = Environment.GetEnvironmentVariable("SHINCHOKU_TEST_CHROMIUM");
        Skip.If(string.IsNullOrEmpty(chromium), "PDF のテストは Chromium で実行します（SHINCHOKU_TEST_CHROMIUM が未設定）。");
        Environment.SetEnvironmentVariable("SHINCHOKU_CHROMIUM", chromium);
        using var file = new TempFile("r2.pdf");
        var run = await RunAsync(apps.For(DatabaseProvider.Sqlite), "export", "--plan", "chiba-ict", "--fiscal-year", "2020", "--out", file.Path);
        Assert.True(run.Exit == CommandLine.Ok, run.Error);
        var bytes = await File.ReadAllBytesAsync(file.Path);
        Assert.True(bytes.AsSpan().StartsWith("%PDF"u8));
        Assert.True(bytes.Length > 10_000);
    }
}

/// <summary>The print view and downloads follow publication; the import page is the DX office's.</summary>
[Collection(DemoAppsGroup.Name)]
public class ReportPageTests(DemoApps apps)
{
    [Fact]
    public async Task PrintView_OfAPublishedReport_IsPublic()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        var page = await Html.GetAsync(client, "/reports/chiba-ict/2020");
        Assert.Equal("資料４－１　波及効果の高いプロジェクト", page.QuerySelectorAll("h2")[0].TextContent);
        Assert.Equal("資料４－２　個別施策", page.QuerySelectorAll("h2")[1].TextContent);
        Assert.Equal(42, page.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("@page { size: A3 landscape", page.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        var headers = page.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        Assert.Contains("基準値\n（令和元年度）", headers);
        Assert.Contains(headers, h => h.StartsWith("進捗率\n◎100%以上", StringComparison.Ordinal));

        foreach (var (format, type) in new[] { ("xlsx", "spreadsheetml"), ("csv", "text/csv") })
        {
            using var response = await client.GetAsync(new Uri($"/reports/chiba-ict/2020/{format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(type, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.Equal($"chiba-ict_令和2年度_資料4.{format}", response.Content.Headers.ContentDisposition!.FileNameStar);
        }
    }

    [Theory]
    [InlineData("/reports/chiba-ict/1867")]
    [InlineData("/reports/chiba-ict/9999")]
    [InlineData("/reports/chiba-ict/0/xlsx")]
    [InlineData("/reports/chiba-ict/2147483647/csv")]
    public async Task PrintView_OfAYearOutOfRange_IsNotFound(string url)
    {
        using var response = await apps.For(DatabaseProvider.Sqlite).CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("1867")]
    [InlineData("令和")]
    public async Task Search_WithAYearOutOfRange_ShowsTheLatestPublishedYear(string fy)
    {
        var page = await Html.GetAsync(apps.For(DatabaseProvider.Sqlite).CreateClient(), "/indicators?fy=" + Uri.EscapeDataString(fy));
        Assert.Contains("（令和2年度の公表値）", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverridePage_OfAYearOutOfRange_IsNotFound()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var admin = await app.SignedInClientAsync("dx-admin");
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2020)).Select(r => r.IndicatorId).FirstAsync();
        }

        using (var ok = await admin.GetAsync(new Uri($"/admin/indicators/{id}/overrides/2020", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var outOfRange = await admin.GetAsync(new Uri($"/admin/indicators/{id}/overrides/9999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, outOfRange.StatusCode);
    }

    [Fact]
    public async Task PrintView_OfAnUnpublishedCycle_IsForStaffOnly()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        using (var anonymous = await app.CreateClient().GetAsync(new Uri("/reports/chiba-ict/2021", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        using (var download = await app.CreateClient().GetAsync(new Uri("/reports/chiba-ict/2021/xlsx", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        var viewer = await app.SignedInClientAsync("viewer");
        var page = await Html.GetAsync(viewer, "/reports/chiba-ict/2021");
        Assert.Equal("令和3年度 進捗状況", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(42, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task ImportPage_IsTheDxOfficesOnly()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        using (var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/reports/import", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        foreach (var user in new[] { "viewer", "zeimu", "expert" })
        {
            var client = await app.SignedInClientAsync(user);
            using var response = await client.GetAsync(new Uri("/reports/import", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
