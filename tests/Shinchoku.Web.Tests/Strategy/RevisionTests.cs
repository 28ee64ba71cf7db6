using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Tests.OpenData;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Strategy;

/// <summary>The yearly revision of a plan (1.0 → 1.1): copying, editing the draft, publishing, lineage and comparison.</summary>
public class RevisionTests
{
    private const string Source = "chiba-ict";
    private const string Revised = "chiba-ict-1.1";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task NewVersion_CopiesTreeInitiativesAndIndicators_EachLinkedToItsPredecessor(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");

        var form = await Html.GetAsync(client, $"/admin/plans/{Source}/revise");
        Assert.Equal("1.1版", form.ValueOf("versionLabel"));
        Assert.Equal(Revised, form.ValueOf("key"));
        Assert.Equal("千葉県ICT戦略（前戦略）", form.ValueOf("name"));
        var made = await client.SubmitAsync($"/admin/plans/{Source}/revise", null, new() { ["issuedLabel"] = "令和4年3月" });
        Assert.True(made.Redirected, made.Summary);
        Assert.Equal($"/admin/plans/{Revised}", made.Location);
        Assert.Contains("成果指標（42件）", made.Done, StringComparison.Ordinal);

        await using (var scope = app.Scope(out var db))
        {
            var source = await db.Plans.SingleAsync(p => p.Key == Source);
            var copy = await db.Plans.SingleAsync(p => p.Key == Revised);
            Assert.Equal((PlanStatus.Draft, source.Id, "1.1", "令和4年3月"), (copy.Status, copy.PredecessorId, copy.VersionLabel, copy.IssuedLabel));
            Assert.Equal(await NodesOf(db, source.Id), await NodesOf(db, copy.Id));
            Assert.Equal(await PlacementsOf(db, source.Id), await PlacementsOf(db, copy.Id));
            var oldIndicators = await IndicatorsOf(db, source.Id).ToListAsync();
            var newIndicators = await IndicatorsOf(db, copy.Id).ToListAsync();
            Assert.Equal(42, newIndicators.Count);
            Assert.Equal(oldIndicators.Select(i => i.Id).Order(), newIndicators.Select(i => i.PredecessorId!.Value).Order());
            foreach (var indicator in newIndicators)
            {
                var old = oldIndicators.Single(o => o.Id == indicator.PredecessorId);
                Assert.Equal(Definition(old), Definition(indicator));
                Assert.Empty(indicator.Reports);
            }
        }

        // One draft revision at a time.
        var again = await client.SubmitAsync($"/admin/plans/{Source}/revise", null, new() { ["key"] = "chiba-ict-1.1b" });
        Assert.False(again.Redirected);
        Assert.Contains("既に新しい版「千葉県ICT戦略（前戦略）」（1.1版）を作成中です", again.Summary, StringComparison.Ordinal);
        // The draft and its comparison are for staff only.
        var anonymous = app.CreateClient();
        foreach (var url in new[] { $"/strategy/{Revised}", $"/strategy/{Revised}/compare" })
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }

