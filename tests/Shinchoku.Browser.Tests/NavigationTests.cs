using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shinchoku.Browser.Tests;

/// <summary>What a visitor sees when following the strategy's links in a real browser.</summary>
[Collection(SiteDefinition.Name)]
public sealed class NavigationTests(SiteFixture site)
{
    [SkippableFact]
    public async Task Strategy_ShowsTheHeadingAndEveryInitiative_AndAnInitiativeLinkOpensItsPage()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync("/strategy");
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "千葉県デジタル・トランスフォーメーション推進戦略", Exact = true, Level = 1 }))
            .ToBeVisibleAsync();

        var initiatives = page.Locator("a[href*='/initiatives/']");
        Assert.Equal(67, await initiatives.CountAsync());

        var link = initiatives.Nth(10);
        var title = (await link.InnerTextAsync()).Trim();
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "掲載箇所", Exact = true })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task PreviousStrategy_IndicatorPage_ShowsProgressRatingAndChart()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync("/strategy/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "千葉県ICT戦略（前戦略）", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("千葉県ICT戦略（前戦略）");

        // The first initiative in the tree that has indicators (the tree tags them "成果指標 N").
        var initiative = page.Locator("li:has(> a[href*='/initiatives/'])").Filter(new() { HasText = "成果指標" }).First.Locator("> a");
        var initiativeTitle = (await initiative.InnerTextAsync()).Trim();
        await initiative.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(initiativeTitle);

        var indicator = page.Locator("a[href^='/indicators/']").First;
        var indicatorName = (await indicator.InnerTextAsync()).Trim();
        await indicator.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(indicatorName);

        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "進捗率", Exact = true }).First).ToBeVisibleAsync();
        var chart = page.Locator("svg[role='img']");
        await Expect(chart.First).ToBeVisibleAsync();
        // The chart is named for assistive technology (its <title>).
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = indicatorName + "の推移" })).ToBeVisibleAsync();
    }
}
