using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;
using Shinchoku.Web.Tests.Accounts;

namespace Shinchoku.Web.Tests;

/// <summary>
/// No page shows Razor or C# source to its reader: a Razor block written right after text (「版@if」) is read as an
/// e-mail address and printed as is. Every route, as each kind of user, is searched for what only source contains.
/// </summary>
[Collection(DemoAppsGroup.Name)]
public class NoRazorSourceTests(DemoApps apps)
{
    private static readonly string?[] Users = [null, "dx-admin", "zeimu", "expert"];

    private static readonly string[] Source = ["@if", "@(", "@foreach", "@for ", "@switch", "@Model", "Model."];

    [Fact]
    public async Task NoPage_OfAnyRole_ContainsRazorOrCSharpSource()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var samples = await EndpointRoleMatrixTests.SamplesAsync(app);
        var urls = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => EndpointRoleMatrixTests.Normalize(e.RoutePattern.RawText!)).Distinct()
            .SelectMany(p => EndpointRoleMatrixTests.UrlsFor(p, samples)).Select(u => u.Url)
            .Append("/strategy/plans").Distinct().ToList();
        Assert.True(urls.Count > 40, $"only {urls.Count} routes enumerated");

        var pages = 0;
        var failures = new List<string>();
        foreach (var user in Users)
        {
            var client = user is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.SignedInClientAsync(user);
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                pages++;
                var html = await response.Content.ReadAsStringAsync();
                failures.AddRange(Source.Where(s => html.Contains(s, StringComparison.Ordinal))
                    .Select(s => $"{url} as {user ?? "(匿名)"}: 「{Around(html, s)}」"));
            }
        }

        Assert.True(pages > 100, $"only {pages} pages read");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Around(string html, string found)
    {
        var at = html.IndexOf(found, StringComparison.Ordinal);
        var start = Math.Max(0, at - 40);
        return html[start..Math.Min(html.Length, at + 60)];
    }
}
