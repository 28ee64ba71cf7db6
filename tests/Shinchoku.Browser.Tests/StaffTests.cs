using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>Signed-in work in a real browser: entering a KPI with a typo, a refused department, two people saving at once, and axe on every staff page.</summary>
[Collection(SiteDefinition.Name)]
public sealed partial class StaffTests(SiteFixture site)
{
    private const string Password = "shinchoku-demo";

    [SkippableFact]
    public async Task Editor_EntersATypo_SeesTheMessage_CorrectsIt_AndSeesTheComputedMark()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "zeimu");

        await page.GotoAsync("/entry");
        await OpenCycle(page).GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).ClickAsync();
        await page.GetByLabel("実績値", new() { Exact = true }).FillAsync("延15,3728件");
        await page.GetByLabel("年度末見込値", new() { Exact = true }).FillAsync("63.00%");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("桁区切り");
        await Assertions.Expect(page.GetByLabel("実績値", new() { Exact = true })).ToHaveValueAsync("延15,3728件");
        await Assertions.Expect(page.GetByLabel("実績値", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(page, "entry-error");

        await page.GetByLabel("実績値", new() { Exact = true }).FillAsync("62.10%（令和3年12月末現在）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("保存しました");
        await Assertions.Expect(page.Locator("#computed-marks [data-mark=rating]")).ToHaveTextAsync("◎");
        await Assertions.Expect(page.Locator("#computed-marks [data-mark=trend]")).ToHaveTextAsync("↗");
    }

    [SkippableFact]
    public async Task Editor_OpeningAnotherDepartmentsKpi_IsRefused()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "kenkei");
        await page.GotoAsync("/entry");
        var own = await OpenCycle(page).GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).GetAttributeAsync("href");
        var cycle = own!.Split('/')[2];

        // Indicator ids of the demo data start at 1; the first belongs to no editor's department.
        var response = await page.GotoAsync($"/entry/{cycle}/1");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("権限がありません");
    }

    [SkippableFact]
    public async Task TwoPeopleSavingTheSameKpi_TheSecondSeesBothVersions_AndNothingIsLost()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (editorContext, editor) = await site.NewPageAsync();
        await using var a = editorContext;
        var (adminContext, admin) = await site.NewPageAsync();
        await using var b = adminContext;
        await SignInAsync(editor, "kenkei");
        await SignInAsync(admin, "dx-admin");

        await editor.GotoAsync("/entry");
        var url = await OpenCycle(editor).GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).GetAttributeAsync("href");
        await editor.GotoAsync(url!);
        await admin.GotoAsync(url!);

        await editor.GetByLabel("取組状況", new() { Exact = true }).FillAsync("県警が入力した取組状況");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("保存しました");

        await admin.GetByLabel("取組状況", new() { Exact = true }).FillAsync("DX推進課が入力した取組状況");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        var conflict = admin.Locator(".conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("先にこの成果指標を保存しました");
        await Assertions.Expect(conflict.Locator("[data-version=theirs]", new() { HasText = "県警が入力した取組状況" })).ToHaveCountAsync(1);
        await Assertions.Expect(conflict.Locator("[data-version=mine]", new() { HasText = "DX推進課が入力した取組状況" })).ToHaveCountAsync(1);
        await Assertions.Expect(admin.GetByLabel("取組状況", new() { Exact = true })).ToHaveValueAsync("DX推進課が入力した取組状況");
        await ScreenshotAsync(admin, "entry-conflict");

        // The first save is what is stored until the second person decides.
        await editor.ReloadAsync();
        await Assertions.Expect(editor.GetByLabel("取組状況", new() { Exact = true })).ToHaveValueAsync("県警が入力した取組状況");
    }

    [SkippableTheory]
    [InlineData("dx-admin", "/entry")]
    [InlineData("dx-admin", "/admin")]
    [InlineData("dx-admin", "/admin/indicators")]
    [InlineData("dx-admin", "/admin/plans")]
    [InlineData("dx-admin", "/admin/departments")]
    [InlineData("dx-admin", "/admin/users")]
    [InlineData("dx-admin", "/admin/cycles")]
    [InlineData("dx-admin", "/council")]
    [InlineData("dx-admin", "/council/edit")]
    [InlineData("dx-admin", "/admin/mail")]
    [InlineData("zeimu", "/entry")]
    [InlineData("viewer", "/strategy")]
    [InlineData("expert", "/account/logout")]
    public async Task StaffPage_HasNoWcag21AaViolations(string user, string path)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, user);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await AssertNoViolationsAsync(page, $"{path} as {user}");

        // And every page one link further inside the administration (a plan's tree, an indicator, an override).
        if (path is "/admin/indicators" or "/admin/plans")
        {
            var next = await page.Locator("main table a").First.GetAttributeAsync("href");
            await page.GotoAsync(next!);
            await AssertNoViolationsAsync(page, $"{next} as {user}");
        }
    }

    [SkippableFact]
    public async Task EntryFormWithErrors_AndOverridePage_HaveNoWcag21AaViolations()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "dx-admin");
        await page.GotoAsync("/entry");
        await OpenCycle(page).GetByRole(AriaRole.Link, new() { NameRegex = OneStop() }).ClickAsync();
        await page.GetByLabel("実績値", new() { Exact = true }).FillAsync("1.2.3%");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "entry form with errors");

        await page.GotoAsync("/admin/indicators");
        await page.Locator("main table td a[href*='/overrides/']").First.ClickAsync();
        await AssertNoViolationsAsync(page, page.Url);
    }

    /// <summary>Full-page screenshots at 1280 and 360 px into the screenshots folder, for people to look at.</summary>
    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotDir, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    internal static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザー名").FillAsync(user);
        await page.GetByLabel("パスワード").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(user);
    }

    internal static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, AccessibilityTests.Describe(what, result.Violations));
    }

    [GeneratedRegex("^ワンストップサービス利用率")]
    private static partial Regex OneStop();

    /// <summary>The demo's open 令和3年度 on /entry: other tests may open (and leave open) another year of the same plan.</summary>
    private static ILocator OpenCycle(IPage page) => page.Locator("section.entry-cycle", new() { HasText = "令和3年度" });
}
