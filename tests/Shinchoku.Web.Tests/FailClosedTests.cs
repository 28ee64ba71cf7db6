using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;
using Shinchoku.Web.Tests.Accounts;

namespace Shinchoku.Web.Tests;

/// <summary>
/// The app fails closed and politely: a method or handler a page does not have answers 405/404 with the Japanese error
/// page, never a 500; every answer carries the security headers; cookies are Secure over HTTPS.
/// </summary>
[Collection(DemoAppsGroup.Name)]
public class FailClosedTests(DemoApps apps)
{
    private static readonly string?[] Users = [null, "dx-admin", "zeimu"];

    [Fact]
    public async Task EveryRoute_AnswersAPostAndAnUnknownHandler_WithoutAServerError()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var samples = await EndpointRoleMatrixTests.SamplesAsync(app);
        var urls = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => EndpointRoleMatrixTests.Normalize(e.RoutePattern.RawText!)).Distinct()
            .SelectMany(p => EndpointRoleMatrixTests.UrlsFor(p, samples)).Select(u => u.Url).Distinct().ToList();
        Assert.True(urls.Count > 40, $"only {urls.Count} routes enumerated");
        var failures = new List<string>();
        foreach (var user in Users)
        {
            var client = user is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.SignedInClientAsync(user);
            var token = (await Html.GetAsync(client, "/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var url in urls)
            {
                var unknown = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=no-such-handler";
                await CheckAsync(client, HttpMethod.Get, unknown, null);
                await CheckAsync(client, HttpMethod.Post, unknown, token);
                if (url != "/account/logout")
                {
                    await CheckAsync(client, HttpMethod.Post, url, token);
                }
            }

            async Task CheckAsync(HttpClient c, HttpMethod method, string url, string? antiforgery)
            {
                using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
                if (antiforgery is not null)
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery });
                }

                using var response = await c.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {url} as {user ?? "(匿名)"} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(null, "/strategy", HttpStatusCode.MethodNotAllowed)]
    [InlineData(null, "/strategy/chiba-dx-1.1/compare", HttpStatusCode.MethodNotAllowed)]
    [InlineData(null, "/indicators/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData(null, "/en/indicators/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("dx-admin", "/admin/users", HttpStatusCode.MethodNotAllowed)]
    [InlineData("dx-admin", "/admin/cycles?handler=no-such-handler", HttpStatusCode.NotFound)]
    public async Task APostAPageDoesNotTake_GetsTheErrorPage(string? user, string url, HttpStatusCode expected)
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var client = user is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.SignedInClientAsync(user);
        var token = (await Html.GetAsync(client, "/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.Equal(expected, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected == HttpStatusCode.NotFound ? "ページが見つかりません" : "この方法ではページを利用できません", page.QuerySelector("main h1")?.TextContent.Trim());
        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
    }

    [Theory]
    [InlineData(null, "/no-such-page")]
    [InlineData(null, "/favicon.ico")]
    [InlineData(null, "/no/such/page.php?x=1")]
    [InlineData(null, "/css/no-such.css")]
    [InlineData("dx-admin", "/no-such-page")]
    [InlineData("zeimu", "/favicon.ico")]
    public async Task AnUnknownUrl_Is404WithTheErrorPage_NotASignIn(string? user, string url)
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var client = user is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.SignedInClientAsync(user);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("ページが見つかりません", page.QuerySelector("main h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/strategy")]
    [InlineData("/indicators")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/plans")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/reports/chiba-ict/2020")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string url)
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self'(;|$)", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task StaffPages_HaveNoInlineScriptOrStyle()
    {
        var client = await apps.For(DatabaseProvider.Sqlite).SignedInClientAsync("dx-admin");
        foreach (var url in new[] { "/", "/strategy", "/indicators", "/admin", "/admin/users", "/entry", "/council" })
        {
            var page = await Html.GetAsync(client, url);
            Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task OverHttps_TheCookiesAreSecure_AndHstsIsSent()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://shinchoku.example/") });
        using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = "viewer", ["password"] = Shinchoku.Web.Accounts.DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("shinchoku=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        var fresh = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://shinchoku.example/") });
        using var login = await fresh.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
