using System.Text.Json;
using System.Text.RegularExpressions;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Dashboard;

/// <summary>
/// The Digital Agency design tokens: the npm package at the version pinned in package.json, copied into the site's own
/// static files by the build, and no page loads a style sheet from anywhere else.
/// </summary>
[Collection(DemoAppsGroup.Name)]
public partial class DesignTokensTests(DemoApps apps)
{
    private const string Package = "@digital-go-jp/design-tokens";

    [SkippableFact]
    public void TheServedTokens_AreThoseOfThePinnedPackage()
    {
        var web = WebProjectDirectory();
        Skip.If(web is null, "リポジトリの外で実行しているため、package.json を確かめられません。");
        var pinned = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "package.json")))
            .RootElement.GetProperty("devDependencies").GetProperty(Package).GetString()!;
        Assert.Matches(ExactVersion(), pinned);
        var locked = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "package-lock.json")))
            .RootElement.GetProperty("packages").GetProperty("node_modules/" + Package).GetProperty("version").GetString();
        Assert.Equal(pinned, locked);

        var installed = Path.Combine(web, "node_modules", Package);
        Skip.IfNot(Directory.Exists(installed), "npm がないため、ビルドはリポジトリに置いたデザイントークンを使っています。");
        var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(installed, "package.json"))).RootElement.GetProperty("version").GetString();
        Assert.Equal(pinned, version);
        Assert.Equal(File.ReadAllBytes(Path.Combine(installed, "dist", "tokens.css")), File.ReadAllBytes(Path.Combine(web, "wwwroot", "lib", "design-tokens", "tokens.css")));
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/en")]
    [InlineData("/indicators")]
    public async Task Pages_LoadStyleSheetsFromTheSiteOnly(string url)
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var page = await Html.GetAsync(client, url);
        var sheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(sheets, href => href.StartsWith("/lib/design-tokens/tokens.css", StringComparison.Ordinal));
        Assert.All(sheets, href => Assert.StartsWith("/", href, StringComparison.Ordinal));
        Assert.All(sheets, href => Assert.False(href.StartsWith("//", StringComparison.Ordinal), href));
        using var tokens = await client.GetAsync(new Uri(sheets.First(h => h.Contains("design-tokens", StringComparison.Ordinal)), UriKind.Relative));
        Assert.Contains("--color-primitive-blue-", await tokens.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string? WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shinchoku.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Shinchoku.Web");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex ExactVersion();
}
