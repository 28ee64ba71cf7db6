using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Organizations;

/// <summary>
/// The organisation's identity: the demo shows Chiba's (demo contact) in the footer; the DX office edits name, emblem,
/// contact, accessibility policy and privacy notice on /admin/organizations/{code}, and every public page's footer,
/// /accessibility and /privacy show the edit at once (the public page cache included); bad input is refused beside
/// its field; a save from a stale form is refused.
/// </summary>
public class OrganizationIdentityTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task IdentityEdited_ShowsInTheFooter_AndOnThePolicyPages(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var anonymous = app.CreateClient();

        // The demo data: Chiba, with the DX office's (demo) contact and the JIS X 8341-3:2016 target.
        var home = await Html.GetAsync(anonymous, "/");
        var footer = home.QuerySelector("footer")!;
        Assert.Contains("千葉県総務部デジタル改革推進局", footer.TextContent, StringComparison.Ordinal);
        Assert.Equal("/images/demo-emblem.svg", footer.QuerySelector("img.emblem")!.GetAttribute("src"));
        Assert.NotNull(footer.QuerySelector("a[href='/accessibility']"));
        Assert.NotNull(footer.QuerySelector("a[href='/privacy']"));
        Assert.NotNull(footer.QuerySelector("a[href='/data/definitions']"));
        Assert.Equal("オープンデータ", home.QuerySelector("header a[href='/data/definitions']")!.TextContent);
        Assert.Contains("JIS X 8341-3:2016", (await Html.GetAsync(anonymous, "/accessibility")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("個人情報", (await Html.GetAsync(anonymous, "/privacy")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var admin = await app.SignedInClientAsync("dx-admin");
        const string url = "/admin/organizations/120006";
        var list = await Html.GetAsync(admin, "/admin/organizations");
        Assert.NotNull(list.QuerySelector($"a[href='{url}']"));
        var stale = await Html.GetAsync(admin, url);

        // Bad input: refused beside its field, nothing saved.
        var refused = await admin.SubmitAsync(url, null, new() { ["Form.ContactEmail"] = "dx at example", ["Form.EmblemPath"] = "javascript:alert(1)" });
        refused.AssertFieldError("email", "メールアドレス");
        refused.AssertFieldError("emblem", "紋章の画像");

        var saved = await admin.SubmitAsync(url, null, new()
        {
            ["Form.Name"] = "千葉県（テスト）",
            ["Form.EmblemPath"] = "",
            ["Form.ContactDepartment"] = "総務部テスト推進課",
            ["Form.ContactPhone"] = "043-111-2222",
            ["Form.ContactEmail"] = "test-dx@example.lg.jp",
            ["Form.ContactAddress"] = "千葉市中央区テスト町1-1",
            ["Form.AccessibilityTarget"] = "JIS X 8341-3:2016 の適合レベルAAに準拠（テスト）",
            ["Form.AccessibilityPolicy"] = "方針の一段落目。\n\n方針の二段落目。",
            ["Form.PrivacyPolicy"] = "個人情報はテストのためにのみ使います。",
        });
        Assert.True(saved.Redirected, saved.Summary);

        foreach (var page in new[] { "/", "/indicators", "/help/marks", "/en" })
        {
            var shown = (await Html.GetAsync(anonymous, page)).QuerySelector("footer")!;
            Assert.Contains("千葉県（テスト）", shown.TextContent, StringComparison.Ordinal);
            Assert.Contains("総務部テスト推進課", shown.TextContent, StringComparison.Ordinal);
            Assert.Equal("tel:0431112222", shown.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
            Assert.Equal("mailto:test-dx@example.lg.jp", shown.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
            Assert.Contains("千葉市中央区テスト町1-1", shown.TextContent, StringComparison.Ordinal);
            Assert.Null(shown.QuerySelector("img.emblem"));
        }

        var accessibility = (await Html.GetAsync(anonymous, "/accessibility")).QuerySelector("main")!;
        Assert.Contains("適合レベルAAに準拠（テスト）", accessibility.TextContent, StringComparison.Ordinal);
        Assert.Equal(["方針の一段落目。", "方針の二段落目。"], accessibility.QuerySelectorAll("p.prewrap").Select(p => p.TextContent).ToArray());
        Assert.Contains("個人情報はテストのためにのみ使います。", (await Html.GetAsync(anonymous, "/privacy")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A form opened before that save: refused, the other person's change kept.
        var late = await admin.SubmitAsync(AdminForms.FindForm(stale, null)!, url, new() { ["Form.ContactPhone"] = "043-999-9999" });
        Assert.False(late.Redirected);
        Assert.Contains("ほかの人が変更しました", late.Summary, StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        Assert.Equal("043-111-2222", (await db.Organizations.SingleAsync(o => o.Code == "120006")).ContactPhone);
    }
}
