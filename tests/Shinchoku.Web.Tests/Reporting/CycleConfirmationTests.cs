using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Reporting;

/// <summary>
/// The year-status buttons name their year and change nothing on one click: each step is confirmed on a page the
/// server renders (no script needed), and publication says plainly what the public pages will show.
/// </summary>
public class CycleConfirmationTests
{
    [Fact]
    public async Task EveryStep_NamesTheYear_AndWaitsForConfirmation_PublicationSaysWhatThePublicWillSee()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var admin = await app.SignedInClientAsync("dx-admin");
        int cycleId, kpis;
        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.State == PublicationState.Draft);
            cycleId = cycle.Id;
            kpis = await db.Indicators.CountAsync(i => i.Initiative!.PlanId == cycle.PlanId);
        }

        var list = await Html.GetAsync(admin, "/admin/cycles");
        var buttons = list.QuerySelectorAll("tbody button").Select(b => b.TextContent).ToList();
        Assert.Contains(buttons, b => b.StartsWith("令和3年度を確認中にする", StringComparison.Ordinal));
        Assert.Contains(buttons, b => b.StartsWith("令和2年度の公表を取り消す", StringComparison.Ordinal));

        // One click asks; nothing has changed yet.
        var asked = await admin.SubmitAsync(Form(list, "令和3年度を確認中にする"), "/admin/cycles", []);
        Assert.False(asked.Redirected);
        var confirmation = asked.Page.GetElementById("state-confirmation")!;
        Assert.Equal("令和3年度「令和3年度 進捗状況」を確認中にしますか", confirmation.QuerySelector("h2")!.TextContent);
        Assert.Equal("令和3年度を確認中にする", confirmation.QuerySelector("form button")!.TextContent);
        Assert.Equal(PublicationState.Draft, await StateAsync(app, cycleId));

        var confirmed = await admin.SubmitAsync(confirmation.QuerySelector("form")!, "/admin/cycles", []);
        Assert.True(confirmed.Redirected, confirmed.Summary);
        Assert.Equal(PublicationState.Submitted, await StateAsync(app, cycleId));

        // Publishing with nothing approved: the public pages switch to 令和3年度, and say so for every KPI.
        list = await Html.GetAsync(admin, "/admin/cycles");
        asked = await admin.SubmitAsync(Form(list, "令和3年度を公表する"), "/admin/cycles", []);
        var text = asked.Page.GetElementById("state-confirmation")!.TextContent;
        Assert.Contains($"公表すると、公開ページは令和3年度の表示に切り替わります。承認済みの報告は{kpis}件中0件です。残りの{kpis}件は「この年度の報告なし」と表示されます。", text, StringComparison.Ordinal);
        Assert.Contains("令和2年度までの表示は、各ページの「表示する年度」で引き続き選べます。", text, StringComparison.Ordinal);
        Assert.Equal(PublicationState.Submitted, await StateAsync(app, cycleId));

        // Going back a step is asked too.
        asked = await admin.SubmitAsync(Form(list, "令和3年度を入力中に戻す"), "/admin/cycles", []);
        Assert.Equal("令和3年度「令和3年度 進捗状況」を入力中に戻しますか", asked.Page.GetElementById("state-confirmation")!.QuerySelector("h2")!.TextContent);
        Assert.Equal(PublicationState.Submitted, await StateAsync(app, cycleId));

        // Withdrawing 令和2年度 says what disappears.
        asked = await admin.SubmitAsync(Form(list, "令和2年度の公表を取り消す"), "/admin/cycles", []);
        Assert.Contains("令和2年度の値と評価は公開ページとオープンデータに表示されなくなります", asked.Page.GetElementById("state-confirmation")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2021, "確認中にする", "令和3年度を確認中にする")]
    [InlineData(2021, "入力中に戻す", "令和3年度を入力中に戻す")]
    [InlineData(2019, "公表する", "令和元年度を公表する")]
    [InlineData(2020, "公表を取り消す（確認中に戻す）", "令和2年度の公表を取り消す（確認中に戻す）")]
    public void ActionLabel_NamesTheYear(int fiscalYear, string action, string expected) =>
        Assert.Equal(expected, CyclesModel.ActionLabel(new Core.Time.FiscalYear(fiscalYear), action));

    private static AngleSharp.Dom.IElement Form(AngleSharp.Dom.IDocument page, string button) =>
        page.QuerySelectorAll("tbody form").Single(f => f.QuerySelector("button")!.TextContent.StartsWith(button, StringComparison.Ordinal));

    private static async Task<PublicationState> StateAsync(TestApp app, int cycleId)
    {
        await using var scope = app.Scope(out var db);
        return (await db.ReportingCycles.AsNoTracking().SingleAsync(c => c.Id == cycleId)).State;
    }
}
