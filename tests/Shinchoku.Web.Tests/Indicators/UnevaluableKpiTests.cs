using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Tests.Accounts;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Indicators;

/// <summary>
/// One KPI that cannot be evaluated never takes a page down: a value stored before the value range was enforced
/// (decimal.MaxValue, written straight into the database past the parser) in a published report and in a draft
/// shows as 評価できません with the reason on that KPI's row and page, and every route of the app still answers.
/// </summary>
public partial class UnevaluableKpiTests
{
    /// <summary>decimal.MaxValue, as an editor could save it before the range existed.</summary>
    private const string Bad = "79228162514264337593543950335件";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task KpiWithAnUnreadableStoredValue_IsNotEvaluable_AndNoRouteFails(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var s = await InjectAsync(app, provider);

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var office = await app.SignedInClientAsync("dx-admin");
        var editor = await app.SignedInClientAsync("zeimu");
        var failures = new List<string>();
        foreach (var (pattern, audience) in EndpointRoleMatrixTests.Routes)
        {
            foreach (var url in UrlsFor(pattern, s))
            {
                foreach (var (who, client) in new[] { ("(匿名)", anonymous), ("dx-admin", office), ("zeimu", editor) })
                {
                    if (pattern == "account/logout" && who != "(匿名)")
                    {
                        continue; // a GET would end the session the walk goes on with
                    }

                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{url} as {who}: {(int)response.StatusCode}");
                    }
                    else if (audience == EndpointRoleMatrixTests.Audience.Public && who == "(匿名)" && !url.StartsWith("/error", StringComparison.Ordinal) && url != "/account/denied"
                        && !url.Contains("/nodes/", StringComparison.Ordinal) && !url.Contains("/initiatives/", StringComparison.Ordinal)
                        && !url.Contains("/indicators/" + s.Draft, StringComparison.Ordinal) && !url.Contains("/reports/chiba-dx", StringComparison.Ordinal)
                        && !url.Contains("/2021", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{url} as {who}: {(int)response.StatusCode}, expected 200");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The published KPI's own page, its row in lists and counts, the open data and 資料4 say so, with the reason.
        var page = await TextAsync(anonymous, $"/indicators/{s.Published}");
        Assert.Contains("評価できません", page, StringComparison.Ordinal);
        Assert.Contains("実績値：", page, StringComparison.Ordinal);
        Assert.Contains("1,000兆", page, StringComparison.Ordinal);
        Assert.Contains("cannot be evaluated", await TextAsync(anonymous, $"/en/indicators/{s.Published}"), StringComparison.Ordinal);
        var list = await Html.GetAsync(anonymous, "/indicators?plan=chiba-ict&rating=unevaluable");
        var row = Assert.Single(list.QuerySelectorAll("table.kpi-table tbody tr"));
        Assert.Contains("評価できません", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("評価できません", await TextAsync(anonymous, "/strategy/chiba-ict"), StringComparison.Ordinal);
        Assert.Contains("評価できません", await TextAsync(anonymous, $"/api/v1/indicators/{s.Published}"), StringComparison.Ordinal);
        Assert.Contains("評価できません", await TextAsync(anonymous, "/reports/chiba-ict/2020"), StringComparison.Ordinal);
        // Every other KPI is still rated: the published year's counts hold the usual marks.
        Assert.Matches("◎ 100%以上", await TextAsync(anonymous, "/"));

        // The draft KPI: on the entry list, the entry page, the review page and the KPI page as staff see them.
        var entryList = await Html.GetAsync(office, "/entry");
        Assert.Contains(entryList.QuerySelectorAll("tr"), tr => tr.TextContent.Contains(s.DraftName, StringComparison.Ordinal) && tr.TextContent.Contains("評価できません", StringComparison.Ordinal));
        foreach (var url in new[] { $"/entry/{s.OpenCycle}/{s.Draft}", $"/admin/cycles/{s.OpenCycle}/reports/{s.Draft}", $"/indicators/{s.Draft}" })
        {
            var text = await TextAsync(office, url);
            Assert.True(text.Contains("評価できません", StringComparison.Ordinal) && text.Contains("見込値：", StringComparison.Ordinal), $"{url} does not say the KPI cannot be evaluated, and why");
        }

        // The department repairs it through the form: the bad value is refused again with the range, a real one is saved.
        var entry = $"/entry/{s.OpenCycle}/{s.Draft}";
        using (var refused = await editor.PostFormAsync(entry, new() { ["Form.Projection"] = Bad }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("1,000兆", (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).Body!.TextContent, StringComparison.Ordinal);
        }

        using (var saved = await editor.PostFormAsync(entry, new() { ["Form.Projection"] = "120件" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var repaired = await Html.GetAsync(editor, entry);
        Assert.DoesNotContain("見込値：", repaired.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(Evaluation.UnevaluableWords, repaired.QuerySelector("[data-mark='rating']")!.TextContent.Trim());
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}");
        return url.Contains("/api/", StringComparison.Ordinal) ? Regex.Unescape(body) : (await Html.ParseAsync(body)).Body!.TextContent;
    }

    /// <summary>Writes <see cref="Bad"/> past the parser: the published 令和2年度 actual of one KPI, the draft 令和3年度 projection of another.</summary>
    private static async Task<Samples> InjectAsync(TestApp app, DatabaseProvider provider)
    {
        await using var scope = app.Scope(out var db);
        // PostgreSQL's numeric(28,8) could never have held the magnitude; SQLite could.
        var stored = new RecordedValue { Text = Bad, Kind = KpiValueKind.Quantity, Magnitude = provider == DatabaseProvider.Sqlite ? decimal.MaxValue : null, Unit = "件" };
        var published = await db.Indicators.Include(i => i.Initiative).FirstAsync(i => i.Name.StartsWith("テレワーク実施者数"));
        // A baseline of 0 and a target of 10, so that before the range existed the progress (7.9×10^27) overflowed as a percentage.
        published.Baseline = RecordedValue.From("0件").Value;
        (await db.IndicatorTargets.Where(t => t.IndicatorId == published.Id && t.Kind == TargetKind.Final).OrderBy(t => t.FiscalYear).LastAsync()).Value = RecordedValue.From("10件").Value;
        var publishedReport = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == published.Id && r.FiscalYear == new FiscalYear(2020));
        Assert.Equal(ReportState.Approved, publishedReport.State);
        publishedReport.Actual = stored;
        publishedReport.Projection = stored with { };

        // A KPI of 税務課 (so its editor sees it too) in the open cycle.
        var openCycle = await db.ReportingCycles.SingleAsync(c => c.State == PublicationState.Draft);
        var draft = await db.Indicators.Include(i => i.Initiative)
            .FirstAsync(i => i.Id != published.Id && i.Departments.Any(d => d.Name == "税務課") && i.Reports.Any(r => r.FiscalYear == openCycle.FiscalYear));
        var draftReport = await db.IndicatorReports.SingleAsync(r => r.IndicatorId == draft.Id && r.FiscalYear == openCycle.FiscalYear);
        draftReport.Projection = stored with { };
        draftReport.State = ReportState.InProgress;
        await db.SaveChangesAsync();
        Assert.False(KpiValue.Parse(Bad).Success);

        var publishedCycle = await db.ReportingCycles.Where(c => c.PlanId == openCycle.PlanId && c.FiscalYear == new FiscalYear(2020)).Select(c => c.Id).SingleAsync();
        var nodes = await db.InitiativePlacements.Where(p => p.InitiativeId == published.InitiativeId || p.InitiativeId == draft.InitiativeId)
            .Select(p => p.Node!.Key).ToListAsync();
        var material = await db.MeetingMaterials.Select(m => new { m.Id, m.MeetingId }).FirstAsync();
        return new Samples(
            published.Id, draft.Id, draft.Name, openCycle.Id, publishedCycle, [.. nodes.Distinct()],
            [published.Initiative!.Key, draft.Initiative!.Key], [publishedReport.Id, draftReport.Id],
            await db.Departments.Select(d => d.Id).FirstAsync(), await db.Users.Where(u => u.UserName == "viewer").Select(u => u.Id).FirstAsync(),
            material.MeetingId, material.Id, await db.CouncilPosts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    /// <summary>Every URL of a route pattern over the samples: each parameter takes each of its values.</summary>
    private static IEnumerable<string> UrlsFor(string pattern, Samples s)
    {
        var urls = new List<string> { "/" + (pattern == "/" ? "" : pattern) };
        foreach (Match m in ParameterPattern().Matches(pattern))
        {
            string[] values = m.Groups[1].Value switch
            {
                "planKey" => ["chiba-ict", "chiba-dx-1.1"],
                "handler" => ["", "xlsx", "csv"],
                "nodeKey" => s.NodeKeys,
                "initiativeKey" => s.InitiativeKeys,
                "id" or "indicatorId" => [Id(s.Published), Id(s.Draft)],
                "fiscalYear" => ["2020", "2021"],
                "cycleId" => [Id(s.OpenCycle), Id(s.PublishedCycle)],
                "code" => ["404"],
                "organizationCode" => ["120006"],
                "departmentId" => [Id(s.DepartmentId)],
                "userId" => [s.UserId],
                "documentName" => ["v1"],
                "meetingId" => [Id(s.MeetingId)],
                "materialId" => [Id(s.MaterialId)],
                "postId" => [Id(s.PostId)],
                "reportId" => [.. s.ReportIds.Select(Id)],
                var name => throw new InvalidOperationException($"No sample value for route parameter {{{name}}} of {pattern}: add one."),
            };
            urls = [.. urls.SelectMany(u => values.Select(v => u.Replace(m.Value, v, StringComparison.Ordinal)))];
        }

        return urls.Select(u => u.Length > 1 ? u.TrimEnd('/') : u).Distinct();

        static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex ParameterPattern();

    private sealed record Samples(
        int Published, int Draft, string DraftName, int OpenCycle, int PublishedCycle, string[] NodeKeys, string[] InitiativeKeys, int[] ReportIds,
        int DepartmentId, string UserId, int MeetingId, int MaterialId, int PostId);
}
