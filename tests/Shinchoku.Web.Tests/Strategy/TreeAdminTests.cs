using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Strategy;

/// <summary>Editing a plan's tree: nodes, initiatives, 【再掲】 placements.</summary>
public class TreeAdminTests
{
    private const string Plan = "/admin/plans/chiba-dx-1.1";

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task BuildATree_NodeThenInitiativeThenRepost_ShowsOnThePublicPage(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        int areaId;
        await using (var scope = app.Scope(out var db))
        {
            areaId = (await db.PlanNodes.SingleAsync(n => n.Key == "area-kurashi")).Id;
        }

        var added = await client.SubmitAsync(Plan, "addnode", new()
        {
            ["parentId"] = areaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = "Field",
            ["label"] = "⑥",
            ["title"] = "防災DX",
            ["body"] = "災害情報をリアルタイムで共有します。",
            ["position"] = "1",
        });
        Assert.True(added.Redirected);
        Assert.Contains("「⑥ 防災DX」を追加しました", added.Done, StringComparison.Ordinal);
        var nodeLink = added.Page.QuerySelectorAll("main .tree a").First(a => a.TextContent.Contains("⑥ 防災DX", StringComparison.Ordinal));
        var nodeUrl = nodeLink.GetAttribute("href")!;
        Assert.StartsWith(Plan + "/nodes/node-", nodeUrl, StringComparison.Ordinal);
        // Position 1 puts it first among the area's fields.
        var area = added.Page.GetElementById("node-area-kurashi")!;
        Assert.Contains("⑥ 防災DX", area.QuerySelector("ul > li")!.TextContent, StringComparison.Ordinal);

        var initiative = await client.SubmitAsync(nodeUrl, "addinitiative", new() { ["initiativeTitle"] = "避難所の混雑状況の見える化", ["initiativeBody"] = "" });
        Assert.True(initiative.Redirected);
        var initiativeUrl = initiative.Page.QuerySelectorAll("#placements ~ ol a").Single(a => a.TextContent == "避難所の混雑状況の見える化").GetAttribute("href")!;

        int fieldId;
        await using (var scope = app.Scope(out var db))
        {
            fieldId = (await db.PlanNodes.SingleAsync(n => n.Key == "field-kurashi-1")).Id;
        }

        var reposted = await client.SubmitAsync(initiativeUrl, "repost", new() { ["repostNodeId"] = fieldId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["repostTitle"] = "避難所の見える化" });
        Assert.True(reposted.Redirected);
        Assert.Contains("【再掲】しました", reposted.Done, StringComparison.Ordinal);

        var strategy = await Html.GetAsync(app.CreateClient(), "/strategy");
        var repost = strategy.QuerySelectorAll(".tree li").Where(li => li.QuerySelector(":scope > a")?.TextContent == "避難所の見える化").Single();
        Assert.Contains("再掲", repost.TextContent, StringComparison.Ordinal);
        Assert.Contains("避難所の混雑状況の見える化", strategy.Body!.TextContent, StringComparison.Ordinal);

        // The same node twice is refused, with the reason.
        var twice = await client.SubmitAsync(initiativeUrl, "repost", new() { ["repostNodeId"] = fieldId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        twice.AssertFieldError("repostNodeId", "既に");

        // Removing the 【再掲】 leaves the initiative in its primary place.
        var page = await Html.GetAsync(client, initiativeUrl);
        var remove = page.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").EndsWith("handler=removeplacement", StringComparison.Ordinal));
        var removed = await client.SubmitAsync(remove, initiativeUrl, []);
        Assert.Contains("【再掲】を取り消しました", removed.Done, StringComparison.Ordinal);
        await using (var scope = app.Scope(out var db))
        {
            var placements = await db.InitiativePlacements.Where(p => p.Initiative!.Title == "避難所の混雑状況の見える化").ToListAsync();
            Assert.Single(placements, p => p.IsPrimary);
            Assert.Single(placements);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DeleteNode_WithChildrenOrInitiatives_IsRefusedWithTheReason(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");

        var area = await client.SubmitAsync(Plan + "/nodes/area-kurashi", "delete", []);
        Assert.False(area.Redirected);
        Assert.Contains("下の項目が6件", area.Summary, StringComparison.Ordinal);
        Assert.Contains("削除できません", area.Summary, StringComparison.Ordinal);

        var field = await client.SubmitAsync(Plan + "/nodes/field-kurashi-1", "delete", []);
        Assert.Contains("取組が", field.Summary, StringComparison.Ordinal);
        Assert.Contains("削除できません", field.Summary, StringComparison.Ordinal);

        await using var scope = app.Scope(out var db);
        Assert.True(await db.PlanNodes.AnyAsync(n => n.Key == "field-kurashi-1"));
    }

    [Fact]
    public async Task DeleteNode_Empty_IsRemovedAndSiblingsKeepTheirOrder()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var added = await client.SubmitAsync(Plan, "addnode", new() { ["parentId"] = "", ["kind"] = "Pillar", ["title"] = "一時的な柱", ["position"] = "2" });
        var url = added.Page.QuerySelectorAll("main .tree a").First(a => a.TextContent == "一時的な柱").GetAttribute("href")!;

        var deleted = await client.SubmitAsync(url, "delete", []);

        Assert.True(deleted.Redirected);
        Assert.Contains("「一時的な柱」を削除しました", deleted.Done, StringComparison.Ordinal);
        Assert.DoesNotContain("一時的な柱", deleted.Page.QuerySelector(".tree")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        var roots = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-dx-1.1" && n.ParentId == null).OrderBy(n => n.Order).Select(n => n.Order).ToListAsync();
        Assert.Equal(Enumerable.Range(0, roots.Count), roots);
    }

    [Fact]
    public async Task MoveNode_UnderAnotherParent_AndNeverBelowItself()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        int shigoto, kurashi1;
        await using (var scope = app.Scope(out var db))
        {
            shigoto = (await db.PlanNodes.SingleAsync(n => n.Key == "area-shigoto")).Id;
            kurashi1 = (await db.PlanNodes.SingleAsync(n => n.Key == "field-kurashi-1")).Id;
        }

        var below = await client.SubmitAsync(Plan + "/nodes/area-kurashi", null, new() { ["parentId"] = kurashi1.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.False(below.Redirected);
        Assert.Contains("それ自身やその下の項目", below.Summary, StringComparison.Ordinal);

        var moved = await client.SubmitAsync(Plan + "/nodes/field-kurashi-1", null, new() { ["parentId"] = shigoto.ToString(System.Globalization.CultureInfo.InvariantCulture), ["title"] = "危機管理（移動）" });
        Assert.True(moved.Redirected);
        await using (var scope = app.Scope(out var db))
        {
            var node = await db.PlanNodes.Include(n => n.Parent).SingleAsync(n => n.Key == "field-kurashi-1");
            Assert.Equal(shigoto, node.ParentId);
            Assert.Equal("危機管理（移動）", node.Title);
            var oldSiblings = await db.PlanNodes.Where(n => n.Parent!.Key == "area-kurashi").OrderBy(n => n.Order).Select(n => n.Order).ToListAsync();
            Assert.Equal(Enumerable.Range(0, oldSiblings.Count), oldSiblings);
        }
    }

    [Fact]
    public async Task AddUnderANode_FromItsPage_PreselectsTheParentAndKind()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var nodePage = await Html.GetAsync(client, Plan + "/nodes/area-kurashi");
        var link = nodePage.QuerySelectorAll("main a").Single(a => a.TextContent == "この項目の下に項目を追加する").GetAttribute("href")!;

        var page = await Html.GetAsync(client, link);

        Assert.Contains("暮らし", page.QuerySelector("#parentId option[selected]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Field", page.ValueOf("kind"));
    }

    [Fact]
    public async Task AddNode_WithoutTitleOrWithABadPosition_KeepsWhatWasTyped()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");

        var result = await client.SubmitAsync(Plan, "addnode", new() { ["kind"] = "Aim", ["label"] = "４", ["title"] = " ", ["body"] = "本文の下書き", ["position"] = "最初" });

        result.AssertFieldError("title", "名称を入力してください");
        result.AssertFieldError("position", "1以上の数字");
        Assert.Equal("Aim", result.Page.ValueOf("kind"));
        Assert.Equal("４", result.Page.ValueOf("label"));
        Assert.Equal("本文の下書き", result.Page.ValueOf("body"));
        Assert.Equal("最初", result.Page.ValueOf("position"));
    }

    [Fact]
    public async Task EditInitiative_ChangesItsTitleEverywhereItIsListed()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        string key;
        await using (var scope = app.Scope(out var db))
        {
            key = await db.Initiatives.Where(i => i.Plan!.Key == "chiba-dx-1.1" && i.Placements.Count > 1 && i.Placements.All(p => p.Title == null)).Select(i => i.Key).FirstAsync();
        }

        var url = $"{Plan}/initiatives/{key}";
        var empty = await client.SubmitAsync(url, null, new() { ["title"] = "", ["body"] = "内容だけ変更" });
        empty.AssertFieldError("title", "取組の名称を入力してください");
        Assert.Equal("内容だけ変更", empty.Page.ValueOf("body"));

        var saved = await client.SubmitAsync(url, null, new() { ["title"] = "新しい取組名" });
        Assert.True(saved.Redirected);
        var strategy = await Html.GetAsync(app.CreateClient(), "/strategy");
        Assert.Equal(2, strategy.QuerySelectorAll(".tree a").Count(a => a.TextContent == "新しい取組名"));
    }
}
