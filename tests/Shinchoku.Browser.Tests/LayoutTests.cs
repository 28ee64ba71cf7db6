namespace Shinchoku.Browser.Tests;

/// <summary>The pages fit a phone and a desktop screen; screenshots of each kind of page (docs/screenshots/, shown in the README).</summary>
[Collection(SiteDefinition.Name)]
public sealed class LayoutTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData(SitePage.Home, 360)]
    [InlineData(SitePage.Home, 1280)]
    [InlineData(SitePage.Strategy, 360)]
    [InlineData(SitePage.Strategy, 1280)]
    [InlineData(SitePage.Node, 360)]
    [InlineData(SitePage.Node, 1280)]
    [InlineData(SitePage.Initiative, 360)]
    [InlineData(SitePage.Initiative, 1280)]
    [InlineData(SitePage.Indicator, 360)]
    [InlineData(SitePage.Indicator, 1280)]
    [InlineData(SitePage.Plans, 360)]
    [InlineData(SitePage.Plans, 1280)]
    [InlineData(SitePage.Area, 360)]
    [InlineData(SitePage.Area, 1280)]
    [InlineData(SitePage.Search, 360)]
    [InlineData(SitePage.Search, 1280)]
    [InlineData(SitePage.Definitions, 360)]
    [InlineData(SitePage.Definitions, 1280)]
    [InlineData(SitePage.Sources, 360)]
    [InlineData(SitePage.Sources, 1280)]
    [InlineData(SitePage.English, 360)]
    [InlineData(SitePage.English, 1280)]
    [InlineData(SitePage.EnglishArea, 360)]
    [InlineData(SitePage.EnglishArea, 1280)]
    [InlineData(SitePage.EnglishIndicator, 360)]
    [InlineData(SitePage.EnglishIndicator, 1280)]
    [InlineData(SitePage.EnglishInitiative, 360)]
    [InlineData(SitePage.EnglishInitiative, 1280)]
    public async Task Page_DoesNotScrollSideways(SitePage kind, int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var path = await site.PathOfAsync(kind);
        var (context, page) = await site.NewPageAsync(width);
        await using var _ = context;
        await page.GotoAsync(path);

        var size = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var widest = await page.EvaluateAsync<string>("""
            () => {
              const limit = document.documentElement.clientWidth;
              const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > limit + 1);
              return wide.slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ');
            }
            """);
        Assert.True(size[0] <= size[1] + 1,
            $"{path} at {width} px scrolls sideways: scrollWidth {size[0]} > clientWidth {size[1]}. Too wide: {widest}");
    }

    [SkippableFact]
    public async Task Screenshots_OfEachKindOfPage_OpenWithItsHeadingOnScreen()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        foreach (var width in new[] { 360, 1280 })
        {
            var (context, page) = await site.NewPageAsync(width);
            await using var _ = context;
            foreach (var kind in Enum.GetValues<SitePage>())
            {
                var path = await site.PathOfAsync(kind);
                await page.GotoAsync(path);

                // What the reader sees first, as the screenshot shows it: one heading with text, whole within the
                // screen's width and on the first screenful (not pushed below by the header or a banner).
                var headings = page.Locator("h1");
                Assert.True(await headings.CountAsync() == 1, $"{path} at {width} px: {await headings.CountAsync()} h1 elements");
                Assert.True(await headings.IsVisibleAsync(), $"{path} at {width} px: the h1 is hidden");
                Assert.False(string.IsNullOrWhiteSpace(await headings.TextContentAsync()), $"{path} at {width} px: the h1 is empty");
                var box = (await headings.BoundingBoxAsync())!;
                var viewport = page.ViewportSize!;
                Assert.True(box.X >= 0 && box.X + box.Width <= viewport.Width + 1 && box.Y + box.Height <= viewport.Height,
                    $"{path} at {width} px: the h1 lies at x {box.X}..{box.X + box.Width}, y {box.Y}..{box.Y + box.Height} of a {viewport.Width}×{viewport.Height} screen");

                await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotDir, $"{kind.ToString().ToLowerInvariant()}-{width}.png"), FullPage = true });
            }
        }
    }
}
