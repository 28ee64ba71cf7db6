using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation on any kind of page, on a desktop and on a phone screen.</summary>
[Collection(SiteDefinition.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData(SitePage.Home, 1280)]
    [InlineData(SitePage.Strategy, 1280)]
    [InlineData(SitePage.Node, 1280)]
    [InlineData(SitePage.Initiative, 1280)]
    [InlineData(SitePage.Indicator, 1280)]
    [InlineData(SitePage.Plans, 1280)]
    [InlineData(SitePage.NotFound, 1280)]
    [InlineData(SitePage.Home, 360)]
    [InlineData(SitePage.Strategy, 360)]
    [InlineData(SitePage.Node, 360)]
    [InlineData(SitePage.Initiative, 360)]
    [InlineData(SitePage.Indicator, 360)]
    [InlineData(SitePage.Plans, 360)]
    [InlineData(SitePage.NotFound, 360)]
    [InlineData(SitePage.Area, 1280)]
    [InlineData(SitePage.Search, 1280)]
    [InlineData(SitePage.Definitions, 1280)]
    [InlineData(SitePage.Sources, 1280)]
    [InlineData(SitePage.Area, 360)]
    [InlineData(SitePage.Search, 360)]
    [InlineData(SitePage.Definitions, 360)]
    [InlineData(SitePage.Sources, 360)]
    [InlineData(SitePage.English, 1280)]
    [InlineData(SitePage.English, 360)]
    [InlineData(SitePage.EnglishArea, 1280)]
    [InlineData(SitePage.EnglishArea, 360)]
    [InlineData(SitePage.EnglishIndicator, 1280)]
    [InlineData(SitePage.EnglishIndicator, 360)]
    [InlineData(SitePage.EnglishInitiative, 1280)]
    [InlineData(SitePage.EnglishInitiative, 360)]
    public async Task Page_HasNoWcag21AaViolations(SitePage kind, int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var path = await site.PathOfAsync(kind);
        var (context, page) = await site.NewPageAsync(width);
        await using var _ = context;

        var response = await page.GotoAsync(path);
        Assert.Equal(kind == SitePage.NotFound ? 404 : 200, response!.Status);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, Describe($"{path} at {width} px", result.Violations));
    }

    /// <summary>Guards the test above: axe really runs in this browser and reports what it finds.</summary>
    [SkippableFact]
    public async Task Axe_ReportsViolations_OnAPageWithKnownFaults()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>t</title></head><body><main><img src=\"x.png\"></main></body></html>");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        var ids = result.Violations.Select(v => v.Id).ToList();
        Assert.Contains("image-alt", ids);
        Assert.Contains("html-has-lang", ids);
        Assert.NotEmpty(result.Passes);
    }

    internal static string Describe(string path, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe-core found {violations.Length} violation(s) on {path}:");
        foreach (var v in violations)
        {
            text.Append($"\n- {v.Id} ({v.Impact}): {v.Help} [{v.Nodes.Length} element(s)]");
            foreach (var node in v.Nodes.Take(3))
            {
                var html = node.Html.Length > 200 ? node.Html[..200] + "…" : node.Html;
                text.Append($"\n    {node.Target}  {html}");
            }
        }

        return text.ToString();
    }
}
