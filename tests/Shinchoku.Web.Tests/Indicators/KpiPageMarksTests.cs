using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Tests.Indicators;

/// <summary>
/// テレワーク実施者数 (65,791人 against a baseline of 25人 and targets of 140人 and 280人): the sentence and the
/// calculation give the same percentage, the chart's scale is set by the targets, and the interim mark is in words.
/// </summary>
[Collection(DemoAppsGroup.Name)]
public class KpiPageMarksTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Telework_OnePercentage_TargetsReadable_InterimInWords(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = (await db.Indicators.FirstAsync(i => i.Name.StartsWith("テレワーク実施者数"))).Id;
        }

        var page = await Html.GetAsync(app.CreateClient(), $"/indicators/{id}");

        // The sentence said 25,791% where the calculation said 25790%.
        Assert.Contains("25,790%", page.QuerySelector(".summary-text")!.TextContent, StringComparison.Ordinal);
        var calculation = page.QuerySelectorAll(".summary dt").Single(d => d.TextContent == "計算").NextElementSibling!.TextContent;
        Assert.Contains("= 25,790% →", calculation, StringComparison.Ordinal);
        Assert.DoesNotContain("25,791", page.Body!.TextContent, StringComparison.Ordinal);

        // The scale comes from the baseline and targets; 65,791 is drawn at the top, above a break, and named.
        var svg = page.QuerySelector("figure.chart .chart-wide svg")!;
        var top = svg.QuerySelectorAll("text").Select(t => t.TextContent.Replace(",", "", StringComparison.Ordinal))
            .Where(t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            .Max(t => decimal.Parse(t, CultureInfo.InvariantCulture));
        Assert.InRange(top, 280m, 1000m);
        Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "↑65,791");
        Assert.Contains("目盛りを省略", page.QuerySelector("figure.chart figcaption")!.TextContent, StringComparison.Ordinal);

        // 中間目標 reached, in words beside the rating's ○/×.
        var interim = page.QuerySelectorAll("table.kv tr").First(r => r.QuerySelector("th")!.TextContent == "中間目標への到達");
        Assert.Equal("到達", interim.QuerySelector("td .mark")!.TextContent.Trim());
        Assert.StartsWith("/help/marks#", interim.QuerySelector("td a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25", "140", "280", "65791", "", true)]     // the outlier is clipped
    [InlineData("0", "50", "100", "150", "", false)]        // above the target, but near it: on the scale
    [InlineData("10", null, "0", "-5", "", false)]          // a falling KPI
    [InlineData(null, null, null, "3", "80000", false)]     // no baseline or target: every value sets the scale
    public void Scale_ComesFromTheBaselineAndTargets(string? baseline, string? interim, string? final, string value, string other, bool clipped)
    {
        var points = new List<ChartPoint>();
        void Add(ChartPointKind kind, int year, string? v)
        {
            if (!string.IsNullOrEmpty(v))
            {
                points.Add(new ChartPoint(kind, new Core.Time.FiscalYear(year), decimal.Parse(v, CultureInfo.InvariantCulture), v));
            }
        }

        Add(ChartPointKind.Baseline, 2019, baseline);
        Add(ChartPointKind.InterimTarget, 2022, interim);
        Add(ChartPointKind.FinalTarget, 2025, final);
        Add(ChartPointKind.Value, 2020, value);
        Add(ChartPointKind.Value, 2021, other);

        var (_, high, outliers) = ValueChart.Scale(points);

        Assert.Equal(clipped, outliers.Count > 0);
        Assert.Equal(points.Where(p => !outliers.Contains(p)).Max(p => p.Value), high);
    }

    [Fact]
    public async Task NoChange_CarriesItsWords_AndNotApplicable_IsNamed()
    {
        var noChange = await Html.ParseAsync("<span>" + Render(MarkDisplay.Glyph("ー")) + "</span>");
        Assert.Equal("ー（進捗に増減なし）", noChange.Body!.TextContent);
        var none = await Html.ParseAsync("<span>" + Render(MarkDisplay.Glyph("")) + "</span>");
        Assert.Equal("true", none.QuerySelector(".mark-none")!.GetAttribute("aria-hidden"));
        Assert.Equal("該当なし", none.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("未到達", Render(MarkDisplay.Interim(false)));
        Assert.Equal("到達", MarkDisplay.PrintedInterim("○"));

        static string Render(Microsoft.AspNetCore.Html.IHtmlContent content)
        {
            using var writer = new StringWriter();
            content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            return writer.ToString();
        }
    }
}
