using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reporting;

/// <summary>Values of a report that is not published never reach an anonymous visitor.</summary>
public class PublicationTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task UnpublishedReport_IsNotShownToAnonymousVisitors(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        int id;
        string actual;
        await using (var scope = app.Scope(out var db))
        {
            var indicator = await db.Indicators.Include(i => i.Reports).FirstAsync(i => i.Name == "年間用紙使用量");
            id = indicator.Id;
            actual = indicator.Reports[0].Actual.Text.Split('\n')[0];
            var cycle = await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2020));
            cycle.State = PublicationState.Submitted;
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient();
        var page = await Html.GetAsync(client, $"/indicators/{id}");
        Assert.DoesNotContain(actual, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("公表されている進捗状況はまだありません", page.Body.TextContent, StringComparison.Ordinal);

        var plans = await Html.GetAsync(client, "/strategy/plans");
        Assert.DoesNotContain("令和2年度 進捗状況", plans.Body!.TextContent, StringComparison.Ordinal);
    }
}
