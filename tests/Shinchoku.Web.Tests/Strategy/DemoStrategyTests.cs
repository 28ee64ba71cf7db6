using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Strategy;

/// <summary>The demo data against the strategy document (千葉県DX推進戦略 1.1版), counted from what the app loaded.</summary>
[Collection(DemoAppsGroup.Name)]
public class DemoStrategyTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DemoData_LoadsTheWholeStrategyTree(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        await using var scope = app.Scope(out var db);
        var plan = await db.Plans.Include(p => p.Organization).SingleAsync(p => p.Status == PlanStatus.Current);
        Assert.Equal("千葉県", plan.Organization!.Name);
        Assert.Equal("120006", plan.Organization.Code);
        Assert.Equal("1.1", plan.VersionLabel);

        var nodes = await db.PlanNodes.Where(n => n.PlanId == plan.Id).ToListAsync();
        int Count(NodeKind kind, bool topLevel = true) => nodes.Count(n => n.Kind == kind && (!topLevel || n.ParentId is null));
        Assert.Equal(1, Count(NodeKind.Vision));
        Assert.Equal(3, Count(NodeKind.Aim));
        Assert.Equal(4, Count(NodeKind.Area));
        Assert.Equal(18, Count(NodeKind.Field, topLevel: false));
        Assert.Equal(3, Count(NodeKind.Direction));
        Assert.Equal(3, Count(NodeKind.Pillar));
        Assert.Equal(4, Count(NodeKind.PointToKeepInMind));
        Assert.All(nodes.Where(n => n.Kind == NodeKind.Field), f => Assert.Equal(NodeKind.Area, nodes.Single(n => n.Id == f.ParentId).Kind));

        var placements = await db.InitiativePlacements.Where(p => p.Node!.PlanId == plan.Id).Include(p => p.Node).ToListAsync();
        Assert.Equal(67, placements.Count);
        Assert.Equal(4, placements.Count(p => !p.IsPrimary));
        Assert.All(placements, p => Assert.Equal(NodeKind.Field, p.Node!.Kind));

        // A 【再掲】 is the same initiative listed a second time, under another field.
        var initiatives = await db.Initiatives.Where(i => i.PlanId == plan.Id).Include(i => i.Placements).ToListAsync();
        Assert.Equal(63, initiatives.Count);
        Assert.All(initiatives, i => Assert.Single(i.Placements, p => p.IsPrimary));
        var reposted = initiatives.Where(i => i.Placements.Count > 1).ToList();
        Assert.Equal(4, reposted.Count);
        Assert.All(reposted, i => Assert.NotEqual(i.Placements[0].NodeId, i.Placements[1].NodeId));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DemoData_KeepsEveryRowOfTheR2ReportAsWritten(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        await using var scope = app.Scope(out var db);
        var rows = ReportRows();
        var indicators = await db.Indicators.Include(i => i.Reports).Include(i => i.Targets).OrderBy(i => i.Order).ToListAsync();

        Assert.Equal(rows.Count, indicators.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var indicator = indicators[i];
            Assert.StartsWith(row.GetProperty("indicator").GetString()!, indicator.Name, StringComparison.Ordinal);
            Assert.Equal(row.GetProperty("baseline").GetString(), indicator.Baseline.Text);
            // The open 令和3年度 has a requested, still empty report beside it.
            var report = Assert.Single(indicator.Reports, r => r.FiscalYear == new FiscalYear(2020));
            Assert.Equal(row.GetProperty("actual").GetString(), report.Actual.Text);
            Assert.Equal(row.GetProperty("projection").GetString(), report.Projection.Text);
            Assert.Equal(row.GetProperty("printedTrend").GetString(), report.PrintedTrend);
            Assert.Equal(row.GetProperty("finalTarget").GetString(), indicator.Targets.Single(t => t.Kind == Shinchoku.Web.Indicators.TargetKind.Final).Value.Text);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task StrategyPage_ShowsTheTreeWithEveryPlacement(DatabaseProvider provider)
    {
        var client = apps.For(provider).CreateClient();
        var page = await Html.GetAsync(client, "/strategy");

        Assert.Equal("千葉県デジタル・トランスフォーメーション推進戦略", page.QuerySelector("h1")!.TextContent.Trim());
        var initiativeLinks = page.QuerySelectorAll("a[href*='/initiatives/']");
        Assert.Equal(67, initiativeLinks.Length);
        Assert.Equal(4, page.QuerySelectorAll(".tag-repost").Length);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Contains("危機管理", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task InitiativePage_ShowsEveryPlaceItIsListed(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        string key;
        await using (var scope = app.Scope(out var db))
        {
            key = await db.Initiatives.Where(i => i.Plan!.Status == PlanStatus.Current && i.Placements.Count > 1).Select(i => i.Key).FirstAsync();
        }

        var page = await Html.GetAsync(app.CreateClient(), $"/strategy/chiba-dx-1.1/initiatives/{key}");
        var places = page.QuerySelectorAll("h2 + ul > li").Where(li => li.ParentElement!.PreviousElementSibling!.TextContent == "掲載箇所").ToList();
        Assert.Equal(2, places.Count);
        Assert.Single(places, li => li.QuerySelector(".tag-repost") is not null);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task NodePages_ExistForEveryNode(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        List<string> keys;
        await using (var scope = app.Scope(out var db))
        {
            keys = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-dx-1.1").Select(n => n.Key).ToListAsync();
        }

        var client = app.CreateClient();
        foreach (var key in keys)
        {
            var page = await Html.GetAsync(client, $"/strategy/chiba-dx-1.1/nodes/{key}");
            Assert.NotNull(page.QuerySelector("h1"));
        }
    }

    internal static List<JsonElement> ReportRows()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "DemoData", "r2-progress-report.json"));
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone())];
    }
}
