using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

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
        var svg = page.QuerySelector("figure.chart .chart-wide svg")!;
        var labels = svg.QuerySelectorAll("text").Where(t => t.TextContent is "中間目標" or "最終目標").ToList();
        Assert.Equal(2, labels.Count);
        var ys = labels.ConvertAll(t => double.Parse(t.GetAttribute("y")!, CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(ys[0] - ys[1]) >= 13, $"target labels at y {ys[0]} and {ys[1]} overlap");
        // Beside the lines, in the margin: clear of the lines and of the values drawn between them.
        var lineEnd = svg.QuerySelectorAll("line[stroke-dasharray]").Max(l => double.Parse(l.GetAttribute("x2")!, CultureInfo.InvariantCulture));
        Assert.All(labels, t => Assert.True(double.Parse(t.GetAttribute("x")!, CultureInfo.InvariantCulture) > lineEnd, $"{t.TextContent} starts inside the plot"));
        var viewWidth = double.Parse(svg.GetAttribute("viewBox")!.Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.All(labels, t => Assert.True(double.Parse(t.GetAttribute("x")!, CultureInfo.InvariantCulture) + (4 * 13) <= viewWidth, $"{t.TextContent} is cut off at the right"));
    }

    [Theory]
    [InlineData(false, true, 10)]
    [InlineData(false, false, 5)]
    [InlineData(true, true, 5)]
    [InlineData(true, false, 4)]
    public async Task YearNames_DoNotRunIntoEachOther_AndTheLatestIsNamed(bool narrow, bool english, int named)
    {
        // Ten fiscal years, 令和元年度 to 令和10年度 (FY2019 to FY2028): only the short English names all fit side by side.
        var points = Enumerable.Range(2019, 10).Select(y => new ChartPoint(ChartPointKind.Value, new FiscalYear(y), y - 2000, $"{y - 2000}件")).ToList();
        var svg = await Html.ParseAsync(ValueChart.Render(points, "推移", "件", english, narrow));
        var names = svg.QuerySelectorAll("text")
            .Where(t => t.TextContent.StartsWith(english ? "FY" : "令和", StringComparison.Ordinal))
            .Select(t => (Text: t.TextContent, X: double.Parse(t.GetAttribute("x")!, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(ValueChart.YearName(new FiscalYear(2028), english), names[^1].Text);
        for (var i = 1; i < names.Count; i++)
        {
            // 13 units per Japanese character, about 8 per Latin one, centred on the year.
            var room = (names[i - 1].Text.Length + names[i].Text.Length) / 2.0 * (english ? 8 : 13);
            Assert.True(names[i].X - names[i - 1].X >= room, $"{names[i - 1].Text} and {names[i].Text} overlap");
        }

        Assert.Equal(named, names.Count);
        Assert.Equal(narrow ? "chart-title-narrow chart-desc-narrow" : "chart-title chart-desc", svg.QuerySelector("svg")!.GetAttribute("aria-labelledby"));
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

    /// <summary>Values across the range the parser accepts (|x| under 10^15, six decimal places) and the ratios it reads.</summary>
    private static readonly decimal[] Extremes =
    [
        0m, 0.000001m, -0.000001m, 1m, 999_999_999_999_999.999999m, -999_999_999_999_999.999999m, 999_999_999_999_999.999998m,
        -999_999_999_999_999.999998m, 0.5m, 1m / 3m, 2m / 999_999_999_999_999m, 1m / 999_999_999_999_999m, 99_999_999_999_999_900m,
        -1m / 3m, (-1m / 3m) + 0.0000000000000000000000000001m, // negative ratios 10^-28 apart
    ];

    [Fact]
    public void Gridlines_OfValuesCloserThanTheFinestStep_AreASpanOfOne()
    {
        var low = -1m / 3m;
        var ticks = ValueChart.Ticks(low, low + 0.0000000000000000000000000001m);
        Assert.InRange(ticks.Length, 2, 6);
        Assert.True(ticks[0] <= low && ticks[^1] >= low + 1, string.Join(" ", ticks));
    }

    [Fact]
    public async Task Charts_OfAnyAcceptedValues_AreDrawnInsideTheirFrame()
    {
        // A seeded walk over the accepted range: extremes, tiny decimals, equal values, negatives, targets below the baseline.
        var random = new Random(20261203);
        for (var round = 0; round < 3000; round++)
        {
            var points = new List<ChartPoint>();
            var count = random.Next(2, 7);
            for (var i = 0; i < count; i++)
            {
                var value = random.Next(3) == 0
                    ? Math.Round((decimal)(random.NextDouble() - 0.5) * (decimal)Math.Pow(10, random.Next(-6, 16)), 6)
                    : Extremes[random.Next(Extremes.Length)];
                var kind = (ChartPointKind)random.Next(4);
                points.Add(new ChartPoint(kind, new FiscalYear(2019 + random.Next(8)), value, value.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var narrow in new[] { false, true })
            {
                var svg = ValueChart.Render(points, "推移", "件", narrow: narrow);
                var document = await Html.ParseAsync(svg);
                var height = double.Parse(document.QuerySelector("svg")!.GetAttribute("viewBox")!.Split(' ')[3], CultureInfo.InvariantCulture);
                var ys = document.QuerySelectorAll("circle, line, rect")
                    .SelectMany(e => new[] { e.GetAttribute("cy"), e.GetAttribute("y1"), e.GetAttribute("y") })
                    .Where(y => y is not null).Select(y => double.Parse(y!, CultureInfo.InvariantCulture)).ToList();
                Assert.NotEmpty(ys);
                Assert.All(ys, y => Assert.InRange(y, -10, height + 10));
                Assert.InRange(ValueChart.Ticks(Math.Min(0m, points.Min(p => p.Value)), points.Max(p => p.Value)).Length, 2, 12);
            }
        }
    }
}
