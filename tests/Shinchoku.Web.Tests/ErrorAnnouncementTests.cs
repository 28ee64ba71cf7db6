using System.Net;
using Shinchoku.Web.Data;
using Shinchoku.Reports.Tests.Support;
using static Shinchoku.Web.Tests.Reports.ReportsTestKit;

namespace Shinchoku.Web.Tests;

/// <summary>A form that comes back with problems says so first: 「エラー：」 at the start of the title, and a summary that takes focus.</summary>
public class ErrorAnnouncementTests
{
    [Fact]
    public async Task AStaffFormWithErrors_TitleStartsWithError_AndTheSummaryTakesFocus()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var fine = await Html.GetAsync(client, "/admin/cycles");
        Assert.StartsWith("進捗状況の報告（年度）の管理", fine.Title, StringComparison.Ordinal);
        Assert.Null(fine.QuerySelector("script[src*='error-summary']"));

        var refused = await client.SubmitAsync("/admin/cycles", "create", new() { ["fiscalYear"] = "来年度", ["deadline"] = "" });

        Assert.StartsWith("エラー：進捗状況の報告（年度）の管理", refused.Page.Title, StringComparison.Ordinal);
        AssertFocused(refused.Page);
    }

    [Fact]
    public async Task AFailedSignIn_TitleStartsWithError()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = "dx-admin", ["password"] = "wrong" });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("エラー：ログイン", page.Title, StringComparison.Ordinal);
        AssertFocused(page);
    }

    [Fact]
    public async Task TheImportPreview_ListsItsErrorsAtTheTop_WithLinksToTheRows()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        await ReopenForCorrectionAsync(app, "chiba-ict", 2020);
        var typo = SeedSheets.Sheet("4-2", name: "資料4-2");
        typo.Special["G5"] = new CellSpec { Text = "延15,3728千枚" };

        using var response = await PostFileAsync(client, "typo.xlsx", SheetBuilder.Xlsx(typo), "chiba-ict");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("エラー：", page.Title, StringComparison.Ordinal);
        var summary = AssertFocused(page);
        // Before the table, and each entry leads to its row.
        Assert.True(summary.CompareDocumentPosition(page.QuerySelector("table.import-rows")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var link = summary.QuerySelectorAll("a").Single();
        Assert.Contains("資料4-2 5行目", link.TextContent, StringComparison.Ordinal);
        var row = page.GetElementById(link.GetAttribute("href")![1..])!;
        Assert.Contains("5行目", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("延15,3728千枚", summary.TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement AssertFocused(AngleSharp.Dom.IDocument page)
    {
        var summary = page.QuerySelector("[data-error-summary]")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.NotNull(page.QuerySelector("script[src*='/js/error-summary.js']"));
        return summary;
    }
}
