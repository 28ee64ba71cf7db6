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
        // Both labels stand above the target lines, not across them.
        var lines = page.QuerySelectorAll("figure.chart svg line[stroke-dasharray]").Select(l => double.Parse(l.GetAttribute("y1")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(labels, y => Assert.True(y <= lines.Min() - 2, $"a target label at y {y} crosses a target line at y {lines.Min()}"));
    }

    [Fact]
    public void SpreadLabels_KeepsTheGap_WithinTheChart()
    {
        Assert.Equal([100, 200], ValueChart.SpreadLabels([100, 200], 15, 20, 250));
        // Too close: the upper label gives way upwards, away from the lines below.
        Assert.Equal([230, 245], ValueChart.SpreadLabels([244, 245], 15, 20, 260));
        Assert.Equal([235, 250], ValueChart.SpreadLabels([249, 256], 15, 20, 250));
        // At the top edge: the lower one moves down instead.
        Assert.Equal([20, 35], ValueChart.SpreadLabels([18, 22], 15, 20, 250));
    }

    [Theory]
    [InlineData(0, 65791, "0 20000 40000 60000 80000")]
    [InlineData(0, 100, "0 25 50 75 100")]
    [InlineData(0, 280, "0 100 200 300")]
    [InlineData(0, 0.6, "0 0.2 0.4 0.6")]
    [InlineData(-30, 50, "-40 -20 0 20 40 60")]
    [InlineData(0, 0, "0 0.25 0.5 0.75 1")]
    public void Gridlines_AreRoundNumbers_CoveringTheValues(double low, double high, string expected)
    {
        var ticks = ValueChart.Ticks((decimal)low, (decimal)high);
        Assert.Equal(expected, string.Join(' ', ticks.Select(t => t.ToString("0.##", CultureInfo.InvariantCulture))));
    }
}
