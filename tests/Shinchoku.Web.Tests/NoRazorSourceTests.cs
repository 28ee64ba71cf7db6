using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;
using Shinchoku.Web.Tests.Accounts;

namespace Shinchoku.Web.Tests;

/// <summary>
/// No page shows Razor or C# source to its reader: a Razor block written right after text (「版@if」) is read as an
/// e-mail address and printed as is. Every route, as each kind of user, is searched for what only source contains.
/// </summary>
public class NoRazorSourceTests
{
    private static readonly string?[] Users = [null, "dx-admin", "zeimu", "expert"];

    private static readonly string[] Source = ["@if", "@(", "@foreach", "@for ", "@switch", "@Model", "Model."];

    [Fact]
    public async Task NoPage_OfAnyRole_ContainsRazorOrCSharpSource()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        await using (var scope = app.Scope(out var db))
        {
            // The demo strategy as a revision of the ICT strategy, so that the pages showing a predecessor are read too.
            var current = await db.Plans.SingleAsync(p => p.Key == "chiba-dx-1.1");
            current.PredecessorId = await db.Plans.Where(p => p.Key == "chiba-ict").Select(p => p.Id).SingleAsync();
            await db.SaveChangesAsync();
        }

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
