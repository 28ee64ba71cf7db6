using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// A department editor's projection help and grid in a browser: the marks follow what is typed (the script's preview),
/// the projection offers follow the actual, one is used and saved with its method; then まとめて入力 saves several KPIs
/// at once. Axe at 360 and 1280 px on the changed entry page and the new grid page.
/// </summary>
public sealed partial class StaffTests
{
    [SkippableFact]
    public async Task Editor_SeesTheMarksAsTheyType_UsesAProjectionOffer_AndEntersValuesInTheGrid()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "zeimu");
        await page.GotoAsync("/entry");
        await page.Locator("section.entry-cycle", new() { HasText = "令和3年度" }).GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).ClickAsync();

        // The deferred script listens from DOMContentLoaded on; typing before that would be typing without script.
        await page.WaitForLoadStateAsync(LoadState.Load);

        // Typing the actual: the marks and the offers follow without saving, and the new marks are announced.
        await page.GetByLabel("実績値", new() { Exact = true }).FillAsync("62.10%（令和3年12月末現在）");
        await page.GetByLabel("年度末見込値", new() { Exact = true }).FillAsync("");
        await Assertions.Expect(page.Locator("#marks-heading")).ToContainTextAsync("まだ保存していません", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#marks-status")).ToContainTextAsync("入力中の値では、進捗 (↗)、進捗率 ◎");
        await Assertions.Expect(page.Locator("#projection-offers tr[data-offer=Unchanged]")).ToContainTextAsync("62.10%");
        await AssertNoViolationsAtBothWidthsAsync(page, "entry page with projection offers");
        await ScreenshotAsync(page, "entry-projection-offers");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^据え置きの見込値（62.10%）を使う") }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("年度末見込値", new() { Exact = true })).ToHaveValueAsync("62.10%");
        await Assertions.Expect(page.GetByLabel("見込値の算出根拠", new() { Exact = true })).ToHaveValueAsync("令和3年12月末現在の実績値を据え置き（年度末まで増減しない見込み）");
        await Assertions.Expect(page.Locator("#projection-method")).ToContainTextAsync("据え置き");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("保存しました。");
        await Assertions.Expect(page.Locator("#projection-method")).ToContainTextAsync("据え置き");

        // まとめて入力: the same KPI with the others of the department, saved all at once.
        await page.GotoAsync("/entry");
        await page.Locator("section.entry-cycle", new() { HasText = "令和3年度" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^実績値・見込値をまとめて入力する") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("まとめて入力");
        var row = page.Locator("fieldset.grid-row", new() { Has = page.Locator("legend", new() { HasTextRegex = OneStop() }) });
        await Assertions.Expect(row.GetByLabel("実績値", new() { Exact = true })).ToHaveValueAsync("62.10%（令和3年12月末現在）");
        await row.GetByLabel("年度末見込値", new() { Exact = true }).FillAsync("63.00%");
        await row.GetByLabel("見込値の算出根拠", new() { Exact = true }).FillAsync("説明会の効果を見込んだ。");
        await AssertNoViolationsAtBothWidthsAsync(page, "grid page");
        await ScreenshotAsync(page, "entry-grid");
        await page.GetByRole(AriaRole.Button, new() { Name = "すべて保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#grid-saved")).ToContainTextAsync("1件の成果指標を保存しました");
        await Assertions.Expect(row.GetByLabel("年度末見込値", new() { Exact = true })).ToHaveValueAsync("63.00%");
        // Changed by hand, the projection is the department's own: 独自.
        await Assertions.Expect(row.Locator(".grid-row-meta")).ToContainTextAsync("算出方法: 独自");

        // A value that does not read: nothing saved, the message on the row, announced in the summary.
        await row.GetByLabel("実績値", new() { Exact = true }).FillAsync("延15,3728件");
        await page.GetByRole(AriaRole.Button, new() { Name = "すべて保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("桁区切り");
        await Assertions.Expect(row.GetByLabel("実績値", new() { Exact = true })).ToHaveValueAsync("延15,3728件");
        await AssertNoViolationsAtBothWidthsAsync(page, "grid page with an error");
        await ScreenshotAsync(page, "entry-grid-error");
    }
}
