using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>The advisory council in a browser: the meeting page and an expert answering in the thread on an indicator.</summary>
public sealed partial class StaffTests
{
    [SkippableFact]
    public async Task Expert_OpensTheMeeting_AndAnswersInTheIndicatorsThread()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "expert");

        await page.GotoAsync("/council");
        await page.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("アドバイザリー会議");
        await AssertNoViolationsAsync(page, "council meeting as expert");
        await ScreenshotAsync(page, "council-meeting");

        var question = page.Locator("main section.card", new() { HasText = "ペーパーレス" });
        await question.GetByRole(AriaRole.Link, new() { Name = "このスレッドに書き込む" }).ClickAsync();
        await page.GetByLabel("有識者の回答を書く").FillAsync("まず会議資料の電子化から始め、効果を職員に示すと定着しやすくなります。");
        await page.GetByRole(AriaRole.Button, new() { Name = "書き込む" }).ClickAsync();

        var thread = page.Locator(".council-thread", new() { HasText = "有識者の回答を書き込みました" });
        await Assertions.Expect(thread).ToContainTextAsync("まず会議資料の電子化から始め");
        await AssertNoViolationsAsync(page, "indicator with council thread as expert");
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await thread.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotDir, $"council-thread-{width}.png") });
        }
    }
}
