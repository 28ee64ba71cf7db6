using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// The pages added for residents (評価の見方 in Japanese and English, the accessibility policy, the privacy notice) and
/// the DX office's page of the organisation's identity: no axe violations, no sideways scrolling at 360 and 1280 px,
/// screenshots; a mark in a table takes the reader to its explanation; the search offers its list as CSV.
/// </summary>
[Collection(SiteDefinition.Name)]
public sealed class ResidentPagesTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData("/help/marks", "help-marks", 360)]
    [InlineData("/help/marks", "help-marks", 1280)]
    [InlineData("/en/help/marks", "help-marks-en", 360)]
    [InlineData("/en/help/marks", "help-marks-en", 1280)]
    [InlineData("/accessibility", "accessibility", 360)]
    [InlineData("/accessibility", "accessibility", 1280)]
    [InlineData("/privacy", "privacy", 360)]
    [InlineData("/privacy", "privacy", 1280)]
    public async Task PublicPage_HasNoViolations_AndFits(string path, string name, int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync(width);
        await using var _ = context;
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await AssertFitsAndPassesAxeAsync(page, $"{path} at {width} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotDir, $"{name}-{width}.png"), FullPage = true });
    }

    [SkippableTheory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task OrganizationPages_HaveNoViolations_AndFit(int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync(width);
        await using var _ = context;
        await StaffTests.SignInAsync(page, "dx-admin");
        await page.GotoAsync("/admin/organizations");
        await AssertFitsAndPassesAxeAsync(page, $"/admin/organizations at {width} px");
        await page.GetByRole(AriaRole.Link, new() { Name = "千葉県" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("電話番号")).ToHaveValueAsync("043-000-0000");
        await AssertFitsAndPassesAxeAsync(page, $"/admin/organizations/120006 at {width} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotDir, $"admin-organization-{width}.png"), FullPage = true });

        // A mistake is announced and refused beside its field.
        await page.GetByLabel("メールアドレス").FillAsync("dx at example");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^エラー"));
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("メールアドレス");
        await AssertFitsAndPassesAxeAsync(page, $"/admin/organizations/120006 with an error at {width} px");
    }

    [SkippableFact]
    public async Task MarkInTheSearchTable_LeadsToItsExplanation_AndTheListComesAsCsv()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync(360);
        await using var _ = context;
        // 令和2年度 named: other tests of the site publish later years with few reports.
        await page.GotoAsync("/indicators?plan=chiba-ict&fy=2020&rating=below-half");
        var table = page.Locator("table.kpi-table");
        await Assertions.Expect(table.Locator("td[data-label='基準値']").First).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("td[data-label='前年度の値']").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "この一覧をCSVでダウンロード" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);

        await table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("△ 50%未満進捗.*評価の見方") }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/help/marks#rating$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("評価の見方");
    }

    private static async Task AssertFitsAndPassesAxeAsync(IPage page, string what)
    {
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(size[0] <= size[1] + 1, $"{what} scrolls sideways: scrollWidth {size[0]} > clientWidth {size[1]}");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, AccessibilityTests.Describe(what, result.Violations));
    }
}
