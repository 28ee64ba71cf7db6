using Shinchoku.Core.Time;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Reporting.Entry;

/// <summary>
/// A department's Excel round trip: the entry sheet holds only its requested KPIs, locked where it may not change them;
/// edited with the OpenXML SDK and uploaded, it goes through the import's preview and all-or-nothing commit, refusing rows
/// of other departments' KPIs, of reports it may not change, and of reports changed since the sheet was made.
/// </summary>
public class EntrySheetTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string ZeimuIndicator = "ワンストップサービス利用率";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Sheet_HoldsOnlyTheDepartmentsKpis_WithLastYearAndTargets_LockedWhereItMayNotChange(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (own, submitted, _) = await SetUpAsync(app);
        var client = await app.SignedInClientAsync("zeimu");

        using var response = await client.GetAsync(new Uri("/entry/sheet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var rows = Rows(part);
        Assert.Equal(own.Values.Order(StringComparer.Ordinal), rows.Skip(2).Select(r => r["C"]).Order(StringComparer.Ordinal));
        var zeimu = rows.Single(r => r.GetValueOrDefault("C") is { } c && c.StartsWith(ZeimuIndicator, StringComparison.Ordinal));
        Assert.Contains("61.02", zeimu["G"], StringComparison.Ordinal);
        Assert.Equal("60.00%", zeimu["E"]);
        Assert.Contains("最終目標: 60.00%（令和", zeimu["F"], StringComparison.Ordinal);
        Assert.Equal("令和3年度実績値", rows[1]["H"]);

        // Protected: only the cells to fill in are unlocked, and not those of a submitted report.
        Assert.NotNull(part.Worksheet.GetFirstChild<SheetProtection>());
        Assert.True(Unlocked(document, part, $"H{zeimu["#"]}"));
        Assert.False(Unlocked(document, part, $"C{zeimu["#"]}"));
        var submittedRow = rows.Single(r => r.GetValueOrDefault("C") == own[submitted]);
        Assert.False(Unlocked(document, part, $"H{submittedRow["#"]}"));
        Assert.Contains(part.Worksheet.Descendants<DataValidation>(), v => v.PromptTitle == "実績値");

        var admin = await app.SignedInClientAsync("dx-admin");
        var office = await Html.GetAsync(admin, "/entry/sheet");
        Assert.Contains("/reports/import", office.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(office.QuerySelector("#entry-sheet"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EditedSheet_IsPreviewed_ThenCommitted_Audited_AsTheEntryFormWould(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (own, _, _) = await SetUpAsync(app);
        var indicatorId = own.Single(o => o.Value.StartsWith(ZeimuIndicator, StringComparison.Ordinal)).Key;
        var client = await app.SignedInClientAsync("zeimu");
        var bytes = await client.GetByteArrayAsync(new Uri("/entry/sheet", UriKind.Relative));

        // A target is the DX office's: a sheet that changes one is refused, row by row.
        using (var target = await UploadAsync(client, Edit(bytes, own[indicatorId], new() { ["E"] = "99%", ["K"] = "目標も変えた。" })))
        {
            var refused = await Html.ParseAsync(await target.Content.ReadAsStringAsync());
            Assert.Contains("最終目標「99%」は入力用シートでは変更できません", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Null(refused.QuerySelector("form.commit-form"));
        }

        var edited = Edit(bytes, own[indicatorId], new() { ["H"] = "62.10%（令和3年12月末現在）", ["I"] = "63.00%", ["K"] = "関係団体に利用を促した。" });
        using var preview = await UploadAsync(client, edited);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await Html.ParseAsync(await preview.Content.ReadAsStringAsync());
        Assert.Contains("更新 1件", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("エラー 0件、注意 0件", page.QuerySelector("dl.facts")!.TextContent.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await using (var scope = app.Scope(out var db))
        {
            Assert.Equal("", (await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021))).Actual.Text);
        }

        var commit = page.QuerySelector("form.commit-form")!;
        Assert.Equal("/entry/sheet?handler=Commit", commit.GetAttribute("action"));
        using (var content = new FormUrlEncodedContent(Browsing.FormValues(commit)))
        using (var committed = await client.PostAsync(new Uri(commit.GetAttribute("action")!, UriKind.Relative), content))
        {
            var done = await Html.ParseAsync(await committed.Content.ReadAsStringAsync());
            Assert.Contains("取り込みました", done.QuerySelector("#sheet-committed")!.TextContent, StringComparison.Ordinal);
        }

        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(("62.10%（令和3年12月末現在）", "63.00%", "関係団体に利用を促した。", ReportState.InProgress), (report.Actual.Text, report.Projection.Text, report.Status, report.State));
            var audited = await db.AuditEntries.Where(a => a.Entity == nameof(IndicatorReport) && a.EntityId == report.Id).Select(a => a.Field).ToListAsync();
            Assert.Contains(nameof(IndicatorReport.Status), audited);
            Assert.Contains(audited, f => f.StartsWith(nameof(IndicatorReport.Actual), StringComparison.Ordinal));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Sheet_RefusesAnotherDepartmentsKpi_ASubmittedReport_AndAReportChangedSinceDownload_RowByRow_SavingNothing(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (own, submitted, others) = await SetUpAsync(app);
        var indicatorId = own.Single(o => o.Value.StartsWith(ZeimuIndicator, StringComparison.Ordinal)).Key;
        var changedLater = own.Keys.First(id => id != indicatorId && id != submitted);
        var client = await app.SignedInClientAsync("zeimu");
        var bytes = await client.GetByteArrayAsync(new Uri("/entry/sheet", UriKind.Relative));

        // After the download, someone saves one of the reports through the entry form.
        var cycleId = (await EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator)).CycleId;
        using (var saved = await client.PostFormAsync($"/entry/{cycleId}/{changedLater}", new() { ["Form.Status"] = "フォームから入力した。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edited = Edit(bytes, own[indicatorId], new() { ["K"] = "正しい行。" });
        edited = Edit(edited, own[submitted], new() { ["K"] = "提出済みを書き換える。" });
        edited = Edit(edited, own[changedLater], new() { ["K"] = "シートから上書きする。" });
        edited = Edit(edited, own[indicatorId], new() { ["C"] = others.Name }, row: 1);

        using var preview = await UploadAsync(client, edited);
        var page = await Html.ParseAsync(await preview.Content.ReadAsStringAsync());
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains($"成果指標「{others.Name}」は、税務課に令和3年度の入力を依頼された成果指標ではないため、取り込めません。", text, StringComparison.Ordinal);
        Assert.Contains("提出済です", text.Replace("提出済み", "提出済", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("シートをダウンロードした後にほかの方が変更しました", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.commit-form"));
        Assert.StartsWith("エラー", page.Title, StringComparison.Ordinal);

        await using var scope = app.Scope(out var db);
        var reports = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2021) && (own.Keys.Contains(r.IndicatorId) || r.IndicatorId == others.Id)).ToListAsync();
        Assert.DoesNotContain(reports, r => r.Status is "正しい行。" or "提出済みを書き換える。" or "シートから上書きする。");
        Assert.Equal("フォームから入力した。", reports.Single(r => r.IndicatorId == changedLater).Status);
    }

    /// <summary>税務課 gets two more requested KPIs, one of them submitted; returns its KPIs (id → name), the submitted one, and another department's KPI.</summary>
    private static async Task<(Dictionary<int, string> Own, int Submitted, (int Id, string Name) Others)> SetUpAsync(TestApp app)
    {
        await using var scope = app.Scope(out var db);
        var zeimu = await db.Departments.SingleAsync(d => d.Name == "税務課");
        var added = await db.Indicators.Include(i => i.Departments)
            .Where(i => !i.Departments.Any() && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021)))
            .OrderBy(i => i.Order).Take(2).ToListAsync();
        foreach (var indicator in added)
        {
            indicator.Departments.Add(zeimu);
        }

        var submitted = added[1].Id;
        (await db.IndicatorReports.SingleAsync(r => r.IndicatorId == submitted && r.FiscalYear == new FiscalYear(2021))).State = ReportState.Submitted;
        await db.SaveChangesAsync();
        var own = await db.Indicators.Where(i => i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021))).ToDictionaryAsync(i => i.Id, i => i.Name);
        var other = await db.Indicators.Where(i => i.Departments.Any() && !i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == new FiscalYear(2021)))
            .OrderByDescending(i => i.Order).Select(i => new { i.Id, i.Name }).FirstAsync();
        return (own, submitted, (other.Id, other.Name));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        var entry = await Html.GetAsync(client, "/entry");
        var form = entry.QuerySelector("#entry-sheet form")!;
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", "入力用シート.xlsx" },
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    /// <summary>Every row's cells by column letter (and "#" for the row number), as text.</summary>
    private static List<Dictionary<string, string>> Rows(WorksheetPart part) =>
        part.Worksheet.Descendants<Row>().Select(row =>
        {
            var cells = row.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), c => c.InnerText);
            cells["#"] = row.RowIndex!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return cells;
        }).ToList();

    private static bool Unlocked(SpreadsheetDocument document, WorksheetPart part, string reference)
    {
        var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        var format = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return format.Protection?.Locked?.Value == false;
    }

    /// <summary>
    /// Sets cells of the row of <paramref name="indicator"/> (by column letter), as a person typing in Excel would; with
    /// <paramref name="row"/> = 1, of a copy of that row added below the last.
    /// </summary>
    private static byte[] Edit(byte[] bytes, string indicator, Dictionary<string, string> values, int row = 0)
    {
        var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!.WorksheetParts.Single();
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            var target = data.Elements<Row>().Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('C') && c.InnerText == indicator));
            if (row == 1)
            {
                var copy = (Row)target.CloneNode(true);
                var number = data.Elements<Row>().Max(r => r.RowIndex!.Value) + 1;
                copy.RowIndex = number;
                foreach (var cell in copy.Elements<Cell>())
                {
                    cell.CellReference = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()) + number;
                }

                data.Append(copy);
                target = copy;
            }

            foreach (var (column, value) in values)
            {
                var cell = target.Elements<Cell>().Single(c => c.CellReference!.Value == column + target.RowIndex!.Value);
                cell.RemoveAllChildren();
                cell.DataType = CellValues.InlineString;
                cell.Append(new InlineString(new Text(value)));
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }
}
