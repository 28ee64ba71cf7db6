using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>A whole yearly cycle in a real browser, with axe on its pages and screenshots of the boards and the review page.</summary>
public sealed partial class StaffTests
{
    private const string Value = "64.20%（令和4年12月末現在）";

    [SkippableFact]
    public async Task WholeCycle_OpenEnterSubmitReturnResubmitApprovePublish_TheValueIsPublic()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (adminContext, admin) = await site.NewPageAsync();
        await using var a = adminContext;
        var (editorContext, editor) = await site.NewPageAsync();
        await using var e = editorContext;
        await SignInAsync(admin, "dx-admin");
        await SignInAsync(editor, "zeimu");

        // The DX office opens 令和4年度 of the ICT strategy with a deadline; every KPI is requested.
        await admin.GotoAsync("/admin/cycles");
        await admin.GetByLabel("戦略・計画", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = await IndexOfPlanAsync(admin, "千葉県ICT戦略（前戦略）") });
        await admin.GetByRole(AriaRole.Button, new() { Name = "成果指標を表示する" }).ClickAsync();
        await admin.Locator("#fiscalYear").FillAsync("令和4年度");
        await admin.GetByLabel("提出期限").FillAsync("2023-05-31");
        await AssertNoViolationsAsync(admin, "/admin/cycles (open a cycle)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "作成して報告を依頼する" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("成果指標42件の報告を依頼しました");

        // 税務課 enters and submits its KPI.
        await editor.GotoAsync("/entry");
        var cycle = editor.Locator("section", new() { HasText = "令和4年度" });
        await cycle.GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).ClickAsync();
        await editor.GetByLabel("実績値", new() { Exact = true }).FillAsync(Value);
        await editor.GetByLabel("年度末見込値", new() { Exact = true }).FillAsync("65.00%");
        await editor.GetByLabel("見込値の算出根拠").FillAsync("前年度の伸び。");
        await editor.GetByLabel("取組状況").FillAsync("新車の登録時に案内した。");
        await editor.GetByLabel("今後の取組方針・対策").FillAsync("引き続き案内する。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("提出しました");
        await Assertions.Expect(editor.Locator("#report-state")).ToHaveTextAsync("提出済");
        var entryUrl = editor.Url;

        // The DX office returns it from the cycle board with a reason.
        await admin.GotoAsync("/admin/cycles");
        await admin.GetByRole(AriaRole.Link, new() { Name = "令和4年度 進捗状況" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#department-counts tr[data-department='税務課'] [data-count=Submitted]")).ToHaveTextAsync("1");
        await AssertNoViolationsAsync(admin, "cycle board");
        await ScreenshotAsync(admin, "cycle-board");
        await admin.Locator("section", new() { HasText = "税務課" }).First.GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).ClickAsync();
        await admin.GetByLabel("差戻しの理由").FillAsync("見込値の算出根拠を、月ごとの伸びがわかるように書いてください。");
        await admin.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#report-state")).ToHaveTextAsync("差戻し");
        await AssertNoViolationsAsync(admin, "review page");
        await ScreenshotAsync(admin, "cycle-review");
        var reviewUrl = admin.Url;

        // 税務課 sees the reason on its board and form, fixes and submits again.
        await editor.GotoAsync("/entry");
        await Assertions.Expect(editor.Locator("section", new() { HasText = "令和4年度" }).Locator("tbody tr").First).ToContainTextAsync("差戻し");
        await AssertNoViolationsAsync(editor, "/entry (department board)");
        await ScreenshotAsync(editor, "cycle-entry-board");
        await editor.GotoAsync(entryUrl);
        await Assertions.Expect(editor.Locator("#returned-reason")).ToContainTextAsync("月ごとの伸びがわかるように");
        await AssertNoViolationsAsync(editor, "entry form (returned)");
        await editor.GetByLabel("見込値の算出根拠").FillAsync("4月から12月の伸び（月0.2ポイント）を3か月分加えた。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("提出しました");

        // The DX office approves, moves the year to 確認中 and publishes after the confirmation.
        await admin.GotoAsync(reviewUrl);
        await admin.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#report-state")).ToHaveTextAsync("承認済");
        await admin.GotoAsync("/admin/cycles");
        var row = admin.Locator("tbody tr", new() { HasText = "令和4年度 進捗状況" });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^令和4年度を確認中にする") }).ClickAsync();
        await Assertions.Expect(admin.Locator("#state-confirmation")).ToContainTextAsync("令和4年度「令和4年度 進捗状況」を確認中にしますか");
        await AssertNoViolationsAsync(admin, "/admin/cycles (confirm a step)");
        await admin.Locator("#state-confirmation").GetByRole(AriaRole.Button, new() { Name = "令和4年度を確認中にする" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("確認中");
        await admin.Locator("tbody tr", new() { HasText = "令和4年度 進捗状況" }).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^令和4年度を公表する") }).ClickAsync();
        await Assertions.Expect(admin.Locator("#state-confirmation")).ToContainTextAsync("承認されていない報告 41件");
        await admin.GetByRole(AriaRole.Button, new() { Name = "承認済み1件を公表する" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("公表しました");

        // Anyone now sees the value on the public KPI page.
        var indicatorId = entryUrl.TrimEnd('/').Split('/')[^1];
        var (visitorContext, visitor) = await site.NewPageAsync();
        await using var v = visitorContext;
        await visitor.GotoAsync($"/indicators/{indicatorId}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(Value);
    }

    private static async Task<int> IndexOfPlanAsync(IPage page, string name)
    {
        var options = await page.Locator("#choosePlan option").AllTextContentsAsync();
        return options.ToList().FindIndex(o => o.StartsWith(name, StringComparison.Ordinal));
    }
}
