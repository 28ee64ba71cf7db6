using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shinchoku.Browser.Tests;

/// <summary>The public dashboard in a real browser: from home to a KPI, and the chart/table switch by keyboard.</summary>
[Collection(SiteDefinition.Name)]
public sealed class DashboardTests(SiteFixture site)
{
    [SkippableFact]
    public async Task Home_LeadsToAnAreaAndAKpi_OnAPhone()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync(360);
        await using var _ = context;
        await page.GotoAsync("/");

        await page.Locator(".published-plan table.count-table tbody th a").First.ClickAsync();
        await Expect(page.Locator("table.kpi-table")).ToBeVisibleAsync();
        await page.Locator("table.kpi-table tbody th a").First.ClickAsync();
        await Expect(page.Locator("section.summary")).ToContainTextAsync("いまの状況");
    }

    [SkippableFact]
    public async Task ChartTableSwitch_WorksByKeyboard()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(await site.PathOfAsync(SitePage.Indicator));

        var chart = page.Locator("#trend-chart");
        var table = page.Locator("#trend-table");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(table).ToBeHiddenAsync();

        var showTable = page.GetByRole(AriaRole.Button, new() { Name = "表で見る" });
        await showTable.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(table).ToBeVisibleAsync();
        await Expect(chart).ToBeHiddenAsync();
        await Expect(showTable).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [SkippableFact]
    public async Task Search_FiltersByGetForm_AndTheUrlCanBeShared()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/indicators");

        await page.Locator("#rating").SelectOptionAsync("achieved");
        await page.GetByRole(AriaRole.Button, new() { Name = "この条件で表示" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("rating=achieved", StringComparison.Ordinal));
        var rows = await page.Locator("table.kpi-table tbody tr").CountAsync();
        Assert.True(rows > 0);

        var (context2, other) = await site.NewPageAsync();
        await using var __ = context2;
        await other.GotoAsync(page.Url);
        Assert.Equal(rows, await other.Locator("table.kpi-table tbody tr").CountAsync());
    }
}
