using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Accounts;

/// <summary>The administration pages are for the DX office only.</summary>
[Collection(DemoAppsGroup.Name)]
public class AdminAccessTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    public static readonly string[] Pages =
    [
        "/admin", "/admin/plans", "/admin/plans/chiba-dx-1.1", "/admin/plans/chiba-dx-1.1/edit",
        "/admin/plans/chiba-dx-1.1/nodes/field-kurashi-1", "/admin/departments", "/admin/users", "/admin/users/new", "/admin/cycles",
    ];

    private static readonly string[] OtherUsers = ["zeimu", "expert", "viewer"];

    public static TheoryData<string, string> OtherRolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in OtherUsers)
        {
            foreach (var page in Pages)
            {
                data.Add(user, page);
            }
        }

        return data;
    }

    [Fact]
    public void EveryAdminEndpoint_RequiresTheDxOfficePolicy()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/", StringComparison.Ordinal)))
            .ToList();
        Assert.True(endpoints.Count >= Pages.Length, $"only {endpoints.Count} admin endpoints");
        Assert.All(endpoints, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Policies.DxOffice);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Administrator_OpensEveryAdminPage(DatabaseProvider provider)
    {
        var client = await apps.For(provider).SignedInClientAsync("dx-admin");
        foreach (var url in Pages)
        {
            var page = await Html.GetAsync(client, url);
            Assert.NotNull(page.QuerySelector("main h1"));
        }

        var home = await Html.GetAsync(client, "/admin");
        var links = home.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/indicators", links);
        Assert.Contains("/reports/import", links);
    }

    [Theory]
    [MemberData(nameof(OtherRolesAndPages))]
    public async Task OtherRoles_AreRefused(string user, string url)
    {
        var client = await apps.For(DatabaseProvider.Sqlite).SignedInClientAsync(user);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await AssertForbiddenAsync(client, response);
    }

    [Fact]
    public async Task OtherRoles_CannotPostEither()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var editor = await app.SignedInClientAsync("zeimu");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "不正な課" });
        using var response = await editor.PostAsync(new Uri("/admin/departments", UriKind.Relative), content);
        await AssertForbiddenAsync(editor, response);
        await using var scope = app.Scope(out var db);
        Assert.DoesNotContain(db.Departments, d => d.Name == "不正な課");
    }

    /// <summary>403, directly or through the denied page (which answers 403).</summary>
    private static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            using var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
