using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>The DX office makes the next version of the previous ICT strategy, changes it, and reads the comparison and an indicator's history across versions.</summary>
[Collection(SiteDefinition.Name)]
public sealed class RevisionTests(SiteFixture site)
{
    [SkippableFact]
    public async Task DxOffice_MakesANewVersion_ComparesIt_AndSeesAnIndicatorsHistoryAcrossVersions()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await StaffTests.SignInAsync(page, "dx-admin");

        // The draft stays unpublished, so the other tests' public pages do not change.
        await page.GotoAsync("/admin/plans/chiba-ict/revise");
        await Assertions.Expect(page.Locator("#versionLabel")).ToHaveValueAsync("1.1版");
        await page.GetByRole(AriaRole.Button, new() { Name = "新しい版を作成する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("策定中の版として作成しました");

        await page.GotoAsync("/admin/plans/chiba-ict-1.1/nodes/n002");
        await page.Locator("#title").FillAsync("行政サービスのデジタル化（改訂）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("保存しました");

        await page.GotoAsync("/strategy/chiba-ict-1.1/compare");
        var retire = await page.Locator("#carried ~ .table-wrap tbody tr th a").First.GetAttributeAsync("href");
        await page.GotoAsync("/admin" + retire);
        await page.GetByRole(AriaRole.Button, new() { Name = "この成果指標を削除する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1.1版から削除しました");

        await page.GotoAsync("/strategy/chiba-ict-1.1/compare");
        await Assertions.Expect(page.Locator("#retired + p + ul")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#nodes ~ .table-wrap").First).ToContainTextAsync("名称変更");
        await StaffTests.AssertNoViolationsAsync(page, "the comparison page");
        await StaffTests.ScreenshotAsync(page, "revision-compare");

        await page.Locator("#carried ~ .table-wrap tbody tr th a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#lineage-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h3[id^=fy-]").First).ToContainTextAsync("1.0版");
        await StaffTests.AssertNoViolationsAsync(page, "an indicator page with lineage");
        await StaffTests.ScreenshotAsync(page, "indicator-lineage");
    }
}