        // An indicator of a published plan, with reports, is not deleted.
        var reported = await FirstIndicatorIdAsync(app, Source);
        var edit = await Html.GetAsync(client, $"/admin/indicators/{reported}");
        Assert.Contains("進捗状況の報告が2年度分あるため、削除できません", edit.QuerySelector("#delete-heading + p")!.TextContent, StringComparison.Ordinal);
        // The page offers no delete button; a forged request is refused all the same.
        var moveForm = AdminForms.FindForm(edit, "move")!;
        moveForm.SetAttribute("action", moveForm.GetAttribute("action")!.Replace("handler=move", "handler=delete", StringComparison.Ordinal));
        var refused = await client.SubmitAsync(moveForm, $"/admin/indicators/{reported}", []);
        Assert.False(refused.Redirected);
        Assert.Contains("進捗状況の報告が2年度分あるため、削除できません", refused.Summary, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Revision_OfTheIctStrategy_KeepsEveryIndicatorsHistoryAcrossVersions(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:VersionCheckMilliseconds"] = "0" });
        var client = await app.SignedInClientAsync("dx-admin");
        Assert.True((await client.SubmitAsync($"/admin/plans/{Source}/revise", null, [])).Redirected);
        var admin = $"/admin/plans/{Revised}";

        // Edit the draft: add, move, rename and remove nodes; move an initiative; retire, move and add indicators.
        string emptied, moved, renamed, target, movedInitiative, retiredName;
        int retired, retiredPredecessor, movedIndicator;
        await using (var scope = app.Scope(out var db))
        {
            var leaves = await db.PlanNodes.Where(n => n.Plan!.Key == Revised && !n.Children.Any() && n.Placements.Count == 1)
                .OrderBy(n => n.Key).Select(n => new { n.Key, n.ParentId, Initiative = n.Placements.Single().Initiative!.Key }).ToListAsync();
            emptied = leaves[0].Key;
            movedInitiative = leaves[0].Initiative;
            target = leaves[1].Key;
            renamed = leaves[2].Key;
            moved = leaves.Skip(3).Last(l => l.ParentId != leaves[1].ParentId).Key;
            var indicators = await IndicatorsOf(db, (await db.Plans.SingleAsync(p => p.Key == Revised)).Id)
                .Where(i => i.Initiative!.Key != movedInitiative).OrderBy(i => i.Order).ToListAsync();
            retired = indicators[0].Id;
            retiredPredecessor = indicators[0].PredecessorId!.Value;
            retiredName = indicators[0].Name;
            movedIndicator = indicators[1].Id;
        }

        var targetNodeId = await NodeIdAsync(app, target);
        Assert.True((await client.SubmitAsync($"{admin}/initiatives/{movedInitiative}", "moveprimary", new() { ["primaryNodeId"] = targetNodeId })).Redirected);
        var removed = await client.SubmitAsync($"{admin}/nodes/{emptied}", "delete", []);
        Assert.True(removed.Redirected, removed.Summary);
        Assert.True((await client.SubmitAsync($"{admin}/nodes/{moved}", null, new() { ["parentId"] = (await ParentOfAsync(app, target)).ToString(CultureInfo.InvariantCulture) })).Redirected);
        Assert.True((await client.SubmitAsync($"{admin}/nodes/{renamed}", null, new() { ["title"] = "改訂で名称を変えた分野" })).Redirected);
        var added = await client.SubmitAsync(admin, "addnode", new() { ["kind"] = "Field", ["title"] = "1.1版で新設した分野" });
        Assert.True(added.Redirected, added.Summary);
        var retiredResult = await client.SubmitAsync($"/admin/indicators/{retired}", "delete", []);
        Assert.True(retiredResult.Redirected, retiredResult.Summary);
        var otherInitiative = await InitiativeIdAsync(app, movedInitiative);
        Assert.True((await client.SubmitAsync($"/admin/indicators/{movedIndicator}", "move", new() { ["moveToInitiativeId"] = otherInitiative })).Redirected);
        var newIndicator = await client.SubmitAsync($"{admin}/initiatives/{movedInitiative}", "addindicator", new() { ["indicatorName"] = "1.1版で新設した成果指標" });
        Assert.True(newIndicator.Redirected, newIndicator.Summary);

        // The comparison names each change (staff see the draft).
        var compare = await Html.GetAsync(client, $"/strategy/{Revised}/compare");
        var nodeRows = compare.QuerySelectorAll("#nodes ~ .table-wrap")[0].QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(nodeRows, r => r.Contains("追加", StringComparison.Ordinal) && r.Contains("1.1版で新設した分野", StringComparison.Ordinal));
        Assert.Contains(nodeRows, r => r.Contains("名称変更", StringComparison.Ordinal) && r.Contains("改訂で名称を変えた分野", StringComparison.Ordinal));
        Assert.Contains(nodeRows, r => r.Contains("削除", StringComparison.Ordinal));
        Assert.Contains(nodeRows, r => r.Contains("移動", StringComparison.Ordinal));
        Assert.Equal(4, nodeRows.Count);
        var text = compare.QuerySelector("main")!.TextContent;
        Assert.Contains("成果指標：引き継ぎ 41件（うち定義の変更あり 1件）・新設 1件・廃止 1件", text, StringComparison.Ordinal);
        Assert.Contains(retiredName, compare.QuerySelector("#retired + p + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.1版で新設した成果指標", compare.QuerySelector("#new + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("取組を移動", compare.QuerySelector("#carried ~ .table-wrap")!.TextContent, StringComparison.Ordinal);

        // Publish: the revision becomes current, the plan in force superseded.
        var published = await client.SubmitAsync($"{admin}/publish", null, []);
        Assert.True(published.Redirected, published.Summary);
        Assert.Contains("現行の戦略にしました", published.Done, StringComparison.Ordinal);
        await using (var scope = app.Scope(out var db))
        {
            var statuses = await db.Plans.ToDictionaryAsync(p => p.Key, p => p.Status);
            Assert.Equal(PlanStatus.Current, statuses[Revised]);
            Assert.Equal(PlanStatus.Superseded, statuses[Source]);
            Assert.Equal(PlanStatus.Superseded, statuses["chiba-dx-1.1"]);
        }

        // Enter and publish 令和3年度 in the new version.
        await EnterAndPublishYearAsync(app, client, new FiscalYear(2021));

        var anonymous = app.CreateClient();
        List<(int Id, int? PredecessorId)> revisedIndicators;
        await using (var scope = app.Scope(out var db))
        {
            var planId = (await db.Plans.SingleAsync(p => p.Key == Revised)).Id;
            revisedIndicators = (await IndicatorsOf(db, planId).Select(i => new { i.Id, i.PredecessorId }).ToListAsync()).ConvertAll(i => (i.Id, i.PredecessorId));
        }

        Assert.Equal(42, revisedIndicators.Count);
        foreach (var (id, predecessor) in revisedIndicators)
        {
            var page = await Html.GetAsync(anonymous, $"/indicators/{id}");
            var years = page.QuerySelectorAll("h3[id^=fy-]").Select(h => h.TextContent).ToList();
            var detail = await OpenDataApiTests.GetJsonAsync(anonymous, $"/api/v1/indicators/{id}");
            Assert.Equal([2021], detail.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("fiscalYear").GetInt32()));
            if (predecessor is null)
            {
                Assert.Equal(["令和3年度"], years);
                Assert.Equal(JsonValueKind.Null, detail.GetProperty("predecessorId").ValueKind);
                continue;
            }

            Assert.Equal(2, years.Count);
            Assert.StartsWith("令和2年度", years[0], StringComparison.Ordinal);
            Assert.Contains("1.0版", years[0], StringComparison.Ordinal);
            Assert.StartsWith("令和3年度", years[1], StringComparison.Ordinal);
            Assert.Contains("1.1版", years[1], StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector($"#lineage-title ~ dl a[href='/indicators/{predecessor}']"));
            Assert.Equal(2, page.QuerySelectorAll("#lineage-title ~ .table-wrap tbody tr").Length);
            Assert.Equal(predecessor, detail.GetProperty("predecessorId").GetInt32());
            var earlier = detail.GetProperty("predecessorYears").EnumerateArray().Single();
            Assert.Equal((2020, Source, "1.0", predecessor.Value), (earlier.GetProperty("year").GetProperty("fiscalYear").GetInt32(), earlier.GetProperty("planKey").GetString(), earlier.GetProperty("planVersion").GetString(), earlier.GetProperty("indicatorId").GetInt32()));

            var old = await OpenDataApiTests.GetJsonAsync(anonymous, $"/api/v1/indicators/{predecessor}");
            Assert.Equal([id], old.GetProperty("successorIds").EnumerateArray().Select(s => s.GetInt32()));
        }

        // The retired indicator keeps its own history, with nothing continuing it.
        var retiredPage = await Html.GetAsync(anonymous, $"/indicators/{retiredPredecessor}");
        Assert.Equal(["令和2年度"], retiredPage.QuerySelectorAll("h3[id^=fy-]").Select(h => h.TextContent));
        Assert.Null(retiredPage.QuerySelector("#lineage-title"));
        var retiredJson = await OpenDataApiTests.GetJsonAsync(anonymous, $"/api/v1/indicators/{retiredPredecessor}");
        Assert.Empty(retiredJson.GetProperty("successorIds").EnumerateArray());
    }

    private static async Task EnterAndPublishYearAsync(TestApp app, HttpClient client, FiscalYear fiscalYear)
    {
        int planId;
        await using (var scope = app.Scope(out var db))
        {
            planId = (await db.Plans.SingleAsync(p => p.Key == Revised)).Id;
        }

        var created = await client.SubmitAsync("/admin/cycles", "create", new() { ["planId"] = planId.ToString(CultureInfo.InvariantCulture), ["fiscalYear"] = "令和3年度", ["deadline"] = "2022-05-31" });
        Assert.True(created.Redirected, created.Summary);
        await using (var scope = app.Scope(out var db))
        {
            // The form posted one ticked KPI (the test client sends one value per name); the rest are requested here,
            // and all are entered and approved directly.
            foreach (var indicator in await IndicatorsOf(db, planId).Include(i => i.Reports.Where(r => r.FiscalYear == fiscalYear)).ToListAsync())
            {
                var report = indicator.Reports.SingleOrDefault() ?? new IndicatorReport { FiscalYear = fiscalYear };
                if (report.Id == 0)
                {
                    indicator.Reports.Add(report);
                }

                report.Actual = RecordedValue.From("100件").Value;
                report.Status = "令和3年度の取組状況";
                report.State = ReportState.Approved;
                report.ApprovedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync();
        }

        int cycleId;
        await using (var scope = app.Scope(out var db))
        {
            cycleId = (await db.ReportingCycles.SingleAsync(c => c.PlanId == planId && c.FiscalYear == fiscalYear)).Id;
        }

        foreach (var (from, to) in new[] { ("Draft", "Submitted"), ("Submitted", "Published") })
        {
            var cycles = await Html.GetAsync(client, "/admin/cycles");
            var form = cycles.QuerySelectorAll("main form[method='post']").Single(f =>
                f.QuerySelector("input[name=cycleId]")?.GetAttribute("value") == cycleId.ToString(CultureInfo.InvariantCulture)
                && f.QuerySelector("input[name=to]")?.GetAttribute("value") == to);
            Assert.Equal(from, form.QuerySelector("input[name=from]")!.GetAttribute("value"));
            var result = await client.SubmitAsync(form, "/admin/cycles", []);
            if (!result.Redirected)
            {
                // Publishing asks for confirmation first.
                var confirm = result.Page.QuerySelectorAll("main form[method='post']").Single(f => f.QuerySelector("input[name=confirmed]") is not null);
                result = await client.SubmitAsync(confirm, "/admin/cycles", []);
            }

            Assert.True(result.Redirected, result.Summary);
        }
    }

    private static IQueryable<Indicator> IndicatorsOf(ShinchokuDb db, int planId) =>
        db.Indicators.Where(i => i.Initiative!.PlanId == planId).Include(i => i.Initiative).Include(i => i.Departments).Include(i => i.Targets).Include(i => i.Reports).AsSplitQuery();

    private static string Definition(Indicator i) => string.Join("|",
        i.Initiative!.Key, i.Name, i.Unit, i.Direction, i.Baseline.Text, i.BaselineFiscalYear, i.Order,
        string.Join(",", i.Departments.Select(d => d.Id).Order()),
        string.Join(",", i.Targets.OrderBy(t => t.Kind).Select(t => $"{t.Kind}:{t.FiscalYear}:{t.Value.Text}")));

    private static async Task<List<string>> NodesOf(ShinchokuDb db, int planId) =>
        (await db.PlanNodes.Where(n => n.PlanId == planId).Select(n => new { n.Key, Parent = n.Parent!.Key, n.Kind, n.Label, n.Title, n.Order }).ToListAsync())
            .ConvertAll(n => $"{n.Key}<{n.Parent}:{n.Kind}:{n.Label}:{n.Title}:{n.Order}").Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> PlacementsOf(ShinchokuDb db, int planId) =>
        (await db.InitiativePlacements.Where(p => p.Node!.PlanId == planId).Select(p => new { p.Initiative!.Key, Node = p.Node!.Key, p.IsPrimary, p.Title, p.Order, Players = p.Initiative.Players.Count }).ToListAsync())
            .ConvertAll(p => $"{p.Key}@{p.Node}:{p.IsPrimary}:{p.Title}:{p.Order}:{p.Players}").Order(StringComparer.Ordinal).ToList();

    private static async Task<int> FirstIndicatorIdAsync(TestApp app, string planKey)
    {
        await using var scope = app.Scope(out var db);
        return await db.Indicators.Where(i => i.Initiative!.Plan!.Key == planKey).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
    }

    private static async Task<string> NodeIdAsync(TestApp app, string key)
    {
        await using var scope = app.Scope(out var db);
        return (await db.PlanNodes.SingleAsync(n => n.Plan!.Key == Revised && n.Key == key)).Id.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<int> ParentOfAsync(TestApp app, string key)
    {
        await using var scope = app.Scope(out var db);
        return (await db.PlanNodes.SingleAsync(n => n.Plan!.Key == Revised && n.Key == key)).ParentId!.Value;
    }

    private static async Task<string> InitiativeIdAsync(TestApp app, string key)
    {
        await using var scope = app.Scope(out var db);
        return (await db.Initiatives.SingleAsync(i => i.Plan!.Key == Revised && i.Key == key)).Id.ToString(CultureInfo.InvariantCulture);
    }
}
