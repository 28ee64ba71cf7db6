using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests;

/// <summary>Every page and endpoint states who may use it.</summary>
[Collection(DemoAppsGroup.Name)]
public class EndpointPolicyTests(DemoApps apps)
{
    [Fact]
    public void EveryEndpoint_DeclaresWhoMayUseIt()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undeclared);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/strategy")]
    [InlineData("/strategy/plans")]
    [InlineData("/healthz")]
    public async Task PublicPages_AnswerWithoutSignIn(string url)
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
