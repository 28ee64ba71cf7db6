using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// Council posts after they are written, in a browser: an expert finds the question in the list (unanswered first),
/// answers, edits and withdraws the answer; the DX office hides another with a reason, which visitors then see in its
/// place; the notice of the answer reaches the DX office's to-do list; the e-mail settings. Axe at 360 and 1280 px.
/// </summary>
public sealed partial class StaffTests
{
    [SkippableFact]
    public async Task Expert_EditsAndWithdrawsAnAnswer_AndTheDxOfficeHidesOne()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var (context, page) = await site.NewPageAsync();
        await using var _ = context;
        await SignInAsync(page, "expert");

        await page.GotoAsync("/council/questions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("有識者への質問");
        await AssertNoViolationsAtBothWidthsAsync(page, "/council/questions");
        await ScreenshotAsync(page, "council-questions");
        await page.Locator("#questions tr", new() { HasText = "ペーパーレス" }).GetByRole(AriaRole.Link).First.ClickAsync();
        var threadUrl = page.Url;
        var reportId = new Uri(threadUrl).AbsolutePath.Split('/')[^1];

        async Task AnswerAsync(string text)
        {
            await page.GotoAsync(threadUrl);
            await page.GetByLabel("有識者の回答を書く").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "書き込む" }).ClickAsync();
            await Assertions.Expect(page.Locator($"#council-{reportId}")).ToContainTextAsync(text);
        }

        var first = $"会議資料の電子化から始めるとよいでしょう（{stamp}）。";
        var kept = $"紙の削減量は部署ごとに示すと伝わります（{stamp}）。";
        await AnswerAsync(first);
        await AnswerAsync(kept);

        // Edit: the thread says 編集済み; the page keeps the earlier text in its history.
        await page.GotoAsync(threadUrl);
        await page.Locator(".thread > li", new() { HasText = first }).GetByRole(AriaRole.Link, new() { NameRegex = new("編集・取り下げ") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("投稿の編集・取り下げ");
        await AssertNoViolationsAtBothWidthsAsync(page, "post page as its author");
        await ScreenshotAsync(page, "council-post-author");
        var edited = $"会議資料の電子化から始め、効果を職員に示すとよいでしょう（{stamp}）。";
        await page.GetByLabel("本文").FillAsync(edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "編集を保存する" }).ClickAsync();
        var post = page.Locator(".thread > li", new() { HasText = edited });
        await Assertions.Expect(post).ToContainTextAsync("編集済み");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("投稿を編集しました");

        // Withdraw, after ticking the confirmation.
        await post.GetByRole(AriaRole.Link, new() { NameRegex = new("編集・取り下げ") }).ClickAsync();
        await Assertions.Expect(page.Locator("#post-history")).ToContainTextAsync(first);
        await page.GetByLabel("この投稿を取り下げます").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "投稿を取り下げる" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("投稿を取り下げました");
        await Assertions.Expect(page.Locator(".council-thread")).ToContainTextAsync("投稿者により取り下げられました");
        await Assertions.Expect(page.Locator(".council-thread")).Not.ToContainTextAsync(edited);
        await AssertNoViolationsAtBothWidthsAsync(page, "thread with an edited and a withdrawn post");
        await ScreenshotAsync(page, "council-thread-withdrawn");

        // The DX office hides the other answer, with a reason; its to-do list has the notices of the answers.
        var (officeContext, office) = await site.NewPageAsync();
        await using var __ = officeContext;
        await SignInAsync(office, "dx-admin");
        await Assertions.Expect(office.Locator("#todo-notices-list")).ToContainTextAsync("質問に有識者が回答しました");
        await AssertNoViolationsAtBothWidthsAsync(office, "/todo with notices");
        await ScreenshotAsync(office, "todo-notices");
        await office.GotoAsync(threadUrl);
        await office.Locator(".thread > li", new() { HasText = kept }).GetByRole(AriaRole.Link, new() { NameRegex = new("非表示にする") }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("投稿の表示・非表示");
        await office.GetByRole(AriaRole.Button, new() { Name = "非表示にする" }).ClickAsync();
        await Assertions.Expect(office.Locator("#error-summary")).ToBeFocusedAsync();
        await AssertNoViolationsAtBothWidthsAsync(office, "post page with an error, as the DX office");
        await ScreenshotAsync(office, "council-post-hide-error");
        await office.GetByLabel("非表示にする理由").FillAsync("会議の議題と関係のない内容のため");
        await office.GetByRole(AriaRole.Button, new() { Name = "非表示にする" }).ClickAsync();
        await Assertions.Expect(office.Locator("[role=status]")).ToContainTextAsync("投稿を非表示にしました");

        // Visitors see the reason in its place, not the text.
        var indicator = office.Locator("main a", new() { HasText = "成果指標のページで見る" });
        var href = await indicator.GetAttributeAsync("href");
        var (visitorContext, visitor) = await site.NewPageAsync();
        await using var ___ = visitorContext;
        await visitor.GotoAsync(href!);
        var thread = visitor.Locator($"#council-{reportId}");
        await Assertions.Expect(thread).ToContainTextAsync("事務局により非表示にしました（理由：会議の議題と関係のない内容のため）");
        await Assertions.Expect(thread).ToContainTextAsync("投稿者により取り下げられました");
        await Assertions.Expect(thread).Not.ToContainTextAsync(kept);
        await Assertions.Expect(thread).Not.ToContainTextAsync(stamp);
        foreach (var width in new[] { 1280, 360 })
        {
            await visitor.SetViewportSizeAsync(width, 900);
            await thread.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotDir, $"council-thread-public-{width}.png") });
        }

        // The e-mail settings of the signed-in user.
        await page.GotoAsync("/account/notifications");
        await Assertions.Expect(page.GetByLabel("有識者への質問")).ToBeCheckedAsync();
        await AssertNoViolationsAtBothWidthsAsync(page, "/account/notifications");
        await ScreenshotAsync(page, "notification-settings");
    }
}
