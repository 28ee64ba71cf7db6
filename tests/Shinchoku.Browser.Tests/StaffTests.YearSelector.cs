using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// A year published with nothing approved no longer hides the earlier year: a resident chooses 令和2年度 in the year
/// selector and keeps it while following links. Errors take focus; the print view's landmarks are unique.
/// </summary>
public sealed partial class StaffTests
{
    [SkippableFact]
    public async Task EmptyYearPublished_AResidentChoosesTheEarlierYear_AndKeepsItAcrossPages()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (adminContext, admin) = await site.NewPageAsync();
        await using var a = adminContext;
        await SignInAsync(admin, "dx-admin");

        // The DX office opens 令和5年度 of the ICT strategy and publishes it before anything is approved.
        await admin.GotoAsync("/admin/cycles");
        await admin.GetByLabel("戦略・計画", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = await IndexOfPlanAsync(admin, "千葉県ICT戦略（前戦略）") });
        await admin.GetByRole(AriaRole.Button, new() { Name = "成果指標を表示する" }).ClickAsync();
        await admin.Locator("#fiscalYear").FillAsync("令和5年度");
        await admin.GetByLabel("提出期限").FillAsync("2024-05-31");
        await admin.GetByRole(AriaRole.Button, new() { Name = "作成して報告を依頼する" }).ClickAsync();
        await StepAsync(admin, "令和5年度を確認中にする", "令和5年度を確認中にする");
        await admin.Locator("tbody tr", new() { HasText = "令和5年度 進捗状況" }).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^令和5年度を公表する") }).ClickAsync();
        var confirmation = admin.Locator("#state-confirmation");
        await Assertions.Expect(confirmation).ToContainTextAsync("公表すると、公開ページは令和5年度の表示に切り替わります。承認済みの報告は42件中0件です。残りの42件は「この年度の報告なし」と表示されます。");
        await AssertNoViolationsAsync(admin, "/admin/cycles (publication warning)");
        await ScreenshotAsync(admin, "cycle-publish-confirmation");
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "承認済み0件を公表する" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("公表しました");

        try
        {
            foreach (var width in new[] { 1280, 360 })
            {
                var (visitorContext, visitor) = await site.NewPageAsync(width);
                await using var v = visitorContext;
                var area = await site.PathOfAsync(SitePage.Area);
                await visitor.GotoAsync(area);
                var fy = visitor.GetByRole(AriaRole.Combobox, new() { Name = "表示する年度" });
                await Assertions.Expect(fy).ToHaveValueAsync("2023");
                // Every KPI of the area counted as without a report (the area holds some of the plan's 42).
                await Assertions.Expect(visitor.Locator(".no-report").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"この年度の報告なし [1-9]\d*件"));
                await Assertions.Expect(visitor.Locator(".not-rated")).ToHaveCountAsync(0);
                await Assertions.Expect(visitor.Locator("table.kpi-table tbody tr").First).ToContainTextAsync("最新の公表: 令和2年度");
                await AssertNoViolationsAsync(visitor, $"{area} at {width} px (no report in the year shown)");

                // 令和2年度 again, by the selector (a plain GET form), kept when following a KPI link.
                await fy.SelectOptionAsync("2020");
                await visitor.GetByRole(AriaRole.Button, new() { Name = "この年度を表示する" }).ClickAsync();
                await Assertions.Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("fy=2020"));
                await Assertions.Expect(visitor.Locator(".no-report")).ToHaveCountAsync(0);
                await AssertNoViolationsAsync(visitor, $"{area}?fy=2020 at {width} px");
                if (width == 1280)
                {
                    await ScreenshotAsync(visitor, "area-year-selector");
                }

                await visitor.Locator("table.kpi-table tbody th a").First.ClickAsync();
                await Assertions.Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/indicators/\d+\?fy=2020"));
                await Assertions.Expect(visitor.GetByRole(AriaRole.Combobox, new() { Name = "表示する年度" })).ToHaveValueAsync("2020");
                await Assertions.Expect(visitor.Locator("#summary-title")).ToContainTextAsync("令和2年度の公表値");
                await AssertNoViolationsAsync(visitor, $"{visitor.Url} at {width} px");

                // The latest year on the same KPI page says there is no report, with the latest published year beside it.
                await visitor.GetByRole(AriaRole.Combobox, new() { Name = "表示する年度" }).SelectOptionAsync("2023");
                await visitor.GetByRole(AriaRole.Button, new() { Name = "この年度を表示する" }).ClickAsync();
                await Assertions.Expect(visitor.Locator(".summary .no-report")).ToContainTextAsync("最新の公表は令和2年度");
                await AssertNoViolationsAsync(visitor, $"{visitor.Url} at {width} px (no report)");
                if (width == 1280)
                {
                    await ScreenshotAsync(visitor, "indicator-no-report");
                }
            }
        }
        finally
        {
            // Withdrawn again, so that the other tests see 令和2年度 as the latest published year.
            await admin.GotoAsync("/admin/cycles");
            await admin.Locator("tbody tr", new() { HasText = "令和5年度 進捗状況" }).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^令和5年度の公表を取り消す") }).ClickAsync();
            await admin.Locator("#state-confirmation").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^令和5年度の公表を取り消す") }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("公表を取り消し");
        }
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task AFormWithErrors_FocusesItsSummary_AndSaysErrorInTheTitle(int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync(width);
        await using var _ = context;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザー名").FillAsync("dx-admin");
        await page.GetByLabel("パスワード").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^エラー：ログイン"));
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await AssertNoViolationsAsync(page, $"login with an error at {width} px");

        await SignInAsync(page, "dx-admin");
        await page.GotoAsync("/admin/cycles");
        await page.Locator("#fiscalYear").FillAsync("来年度");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成して報告を依頼する" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^エラー：進捗状況の報告"));
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await AssertNoViolationsAsync(page, $"/admin/cycles with errors at {width} px");
        if (width == 1280)
        {
            await ScreenshotAsync(page, "cycles-error-summary");
        }
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task PrintView_HasUniqueLandmarks(int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync(width);
        await using var _ = context;
        var response = await page.GotoAsync("/reports/chiba-ict/2020");
        Assert.Equal(200, response!.Status);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "rule", Values = ["landmark-unique", "landmark-no-duplicate-main", "landmark-one-main", "region"] },
        });

        Assert.True(result.Violations.Length == 0, AccessibilityTests.Describe($"print view at {width} px", result.Violations));
        await AssertNoViolationsAsync(page, $"print view at {width} px");
    }

    /// <summary>Clicks a cycle's step on the cycles page and confirms it.</summary>
    private static async Task StepAsync(IPage admin, string button, string confirm)
    {
        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + button) }).First.ClickAsync();
        await admin.Locator("#state-confirmation").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + confirm) }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }
}
