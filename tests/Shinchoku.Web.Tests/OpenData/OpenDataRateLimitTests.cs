using System.Net;
using System.Text.Json;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>The API's rate limit: a fixed window per client address, answered with 429, Retry-After and problem+json.</summary>
public class OpenDataRateLimitTests
{
    [Fact]
    public async Task OverTheLimit_Is429_WithRetryAfter()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["OpenData:RateLimit:PermitPerMinute"] = "3" });
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/v1/plans", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var response = await client.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("1 分間に 3 回まで", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Pages are not limited by the API's limit.
        using var page = await client.GetAsync(new Uri("/strategy", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
