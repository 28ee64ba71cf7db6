using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// A department's journeys in a browser: sign-in lands on the to-do list (each role its own); last year's report, 前へ/次へ
/// and 「前年度から写す」 on the entry page; the entry sheet downloaded, edited as a person would, uploaded, previewed
/// and committed. Axe at 360 and 1280 px on each new page.
/// </summary>
public sealed partial class StaffTests
{
    [SkippableTheory]
    [InlineData("zeimu", "入力・提出する報告", "todo-editor")]
    [InlineData("dx-admin", "確認を待っている報告", "todo-office")]
    [InlineData("expert", "回答する質問", "todo-expert")]
    public async Task SignIn_LandsOnTheRolesTodoList(string user, string section, string screenshot)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, user);

        Assert.EndsWith("/todo", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("やること");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new(section) })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "やること" })).ToBeVisibleAsync();
        await AssertNoViolationsAtBothWidthsAsync(page, $"/todo as {user}");
        await ScreenshotAsync(page, screenshot);

        // Every item links to where it is done.
        var first = page.Locator("main .todo-list a").First;
        if (await first.CountAsync() > 0)
        {
            var response = await page.GotoAsync((await first.GetAttributeAsync("href"))!);
            Assert.Equal(200, response!.Status);
        }
    }

    [SkippableFact]
    public async Task Editor_SeesLastYear_StepsToTheNextKpi_AndCopiesLastYearsNarratives()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "dx-admin");
        await page.GotoAsync("/entry");
        // The demo cycle (another test opens 令和4年度 beside it).
        await page.Locator("section.entry-cycle", new() { HasText = "令和3年度" }).GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).ClickAsync();

        await Assertions.Expect(page.Locator("#last-year")).ToContainTextAsync("前年度（令和2年度）の報告");
        await Assertions.Expect(page.Locator("#targets")).ToContainTextAsync("最終目標");
        await AssertNoViolationsAtBothWidthsAsync(page, "entry page with last year");
        await ScreenshotAsync(page, "entry-last-year");

        await page.GetByLabel("見込値の算出根拠", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "前年度から写す" }).ClickAsync();
        await Assertions.Expect(page.Locator("#copied")).ToContainTextAsync("まだ保存していません");
        await Assertions.Expect(page.GetByLabel("見込値の算出根拠", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("令和2年11月時点"));

        var current = page.Url;
        await page.Locator("a[data-pager=next]").ClickAsync();
        Assert.NotEqual(current, page.Url);
        await Assertions.Expect(page.Locator("a[data-pager=prev]")).ToBeVisibleAsync();

        var parts = new Uri(current).AbsolutePath.Split('/');
        await page.GotoAsync($"/admin/cycles/{parts[2]}/reports/{parts[3]}");
        await Assertions.Expect(page.Locator("#last-year")).ToContainTextAsync("前年度（令和2年度）の報告");
        await AssertNoViolationsAtBothWidthsAsync(page, "review page with last year");
        await ScreenshotAsync(page, "review-last-year");
    }

    [SkippableFact]
    public async Task Editor_DownloadsTheEntrySheet_EditsIt_AndUploadsItBack_ThroughThePreview()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "zeimu");
        await page.GotoAsync("/entry");
        await AssertNoViolationsAtBothWidthsAsync(page, "/entry with the entry sheet");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "入力用シートをダウンロード（.xlsx）" }).ClickAsync());
        // Kept under the name the browser offered, as a person would, so that the preview can be checked to name it.
        var folder = Directory.CreateTempSubdirectory("shinchoku-entry-sheet-");
        var path = Path.Combine(folder.FullName, download.SuggestedFilename);
        Assert.StartsWith("入力用シート_令和3年度_", download.SuggestedFilename, StringComparison.Ordinal);
        await download.SaveAsAsync(path);
        try
        {
            using (var document = SpreadsheetDocument.Open(path, true))
            {
                var part = document.WorkbookPart!.WorksheetParts.Single();
                var header = part.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
                var statusColumn = new string(header.Single(c => c.InnerText.EndsWith("の取組状況", StringComparison.Ordinal)).CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                // The first report the department may still change: its cells to fill in are the unlocked (pale blue) ones.
                var unlocked = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
                var cell = part.Worksheet.Descendants<Row>().Skip(2)
                    .Select(r => r.Elements<Cell>().Single(c => c.CellReference!.Value == statusColumn + r.RowIndex!.Value))
                    .First(c => unlocked[(int)(c.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false);
                cell.RemoveAllChildren();
                cell.DataType = CellValues.InlineString;
                cell.Append(new InlineString(new Text("入力用シートで入力した取組状況。")));
                part.Worksheet.Save();
            }

            await page.GetByLabel("入力したシート").SetInputFilesAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = "内容を確認する（まだ保存しません）" }).ClickAsync();
            await Assertions.Expect(page.Locator("main dl.facts")).ToContainTextAsync("更新 1件");
            await Assertions.Expect(page.Locator("#preview-heading")).ToHaveTextAsync($"確認結果: {download.SuggestedFilename}");
            await AssertNoViolationsAtBothWidthsAsync(page, "entry sheet preview");
            await ScreenshotAsync(page, "entry-sheet-preview");

            await page.GetByRole(AriaRole.Button, new() { NameRegex = new("この内容で取り込む") }).ClickAsync();
            await Assertions.Expect(page.Locator("#sheet-committed")).ToContainTextAsync("更新 1件");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task AssertNoViolationsAtBothWidthsAsync(IPage page, string what)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await AssertNoViolationsAsync(page, $"{what} at {width} px");
        }
    }
}
