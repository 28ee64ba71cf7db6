using System.Net;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests;

[Collection(DemoAppsGroup.Name)]
public class HealthTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Healthz_IsHealthy_WhenTheDatabaseAnswers(DatabaseProvider provider)
    {
        var client = apps.For(provider).CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_IsUnhealthy_WhenTheDatabaseIsGone()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, loadDemoData: false, sqliteMustExist: true);
        var client = app.CreateClient();
        await using (var scope = app.Scope(out var db))
        {
            await db.Database.EnsureDeletedAsync();
        }

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Failure_ShowsAJapaneseErrorPageWithAReference_NeverAStackTrace()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, loadDemoData: false, sqliteMustExist: true);
        var client = app.CreateClient();
        await using (var scope = app.Scope(out var db))
        {
            await db.Database.EnsureDeletedAsync();
        }

        using var response = await client.GetAsync(new Uri("/strategy/plans", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(body);
        Assert.Equal("エラーが発生しました", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("参照番号", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
