using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Reporting;

/// <summary>Reporting cycles: created for a plan and fiscal year, moved through 入力中 → 確認中 → 公表済み and back.</summary>
public class CycleAdminTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 1, 30, 0, TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CreateCycle_ReadsTheFiscalYearAsPeopleWriteIt(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        var planId = await PlanIdAsync(app, "chiba-dx-1.1");

        var created = await client.SubmitAsync("/admin/cycles", "create", new() { ["planId"] = planId, ["fiscalYear"] = "R8", ["title"] = "", ["deadline"] = "2027-05-31" });

        Assert.True(created.Redirected);
        Assert.Contains("令和8年度の報告「令和8年度 進捗状況」を作成しました", created.Done, StringComparison.Ordinal);
        var row = created.Page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("令和8年度 進捗状況", StringComparison.Ordinal));
        Assert.Equal("令和8年度", row.QuerySelector("td")!.TextContent);
        Assert.Contains("入力中", row.TextContent, StringComparison.Ordinal);

        var duplicate = await client.SubmitAsync("/admin/cycles", "create", new() { ["planId"] = planId, ["fiscalYear"] = "2026年度", ["title"] = "重複" });
        duplicate.AssertFieldError("fiscalYear", "令和8年度の報告は既にあります");
        Assert.Equal("重複", duplicate.Page.ValueOf("title"));
    }

    [Fact]
    public async Task CreateCycle_WithAnUnreadableYear_ShowsCoresMessage()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var planId = await PlanIdAsync(app, "chiba-dx-1.1");

        var result = await client.SubmitAsync("/admin/cycles", "create", new() { ["planId"] = planId, ["fiscalYear"] = "来年度", ["title"] = "令和9年度 進捗状況" });

        result.AssertFieldError("fiscalYear", "「来年度」を年度として読み取れません");
        Assert.Equal("来年度", result.Page.ValueOf("fiscalYear"));
        Assert.Equal(planId, result.Page.ValueOf("planId"));
        Assert.Equal("令和9年度 進捗状況", result.Page.ValueOf("title"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ChangeState_PublishSetsTheTime_AndWithdrawingHidesTheReport(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var baseApp = new TestApp(provider);
        using var app = baseApp.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now))));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using (var signIn = await client.PostFormAsync("/account/login", new() { ["userName"] = "dx-admin", ["password"] = Shinchoku.Web.Accounts.DemoAccounts.Password }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var planId = await PlanIdAsync(baseApp, "chiba-dx-1.1");
        await client.SubmitAsync("/admin/cycles", "create", new() { ["planId"] = planId, ["fiscalYear"] = "令和7年度", ["title"] = "令和7年度 進捗状況（DX戦略）", ["deadline"] = "2026-05-31" });

        var submitted = await StepAsync(client, "令和7年度 進捗状況（DX戦略）", "令和7年度を確認中にする");
        Assert.Contains("確認中", Row(submitted, "令和7年度 進捗状況（DX戦略）").TextContent, StringComparison.Ordinal);

        var published = await StepAsync(client, "令和7年度 進捗状況（DX戦略）", "令和7年度を公表する");
        Assert.Contains("公表しました", published.Done, StringComparison.Ordinal);
        Assert.Contains("2026年6月1日 10:30 公表", Row(published, "令和7年度 進捗状況（DX戦略）").TextContent, StringComparison.Ordinal);
        await using (var scope = baseApp.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Title == "令和7年度 進捗状況（DX戦略）");
            Assert.Equal(PublicationState.Published, cycle.State);
            Assert.Equal(Now, cycle.PublishedAt);
        }

        var plans = await Html.GetAsync(baseApp.CreateClient(), "/strategy/plans");
        Assert.Contains("令和7年度 進捗状況（DX戦略）", plans.Body!.TextContent, StringComparison.Ordinal);

        var withdrawn = await StepAsync(client, "令和7年度 進捗状況（DX戦略）", "令和7年度の公表を取り消す");
        Assert.Contains("公表を取り消し", withdrawn.Done, StringComparison.Ordinal);
        plans = await Html.GetAsync(baseApp.CreateClient(), "/strategy/plans");
        Assert.DoesNotContain("令和7年度 進捗状況（DX戦略）", plans.Body!.TextContent, StringComparison.Ordinal);
        await using (var scope = baseApp.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.Title == "令和7年度 進捗状況（DX戦略）");
            Assert.Equal(PublicationState.Submitted, cycle.State);
            Assert.Null(cycle.PublishedAt);
        }

        var draft = await StepAsync(client, "令和7年度 進捗状況（DX戦略）", "令和7年度を入力中に戻す");
        Assert.Contains("入力中", Row(draft, "令和7年度 進捗状況（DX戦略）").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeState_FromAStalePage_IsRefused()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        await client.SubmitAsync("/admin/cycles", "create", new() { ["planId"] = await PlanIdAsync(app, "chiba-dx-1.1"), ["fiscalYear"] = "令和7年度", ["title"] = "R7", ["deadline"] = "2026-05-31" });
        var stale = await Html.GetAsync(client, "/admin/cycles");
        await StepAsync(client, "R7", "令和7年度を確認中にする");

        var again = await client.SubmitAsync(Button(stale, "R7", "令和7年度を確認中にする"), "/admin/cycles", []);

        Assert.False(again.Redirected);
        Assert.Contains("ほかの人が既に「確認中」に変更しています", again.Summary, StringComparison.Ordinal);
    }

    private static async Task<Submitted> StepAsync(HttpClient client, string title, string action)
    {
        var page = await Html.GetAsync(client, "/admin/cycles");
        var result = await client.SubmitAsync(Button(page, title, action), "/admin/cycles", []);
        // Every step asks first, naming the year; nothing changes until it is confirmed.
        Assert.False(result.Redirected, result.Summary);
        var confirmation = result.Page.GetElementById("state-confirmation")!;
        Assert.Contains(Row(page, title).QuerySelector("td")!.TextContent, confirmation.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        result = await client.SubmitAsync(confirmation.QuerySelector("form")!, "/admin/cycles", []);
        Assert.True(result.Redirected, result.Summary);
        return result;
    }

    private static AngleSharp.Dom.IElement Button(AngleSharp.Dom.IDocument page, string title, string action) =>
        Row(page, title).QuerySelectorAll("form").Single(f => f.QuerySelector("button")!.TextContent.StartsWith(action, StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement Row(Submitted result, string title) => Row(result.Page, title);

    private static AngleSharp.Dom.IElement Row(AngleSharp.Dom.IDocument page, string title) =>
        page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelectorAll("td")[1].TextContent == title);

    private static async Task<string> PlanIdAsync(TestApp app, string key)
    {
        await using var scope = app.Scope(out var db);
        return (await db.Plans.SingleAsync(p => p.Key == key)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
