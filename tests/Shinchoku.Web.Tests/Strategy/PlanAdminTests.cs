using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Strategy;

/// <summary>Registering plans, changing them, and making one current.</summary>
public class PlanAdminTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CreatePlan_AppearsInTheListAndOpensItsTree(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");

        var result = await client.SubmitAsync("/admin/plans", "create", new()
        {
            ["name"] = "千葉県デジタル・トランスフォーメーション推進戦略",
            ["key"] = "chiba-dx-1.2",
            ["versionLabel"] = "第１．２版",
            ["issuedLabel"] = "令和9年3月",
            ["status"] = "Draft",
        });

        Assert.True(result.Redirected);
        Assert.Equal("/admin/plans/chiba-dx-1.2", result.Location);
        Assert.Contains("1.2版", result.Done, StringComparison.Ordinal);
        Assert.Contains("まだ項目がありません", result.Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var list = await Html.GetAsync(client, "/admin/plans");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("chiba-dx-1.2", StringComparison.Ordinal));
        Assert.Contains("1.2版", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("策定中", row.TextContent, StringComparison.Ordinal);
        // A draft is not public.
        using var anonymous = await app.CreateClient().GetAsync(new Uri("/strategy/chiba-dx-1.2", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task CreatePlan_WithMistakes_NamesEachFieldAndKeepsWhatWasTyped()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");

        var result = await client.SubmitAsync("/admin/plans", "create", new()
        {
            ["name"] = "新しい戦略",
            ["key"] = "chiba-dx-1.1",
            ["versionLabel"] = "一・二版",
            ["issuedLabel"] = "令和9年3月",
            ["status"] = "Current",
        });

        result.AssertFieldError("key", "「千葉県デジタル・トランスフォーメーション推進戦略」で既に使われています");
        result.AssertFieldError("versionLabel", "「一・二版」は版の表記（例: 1.1版）として読み取れません");
        Assert.Equal("新しい戦略", result.Page.ValueOf("name"));
        Assert.Equal("一・二版", result.Page.ValueOf("versionLabel"));
        Assert.Equal("令和9年3月", result.Page.ValueOf("issuedLabel"));
        Assert.True(result.Page.GetElementById("status-Current")!.HasAttribute("checked"));

        var ascii = await client.SubmitAsync("/admin/plans", "create", new() { ["name"] = "新しい戦略", ["key"] = "千葉DX", ["versionLabel"] = "1.2" });
        ascii.AssertFieldError("key", "半角の英小文字・数字");
        await using var scope = app.Scope(out var db);
        Assert.Equal(2, await db.Plans.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task MakeCurrent_SupersedesThePreviousCurrentPlan(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        await client.SubmitAsync("/admin/plans", "create", new() { ["name"] = "千葉県DX推進戦略", ["key"] = "chiba-dx-1.2", ["versionLabel"] = "1.2版", ["status"] = "Draft" });

        var list = await Html.GetAsync(client, "/admin/plans");
        var form = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("chiba-dx-1.2", StringComparison.Ordinal)).QuerySelector("form")!;
        var result = await client.SubmitAsync(form, "/admin/plans", []);

        Assert.Contains("現行の戦略にしました", result.Done, StringComparison.Ordinal);
        Assert.Contains("改訂前になりました", result.Done, StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        var statuses = await db.Plans.ToDictionaryAsync(p => p.Key, p => p.Status);
        Assert.Equal(PlanStatus.Current, statuses["chiba-dx-1.2"]);
        Assert.Equal(PlanStatus.Superseded, statuses["chiba-dx-1.1"]);
        Assert.Single(statuses.Values, s => s == PlanStatus.Current);
        var home = await Html.GetAsync(app.CreateClient(), "/strategy");
        Assert.Contains("千葉県DX推進戦略", home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPlan_SavesAndRefusesAStaleForm()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var stale = await Html.GetAsync(client, "/admin/plans/chiba-dx-1.1/edit");
        Assert.Null(stale.GetElementById("key")); // the key of a public plan is fixed

        var saved = await client.SubmitAsync("/admin/plans/chiba-dx-1.1/edit", null, new() { ["issuedLabel"] = "令和8年3月（改訂）" });
        Assert.True(saved.Redirected);
        Assert.Contains("令和8年3月（改訂）", saved.Page.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        // A second administrator who opened the form before that save does not silently overwrite it.
        var conflict = await client.SubmitAsync(AdminForms.FindForm(stale, null)!, "/admin/plans/chiba-dx-1.1/edit", new() { ["name"] = "別の名称" });
        Assert.False(conflict.Redirected);
        Assert.Contains("ほかの人が変更しました", conflict.Summary, StringComparison.Ordinal);
        Assert.Contains("令和8年3月（改訂）", conflict.Page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("別の名称", conflict.Page.ValueOf("name"));

        // Saving again, having seen the other version, overwrites it.
        var again = await client.SubmitAsync(AdminForms.FindForm(conflict.Page, null)!, "/admin/plans/chiba-dx-1.1/edit", []);
        Assert.True(again.Redirected);
        await using var scope = app.Scope(out var db);
        Assert.Equal("別の名称", (await db.Plans.SingleAsync(p => p.Key == "chiba-dx-1.1")).Name);
    }
}
