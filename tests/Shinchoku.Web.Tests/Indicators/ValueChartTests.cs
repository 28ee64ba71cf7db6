using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Tests.Indicators;

/// <summary>The KPI chart's target labels stay readable when the targets lie close together.</summary>
[Collection(DemoAppsGroup.Name)]
public class ValueChartTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CloseTargets_DrawTheirLabelsApart(DatabaseProvider provider)
    {
        // テレワーク実施者数: interim 140人 and final 280人 against 65,791人, so both target lines lie at the bottom.
        var app = apps.For(provider);
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = (await db.Indicators.FirstAsync(i => i.Name.StartsWith("テレワーク実施者数"))).Id;
        }

        var page = await Html.GetAsync(app.CreateClient(), $"/indicators/{id}");
        var labels = page.QuerySelectorAll("figure.chart svg text")
            .Where(t => t.TextContent is "中間目標" or "最終目標")
            .Select(t => double.Parse(t.GetAttribute("y")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, labels.Count);
        Assert.True(Math.Abs(labels[0] - labels[1]) >= 13, $"target labels at y {labels[0]} and {labels[1]} overlap");
    }

    [Fact]
    public void SpreadLabels_KeepsTheGap_WithinTheChart()
    {
        Assert.Equal([100, 200], ValueChart.SpreadLabels([100, 200], 15, 20, 250));
        Assert.Equal([244, 259], ValueChart.SpreadLabels([244, 245], 15, 20, 260));
        // Both wanted at the bottom edge: the upper one moves up.
        Assert.Equal([235, 250], ValueChart.SpreadLabels([249, 250], 15, 20, 250));
    }
}
