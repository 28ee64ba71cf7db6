using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Accounts;

/// <summary>
/// Every endpoint × every role, with the expected answer. The table below must name every route the app
/// has: an endpoint added without being listed (and so without a decided policy) fails this test.
/// </summary>
public partial class EndpointRoleMatrixTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    /// <summary>Who may use a route.</summary>
    public enum Audience
    {
        /// <summary>Everyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in user.</summary>
        Staff,

        /// <summary>The DX office and department editors (for their own department's KPIs).</summary>
        DataEntry,

        /// <summary>The DX office only.</summary>
        DxOffice,
    }

    /// <summary>Every route of the app and who may use it.</summary>
    public static readonly IReadOnlyDictionary<string, Audience> Routes = new Dictionary<string, Audience>
    {
        ["/"] = Audience.Public,
        ["healthz"] = Audience.Public,
        ["error/{code:int?}"] = Audience.Public,
        ["strategy/{planKey?}"] = Audience.Public,
        ["strategy/plans"] = Audience.Public,
        ["strategy/{planKey}/nodes/{nodeKey}"] = Audience.Public,
        ["strategy/{planKey}/initiatives/{initiativeKey}"] = Audience.Public,
        ["strategy/{planKey}/compare"] = Audience.Public,
        ["indicators/{id:int}"] = Audience.Public,
        ["indicators"] = Audience.Public,
        ["data/definitions"] = Audience.Public,
        ["data/sources"] = Audience.Public,
        ["help/marks"] = Audience.Public,
        ["en/help/marks"] = Audience.Public,
        ["accessibility"] = Audience.Public,
        ["privacy"] = Audience.Public,
        ["feed.atom"] = Audience.Public,
        ["admin/organizations"] = Audience.DxOffice,
        ["admin/organizations/{organizationCode}"] = Audience.DxOffice,
        ["en"] = Audience.Public,
        ["en/strategy/{planKey}/nodes/{nodeKey}"] = Audience.Public,
        ["en/strategy/{planKey}/initiatives/{initiativeKey}"] = Audience.Public,
        ["en/indicators/{id:int}"] = Audience.Public,
        ["account/login"] = Audience.Public,
        ["account/denied"] = Audience.Public,
        ["account/logout"] = Audience.Staff,
        ["entry"] = Audience.DataEntry,
        ["entry/sheet"] = Audience.DataEntry,
        ["todo"] = Audience.Staff,
        ["entry/{cycleId:int}/{indicatorId:int}"] = Audience.DataEntry,
        ["entry/{cycleId:int}/grid"] = Audience.DataEntry,
        ["admin"] = Audience.DxOffice,
        ["admin/indicators"] = Audience.DxOffice,
        ["admin/indicators/{id:int}"] = Audience.DxOffice,
        ["admin/indicators/{id:int}/overrides/{fiscalYear:int}"] = Audience.DxOffice,
        ["admin/plans"] = Audience.DxOffice,
        ["admin/plans/{planKey}"] = Audience.DxOffice,
        ["admin/plans/{planKey}/edit"] = Audience.DxOffice,
        ["admin/plans/{planKey}/revise"] = Audience.DxOffice,
        ["admin/plans/{planKey}/publish"] = Audience.DxOffice,
        ["admin/plans/{planKey}/nodes/{nodeKey}"] = Audience.DxOffice,
        ["admin/plans/{planKey}/initiatives/{initiativeKey}"] = Audience.DxOffice,
        ["admin/departments"] = Audience.DxOffice,
        ["admin/departments/{departmentId:int}"] = Audience.DxOffice,
        ["admin/users"] = Audience.DxOffice,
        ["admin/users/new"] = Audience.DxOffice,
        ["admin/users/{userId}"] = Audience.DxOffice,
        ["admin/cycles"] = Audience.DxOffice,
        ["admin/cycles/{cycleId:int}"] = Audience.DxOffice,
        ["admin/cycles/{cycleId:int}/reports/{indicatorId:int}"] = Audience.DxOffice,
        ["reports/import"] = Audience.DxOffice,
        ["admin/mail"] = Audience.DxOffice,
        ["council"] = Audience.Staff,
        ["council/{meetingId:int}"] = Audience.Staff,
        ["council/edit/{meetingId:int?}"] = Audience.DxOffice,
        ["council/{meetingId:int}/materials/{materialId:int}"] = Audience.Staff,
        ["council/reports/{reportId:int}"] = Audience.Staff,
        ["council/posts/{postId:int}"] = Audience.Staff,
        ["council/questions"] = Audience.Staff,
        ["account/notifications"] = Audience.Staff,
        ["reports/{planKey}/{fiscalYear:int}/{handler?}"] = Audience.Public,
        ["api/v1/plans"] = Audience.Public,
        ["api/v1/plans.csv"] = Audience.Public,
        ["api/v1/plans/{planKey}"] = Audience.Public,
        ["api/v1/plans/{planKey}/tree"] = Audience.Public,
        ["api/v1/plans/{planKey}/tree.csv"] = Audience.Public,
        ["api/v1/plans/{planKey}/initiatives"] = Audience.Public,
        ["api/v1/plans/{planKey}/initiatives.csv"] = Audience.Public,
        ["api/v1/indicators"] = Audience.Public,
        ["api/v1/indicators.csv"] = Audience.Public,
        ["api/v1/indicators/{id:int}"] = Audience.Public,
        ["api/v1/values.csv"] = Audience.Public,
        ["api/v1/download.zip"] = Audience.Public,
        ["openapi/{documentName}.json"] = Audience.Public,
        ["api/docs/{documentName?}"] = Audience.Public,
        ["api/docs/scalar.js"] = Audience.Public,
        ["api/docs/scalar.aspnetcore.js"] = Audience.Public,
        ["api/docs/favicon.svg"] = Audience.Public,
    };

    private static readonly string?[] Users = [null, "dx-admin", "zeimu", "kenkei", "expert", "viewer"];

    [Fact]
    public void EveryRouteOfTheApp_IsInTheTable()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, loadDemoData: false);
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => Normalize(e.RoutePattern.RawText!)).Distinct().ToList();
        var missing = patterns.Where(p => !Routes.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Routes without a decided audience (add them to the table): " + string.Join(", ", missing));
        var gone = Routes.Keys.Where(k => !patterns.Contains(k)).ToList();
        Assert.True(gone.Count == 0, "Routes in the table that the app no longer has: " + string.Join(", ", gone));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EveryRoute_AnswersEachRole_AsTheTableSays(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var samples = await SamplesAsync(app);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in Users)
        {
            clients[user ?? "(匿名)"] = user is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.SignedInClientAsync(user);
        }

        var failures = new List<string>();
        foreach (var (pattern, audience) in Routes)
        {
            foreach (var (url, ownDepartment) in UrlsFor(pattern, samples))
            {
                foreach (var user in Users)
                {
                    var expected = Expected(audience, user, ownDepartment, url);
                    using var response = await clients[user ?? "(匿名)"].GetAsync(new Uri(url, UriKind.Relative));
                    var actual = Classify(response);
                    if (actual != expected)
                    {
                        failures.Add($"{url} as {user ?? "(匿名)"}: expected {expected}, got {actual} ({(int)response.StatusCode})");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Expected(Audience audience, string? user, bool ownDepartment, string url)
    {
        if (url.StartsWith("/error/", StringComparison.Ordinal))
        {
            return "not found"; // the sample is /error/404
        }

        if (url == "/account/denied")
        {
            return "forbidden"; // the page itself answers 403
        }

        return (audience, user) switch
        {
            (Audience.Public, _) => "ok",
            (_, null) => "sign in",
            (Audience.Staff, _) => "ok",
            (Audience.DataEntry, "dx-admin") => "ok",
            (Audience.DataEntry, "zeimu") => ownDepartment ? "ok" : "forbidden",
            (Audience.DataEntry, "kenkei") => ownDepartment ? "ok" : "forbidden",
            (Audience.DxOffice, "dx-admin") => "ok",
            _ => "forbidden",
        };
    }

    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "ok",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not found",
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true => "sign in",
        _ => $"status {(int)response.StatusCode}",
    };

    /// <summary>The URLs to request for a route: each with whether it is the zeimu/kenkei editors' own department's KPI.</summary>
    internal static IEnumerable<(string Url, bool OwnDepartment)> UrlsFor(string pattern, Samples s)
    {
        var url = "/" + (pattern == "/" ? "" : pattern);
        if (pattern.Contains("{cycleId:int}/{indicatorId:int}", StringComparison.Ordinal))
        {
            // An indicator of both 税務課 and 県警 (so both editors may), and one of neither.
            yield return ($"/entry/{s.OpenCycle}/{s.SharedIndicator}", true);
            yield return ($"/entry/{s.OpenCycle}/{s.OtherIndicator}", false);
            yield break;
        }

        // The report of a plan is that of the previous ICT strategy, whose 令和2年度 is published.
        var planKey = pattern.StartsWith("reports/", StringComparison.Ordinal) ? "chiba-ict" : "chiba-dx-1.1";
        url = ParameterPattern().Replace(url, m => m.Groups[1].Value switch
        {
            "planKey" => planKey,
            "handler" => "",
            "nodeKey" => s.NodeKey,
            "initiativeKey" => s.InitiativeKey,
            "id" => s.SharedIndicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "fiscalYear" => "2020",
            "cycleId" => s.OpenCycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "indicatorId" => s.SharedIndicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "code" => "404",
            "organizationCode" => "120006",
            "departmentId" => s.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "userId" => s.UserId,
            "documentName" => "v1",
            "meetingId" => s.MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "materialId" => s.MaterialId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "reportId" => s.ReportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "postId" => s.PostId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var name => throw new InvalidOperationException($"No sample value for route parameter {{{name}}} of {pattern}: add one."),
        });
        yield return (url.Length > 1 ? url.TrimEnd('/') : url, true);
    }

    internal static async Task<Samples> SamplesAsync(TestApp app)
    {
        await using var scope = app.Scope(out var db);
        var cycle = await db.ReportingCycles.Where(c => c.State == PublicationState.Draft).Select(c => c.Id).FirstAsync();
        var shared = await db.Indicators.Where(i => i.Departments.Any(d => d.Name == "税務課") && i.Departments.Any(d => d.Name == "県警")).Select(i => i.Id).FirstAsync();
        var other = await db.Indicators.Where(i => !i.Departments.Any()).Select(i => i.Id).FirstAsync();
        var node = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-dx-1.1").Select(n => n.Key).FirstAsync();
        var initiative = await db.Initiatives.Where(n => n.Plan!.Key == "chiba-dx-1.1").Select(n => n.Key).FirstAsync();
        var department = await db.Departments.Select(d => d.Id).FirstAsync();
        var user = await db.Users.Where(u => u.UserName == "viewer").Select(u => u.Id).FirstAsync();
        // The demo council meeting, its 資料4, and a report of 令和3年度 (being entered: its thread is for staff only).
        var material = await db.MeetingMaterials.Select(m => new { m.Id, m.MeetingId }).FirstAsync();
        var report = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == shared && r.FiscalYear == new FiscalYear(2021));
        var post = await db.CouncilPosts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return new Samples(cycle, shared, other, node, initiative, department, user, material.MeetingId, material.Id, report.Id, post);
    }

    internal static string Normalize(string raw) => raw.Length == 0 ? "/" : raw.TrimStart('/');

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex ParameterPattern();

    internal sealed record Samples(int OpenCycle, int SharedIndicator, int OtherIndicator, string NodeKey, string InitiativeKey, int DepartmentId, string UserId, int MeetingId, int MaterialId, int ReportId, int PostId);
}
