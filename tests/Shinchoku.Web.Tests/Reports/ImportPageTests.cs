using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Web.Data;
using static Shinchoku.Web.Tests.Reports.ReportsTestKit;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>The DX office uploads a sheet, sees every row with its marks and problems, and confirms the import.</summary>
public class ImportPageTests
{
    [Fact]
    public async Task Upload_Preview_Commit()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        await ReopenForCorrectionAsync(app, "chiba-ict", 2020);
        var before = await CountAsync(app);

        // A sheet with a typo: every row listed, the error named, no commit button, nothing written.
        var typo = SeedSheets.Sheet("4-2", name: "資料4-2");
        typo.Special["G5"] = new CellSpec { Text = "延15,3728千枚" };
        using (var response = await PostFileAsync(client, "typo.xlsx", SheetBuilder.Xlsx(typo), "chiba-ict"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal(30, page.QuerySelectorAll("table.import-rows tbody tr:not(.row-messages)").Length);
            var error = page.QuerySelectorAll(".messages li.error").Single().TextContent;
            Assert.Contains("シート「資料4-2」5行目 G列（実績値）", error, StringComparison.Ordinal);
            Assert.Contains("延15,3728千枚", error, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("form input[name=token]"));
        }

        Assert.Equal(before, await CountAsync(app));

        // The printed book with one value changed: preview says one update; the commit writes it, audited under the user.
        var changed = SeedSheets.Sheet("4-2", name: "資料4-2");
        changed.Special["G5"] = new CellSpec { Text = "410,000千枚" };
        string token;
        using (var response = await PostFileAsync(client, "r2.xlsx", SheetBuilder.Xlsx(changed), "chiba-ict"))
        {
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Contains("新規 0件、更新 1件、変更なし 29件", page.Body!.TextContent, StringComparison.Ordinal);
            token = page.QuerySelector("form input[name=token]")!.GetAttribute("value")!;
        }

        Assert.Equal(before, await CountAsync(app));
        // The commit posts the token with the page's antiforgery token.
        var fresh = await Html.GetAsync(client, "/reports/import");
        var antiforgery = fresh.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["__RequestVerificationToken"] = antiforgery }))
        using (var commit = await client.PostAsync(new Uri("/reports/import?handler=Commit", UriKind.Relative), content))
        {
            var page = await Html.ParseAsync(await commit.Content.ReadAsStringAsync());
            Assert.Contains("取り込みました。", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }

        await using var scope = app.Scope(out var db);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("dx-admin", entry.User);
        Assert.Equal("410,000千枚", entry.After);

        // The token is spent: a second commit does nothing.
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["__RequestVerificationToken"] = antiforgery }))
        using (var again = await client.PostAsync(new Uri("/reports/import?handler=Commit", UriKind.Relative), content))
        {
            var page = await Html.ParseAsync(await again.Content.ReadAsStringAsync());
            Assert.Contains("有効期限", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
    }
}
