using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// Under the Content-Security-Policy every page renders without a violation in the console, and the script islands
/// (the chart/table switch) still work: the pages carry no inline script or style.
/// </summary>
[Collection(SiteDefinition.Name)]
public sealed class ContentSecurityPolicyTests(SiteFixture site)
{
    [SkippableFact]
    public async Task PublicPages_RenderWithoutAViolation_AndTheChartSwitchWorks()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        var violations = Watch(page);

        foreach (var kind in Enum.GetValues<SitePage>())
        {
            var response = await page.GotoAsync(await site.PathOfAsync(kind));
            Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        }

        await page.GotoAsync("/reports/chiba-ict/2020");
        await Expect(page.Locator("table").First).ToBeVisibleAsync();
        // The print view's own style sheet applies: the header row is styled, not the browser's default.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator("thead th").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        await page.GotoAsync(await site.PathOfAsync(SitePage.Indicator));
        await page.GetByRole(AriaRole.Button, new() { Name = "表で見る" }).ClickAsync();
        await Expect(page.Locator("#trend-table")).ToBeVisibleAsync();
        await Expect(page.Locator("#trend-chart")).ToBeHiddenAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task StaffPages_RenderWithoutAViolation()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        var violations = Watch(page);
        await StaffTests.SignInAsync(page, "dx-admin");

        foreach (var path in new[] { "/entry", "/admin", "/admin/users", "/admin/cycles", "/admin/indicators", "/council", "/reports/import" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} → {response.Status}");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task TheApiReference_RendersUnderItsNoncePolicy_WithoutAViolation()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        var violations = Watch(page);

        var response = await page.GotoAsync("/api/docs");
        var policy = await response!.HeaderValueAsync("content-security-policy") ?? "";
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        // Scalar has drawn the reference from the app's OpenAPI document: its operations are listed.
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('/api/v1/')", null, new() { Timeout = 30_000 });

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Collects what the browser reports about the policy: console errors and uncaught page errors.</summary>
    private static List<string> Watch(IPage page)
    {
        var seen = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal)))
            {
                seen.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => seen.Add($"{page.Url}: {error}");
        return seen;
    }
}
