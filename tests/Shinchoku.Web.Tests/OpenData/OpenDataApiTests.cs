using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>The /api/v1 JSON answers against the database, and the protocol: problem+json, ETag, CORS, OpenAPI.</summary>
[Collection(DemoAppsGroup.Name)]
public class OpenDataApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}\n{body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Plans_AreThePublicPlans_WithOrganizationCodeAndPublishedYears(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var json = await GetJsonAsync(app.CreateClient(), "/api/v1/plans");
        await using var scope = app.Scope(out var db);
        var plans = await db.Plans.Include(p => p.Organization).Where(p => p.Status != Core.Strategy.PlanStatus.Draft).OrderBy(p => p.Id).ToListAsync();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(plans.Select(p => p.Key), items.Select(i => i.GetProperty("key").GetString()));
        Assert.All(items, i => Assert.Equal("120006", i.GetProperty("organizationCode").GetString()));
        var ict = items.Single(i => i.GetProperty("key").GetString() == "chiba-ict");
        Assert.Equal(42, ict.GetProperty("indicatorCount").GetInt32());
        Assert.Equal([2020], ict.GetProperty("publishedReports").EnumerateArray().Select(r => r.GetProperty("fiscalYear").GetInt32()));
        Assert.StartsWith("CC BY 4.0", json.GetProperty("license").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TreeAndInitiatives_MatchTheDatabase(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var client = app.CreateClient();
        var tree = await GetJsonAsync(client, "/api/v1/plans/chiba-dx-1.1/tree");
        var initiatives = await GetJsonAsync(client, "/api/v1/plans/chiba-dx-1.1/initiatives");
        await using var scope = app.Scope(out var db);
        var nodeKeys = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-dx-1.1").Select(n => n.Key).ToListAsync();
        var keys = new List<string>();
        void Walk(JsonElement node)
        {
            keys.Add(node.GetProperty("key").GetString()!);
            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                Walk(child);
            }
        }

        foreach (var root in tree.GetProperty("roots").EnumerateArray())
        {
            Walk(root);
        }

        Assert.Equal(nodeKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var initiativeKeys = await db.Initiatives.Where(i => i.Plan!.Key == "chiba-dx-1.1").Select(i => i.Key).ToListAsync();
        Assert.Equal(initiativeKeys.Order(StringComparer.Ordinal),
            initiatives.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).Order(StringComparer.Ordinal));
        var placements = await db.InitiativePlacements.CountAsync(p => p.Node!.Plan!.Key == "chiba-dx-1.1");
        Assert.Equal(placements, initiatives.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("nodeKeys").GetArrayLength()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Indicators_ListTheDatabasesValuesAndComputedMarks(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var json = await GetJsonAsync(app.CreateClient(), "/api/v1/indicators?plan=chiba-ict&pageSize=500");
        await using var scope = app.Scope(out var db);
        var indicators = await db.Indicators.Where(i => i.Initiative!.Plan!.Key == "chiba-ict")
            .Include(i => i.Targets).Include(i => i.Reports).ThenInclude(r => r.Overrides).AsSplitQuery().ToListAsync();
        Assert.Equal(indicators.Count, json.GetProperty("total").GetInt32());
        var items = json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt32());
        foreach (var indicator in indicators)
        {
            var item = items[indicator.Id];
            Assert.Equal(indicator.Name, item.GetProperty("name").GetString());
            Assert.Equal(indicator.Baseline.Text, item.GetProperty("baseline").GetProperty("text").GetString());
            var report = indicator.Reports.Single(r => r.FiscalYear == new FiscalYear(2020));
            var evaluation = ReportEvaluation.Of(indicator, report);
            Assert.Equal(2020, item.GetProperty("fiscalYear").GetInt32());
            Assert.Equal(evaluation.ValueText, item.GetProperty("value").GetString() ?? "");
            Assert.Equal(evaluation.Shown.RatingGlyph, item.GetProperty("rating").GetString());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Indicator_HasEachPublishedYear_WithItsCalculation(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        Indicator indicator;
        await using (var scope = app.Scope(out var db))
        {
            indicator = await db.Indicators.Include(i => i.Targets).Include(i => i.Reports).ThenInclude(r => r.Overrides)
                .AsSplitQuery().FirstAsync(i => i.Name == "年間用紙使用量");
        }

        var json = await GetJsonAsync(app.CreateClient(), $"/api/v1/indicators/{indicator.Id}");
        var evaluation = ReportEvaluation.Of(indicator, indicator.Reports.Single(r => r.FiscalYear == new FiscalYear(2020)));
        var year = Assert.Single(json.GetProperty("years").EnumerateArray());
        Assert.Equal(2020, year.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("令和2年度", year.GetProperty("fiscalYearName").GetString());
        Assert.Equal(evaluation.Explanation, year.GetProperty("calculation").GetString());
        Assert.Equal("×", year.GetProperty("computed").GetProperty("rating").GetString());
        Assert.Equal(evaluation.Report.Actual.Text, year.GetProperty("actual").GetProperty("text").GetString());
        Assert.Equal("chiba-ict", json.GetProperty("planKey").GetString());
        Assert.Equal("120006", json.GetProperty("organizationCode").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Filters_NarrowTheList(DatabaseProvider provider)
    {
        var client = apps.For(provider).CreateClient();
        var all = (await GetJsonAsync(client, "/api/v1/indicators?pageSize=500")).GetProperty("items").EnumerateArray().ToList();
        foreach (var rating in new[] { "◎", "○", "△", "ー", "×" })
        {
            var some = await GetJsonAsync(client, "/api/v1/indicators?pageSize=500&rating=" + Uri.EscapeDataString(rating));
            Assert.Equal(all.Count(i => i.GetProperty("rating").GetString() == rating), some.GetProperty("total").GetInt32());
        }

        var paper = await GetJsonAsync(client, "/api/v1/indicators?q=" + Uri.EscapeDataString("用紙"));
        Assert.Contains(paper.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "年間用紙使用量");
        var area = all[0].GetProperty("nodeKeys")[0].GetString()!;
        var inArea = await GetJsonAsync(client, $"/api/v1/indicators?plan=chiba-ict&area={area}");
        Assert.InRange(inArea.GetProperty("total").GetInt32(), 1, all.Count);
        var page2 = await GetJsonAsync(client, "/api/v1/indicators?pageSize=10&page=2");
        Assert.Equal(all.Skip(10).Take(10).Select(i => i.GetProperty("id").GetInt32()), page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal((all.Count + 9) / 10, page2.GetProperty("totalPages").GetInt32());
    }

    [Theory]
    [InlineData("rating=Z", "rating", "rating の値「Z」は使えません。◎ ○ △ ー ×")]
    [InlineData("trend=up", "trend", "trend の値「up」は使えません")]
    [InlineData("page=0", "page", "page の値「0」は使えません")]
    [InlineData("pageSize=100000", "pageSize", "pageSize の値「100000」は使えません")]
    [InlineData("fiscalYear=abc", "fiscalYear", "fiscalYear の値「abc」は使えません")]
    [InlineData("plan=nope", "plan", "plan の値「nope」に当たる公開中の計画はありません")]
    [InlineData("area=nope", "area", "area の値「nope」に当たる項目はありません")]
    [InlineData("rating=%E2%97%8E&rating=%C3%97", "rating", "rating は一つだけ指定してください")]
    public async Task BadParameter_Is400ProblemNamingIt(string query, string parameter, string detail)
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        foreach (var path in new[] { "/api/v1/indicators", "/api/v1/indicators.csv", "/api/v1/values.csv" })
        {
            using var response = await client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
            Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/v1/indicators/999999")]
    [InlineData("/api/v1/plans/no-such-plan")]
    [InlineData("/api/v1/plans/no-such-plan/tree")]
    [InlineData("/api/v1/plans/no-such-plan/tree.csv")]
    [InlineData("/api/v1/plans/no-such-plan/initiatives")]
    [InlineData("/api/v1/plans/no-such-plan/initiatives.csv")]
    public async Task UnknownId_Is404Problem(string url)
    {
        using var response = await apps.For(DatabaseProvider.Sqlite).CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("見つかりません", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task SameData_Answers304ToIfNoneMatch(DatabaseProvider provider)
    {
        var client = apps.For(provider).CreateClient();
        foreach (var url in new[] { "/api/v1/plans", "/api/v1/indicators?rating=%E2%97%8E", "/api/v1/indicators.csv", "/api/v1/download.zip" })
        {
            using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(first.Headers.CacheControl?.Public);
            Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl?.MaxAge);
            Assert.Contains("rel=\"license\"", string.Join(",", first.Headers.GetValues("Link")), StringComparison.Ordinal);

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            using var second = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
            using var third = await client.SendAsync(stale);
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }
    }

    [Fact]
    public async Task AnyOrigin_MayGet()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
        request.Headers.Add("Origin", "https://example.org");
        using var response = await client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/indicators");
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var answer = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("GET", string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_IsValidJson_CoveringEveryApiRoute()
    {
        var app = apps.For(DatabaseProvider.Sqlite);
        var document = await GetJsonAsync(app.CreateClient(), "/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("CC BY 4.0", document.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(r => r.Replace(":int", "", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(routes.Count >= 12, string.Join(", ", routes));
        foreach (var route in routes)
        {
            Assert.True(paths.TryGetValue(route, out var path), $"{route} is not in the OpenAPI document");
            Assert.True(path.TryGetProperty("get", out var get), $"{route} has no GET");
            Assert.True(get.TryGetProperty("summary", out _), $"{route} has no summary");
        }

        var parameters = paths["/api/v1/indicators"].GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?>(["plan", "area", "rating", "trend", "department", "fiscalYear", "q", "page", "pageSize"]), new HashSet<string?>(parameters));
    }

    [Fact]
    public async Task ScalarReference_IsServedWithoutSignIn()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        var html = await Html.GetAsync(client, "/api/docs/");
        Assert.Contains("openapi/v1.json", html.DocumentElement.OuterHtml, StringComparison.Ordinal);
        // The reference's script is served by the app itself, not from a CDN.
        Assert.Equal("scalar.js", html.QuerySelector("script[src]")?.GetAttribute("src"));
        using var script = await client.GetAsync(new Uri("/api/docs/scalar.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Theory]
    [InlineData("/api/docs")]
    [InlineData("/api/docs/")]
    public async Task ScalarReference_AllowsItsInlineScriptByANonceOfItsOwn_NotUnsafeInline(string url)
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            var scriptSrc = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", scriptSrc, StringComparison.Ordinal);
            var nonce = System.Text.RegularExpressions.Regex.Match(scriptSrc, "'nonce-([^']+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            nonces.Add(nonce);

            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            var inline = page.QuerySelectorAll("script:not([src])");
            Assert.NotEmpty(inline);
            Assert.All(inline, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }
}
