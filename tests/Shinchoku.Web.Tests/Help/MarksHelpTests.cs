using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Help;

/// <summary>
/// 「評価の見方」: every mark on a public page (ratings, arrows, the glyphs of the count tables and legends) links to
/// /help/marks (/en/help/marks on English pages), the link saying where it goes; every count of marks has the link
/// beside it; the help page explains ◎ ○ △ ー ×, (↗) and the progress formula.
/// </summary>
[Collection(DemoAppsGroup.Name)]
public class MarksHelpTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EveryMark_OnEveryPageTypeWithMarks_LinksToTheHelp(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        var app = apps.For(provider);
        string node, initiative;
        int indicator;
        await using (var scope = app.Scope(out var db))
        {
            node = await db.PlanNodes.Where(n => n.Plan!.Key == "chiba-ict" && n.Kind == Core.Strategy.NodeKind.Area).Select(n => n.Key).FirstAsync();
            initiative = await db.Initiatives.Where(i => i.Plan!.Key == "chiba-ict").OrderBy(i => i.Id).Select(i => i.Key).FirstAsync();
            indicator = await db.Indicators.Where(i => i.Initiative!.Plan!.Key == "chiba-ict").OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        }

        var client = app.CreateClient();
        string[] pages =
        [
            "/", "/strategy/chiba-ict", $"/strategy/chiba-ict/nodes/{node}", $"/strategy/chiba-ict/initiatives/{initiative}",
            "/indicators?plan=chiba-ict", $"/indicators/{indicator}", "/data/definitions",
        ];
        string[] english = ["/en", $"/en/strategy/chiba-ict/nodes/{node}", $"/en/strategy/chiba-ict/initiatives/{initiative}", $"/en/indicators/{indicator}"];
        var failures = new List<string>();
        foreach (var (url, en) in pages.Select(p => (p, false)).Concat(english.Select(p => (p, true))))
        {
            var page = await Html.GetAsync(client, url);
            var help = en ? "/en/help/marks" : "/help/marks";
            var marks = page.QuerySelectorAll("main .rating, main .mark, main .mark-glyph").Where(m => m.Closest(".mark-counts") is null).ToList();
            Assert.True(marks.Count + page.QuerySelectorAll(".mark-counts").Length > 0, $"{url} shows no marks: the test would prove nothing");
            foreach (var mark in marks)
            {
                var link = mark.Closest("a");
                if (link?.GetAttribute("href")?.StartsWith(help + "#", StringComparison.Ordinal) != true)
                {
                    failures.Add($"{url}: 「{mark.TextContent.Trim()}」 does not link to {help}");
                }
                else if (!link.TextContent.Contains(en ? "how to read the marks" : "評価の見方", StringComparison.Ordinal))
                {
                    failures.Add($"{url}: the link of 「{mark.TextContent.Trim()}」 does not say where it goes");
                }
            }

            foreach (var counts in page.QuerySelectorAll(".mark-counts"))
            {
                if (counts.ParentElement!.QuerySelector($".marks-help-link a[href^='{help}']") is null)
                {
                    failures.Add($"{url}: a count of marks without the link to {help}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task HelpPage_ExplainsEveryMark_TheParentheses_AndTheFormula(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        var client = apps.For(provider).CreateClient();
        var page = await Html.GetAsync(client, "/help/marks");
        var legend = page.QuerySelector("#rating")!.ParentElement!.TextContent;
        foreach (var words in new[] { "◎", "100%以上", "○", "50%以上進捗", "△", "50%未満進捗", "ー", "進捗に増減なし", "×", "減少" })
        {
            Assert.Contains(words, legend, StringComparison.Ordinal);
        }

        var trend = page.QuerySelector("#trend")!.ParentElement!.TextContent;
        Assert.Contains("(↗)", trend, StringComparison.Ordinal);
        Assert.Contains("見込値がない", trend, StringComparison.Ordinal);
        var progress = page.QuerySelector("#progress")!.ParentElement!.TextContent;
        Assert.Contains("（評価に用いた値 − 基準値）÷（最終目標 − 基準値）", progress, StringComparison.Ordinal);
        Assert.Contains("39% → (↗) △", progress, StringComparison.Ordinal);
        Assert.Equal("/en/help/marks", page.QuerySelector("a[hreflang='en']")!.GetAttribute("href"));

        var english = await Html.GetAsync(client, "/en/help/marks");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("(↗)", english.QuerySelector("#trend")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("progress = (value − baseline) ÷ (final target − baseline)", english.Body!.TextContent, StringComparison.Ordinal);
    }
}
