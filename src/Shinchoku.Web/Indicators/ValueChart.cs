using System.Globalization;
using System.Net;
using System.Text;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Indicators;

/// <summary>What a chart point stands for.</summary>
public enum ChartPointKind
{
    Baseline,
    Value,
    InterimTarget,
    FinalTarget,
}

/// <summary>One point of an indicator's chart: a fiscal year and a number.</summary>
public sealed record ChartPoint(ChartPointKind Kind, int FiscalYear, decimal Value, string Text);

/// <summary>
/// A server-rendered SVG line chart of an indicator's values over the fiscal years, against its baseline and
/// targets. No script: the page shows the same numbers as a table beside it.
/// </summary>
public static class ValueChart
{
    private const int Width = 640;
    private const int Height = 300;
    private const int Left = 90;
    private const int Right = 60;
    private const int Top = 20;
    private const int Bottom = 50;
    private const int LabelHeight = 15;

    public static string KindName(ChartPointKind kind, bool english = false) => english ? kind switch
    {
        ChartPointKind.Baseline => "baseline",
        ChartPointKind.Value => "value",
        ChartPointKind.InterimTarget => "interim target",
        ChartPointKind.FinalTarget => "final target",
        _ => kind.ToString(),
    } : kind switch
    {
        ChartPointKind.Baseline => "基準値",
        ChartPointKind.Value => "実績・見込",
        ChartPointKind.InterimTarget => "中間目標",
        ChartPointKind.FinalTarget => "最終目標",
        _ => kind.ToString(),
    };

    /// <summary>The SVG markup, or empty when there are fewer than two numbers to draw.</summary>
    public static string Render(IReadOnlyList<ChartPoint> points, string title, string unit, bool english = false)
    {
        if (points.Count < 2)
        {
            return "";
        }

        var years = points.Select(p => p.FiscalYear).Distinct().Order().ToList();
        var ticks = Ticks(Math.Min(0m, points.Min(p => p.Value)), points.Max(p => p.Value));
        var min = ticks[0];
        var max = ticks[^1];

        double X(int year) => years.Count == 1 ? Left + (Width - Left - Right) / 2.0
            : Left + (Width - Left - Right) * (years.IndexOf(year) / (double)(years.Count - 1));
        double Y(decimal v) => Top + (Height - Top - Bottom) * (1 - (double)((v - min) / (max - min)));
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">");
        sb.Append("<title id=\"chart-title\">").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        sb.Append("<desc id=\"chart-desc\">").Append(WebUtility.HtmlEncode(Describe(points, unit, english))).Append("</desc>");

        foreach (var v in ticks)
        {
            var y = F(Y(v));
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#d8d8d8\" />");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"13\" fill=\"#333\">{WebUtility.HtmlEncode(Number(v))}</text>");
        }

        foreach (var year in years)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(year))}\" y=\"{Height - Bottom + 22}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333\">{WebUtility.HtmlEncode(YearName(year, english))}</text>");
        }

        var line = points.Where(p => p.Kind is ChartPointKind.Baseline or ChartPointKind.Value).OrderBy(p => p.FiscalYear).ToList();
        if (line.Count > 1)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"#0031d8\" stroke-width=\"3\" points=\"");
            sb.AppendJoin(' ', line.Select(p => F(X(p.FiscalYear)) + "," + F(Y(p.Value))));
            sb.Append("\" />");
        }

        var targets = points.Where(p => p.Kind is ChartPointKind.InterimTarget or ChartPointKind.FinalTarget).OrderByDescending(p => p.Value).ToList();
        var labels = SpreadLabels([.. targets.Select(t => Y(t.Value) - 6)], LabelHeight, Top + LabelHeight - 4, Height - Bottom);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var y = F(Y(target.Value));
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#c16800\" stroke-width=\"2\" stroke-dasharray=\"{(target.Kind == ChartPointKind.FinalTarget ? "8 4" : "3 3")}\" />");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{F(labels[i])}\" text-anchor=\"end\" font-size=\"13\" fill=\"#8b4500\">{WebUtility.HtmlEncode(KindName(target.Kind, english))}</text>");
        }

        foreach (var p in points.Where(p => p.Kind is ChartPointKind.Baseline or ChartPointKind.Value))
        {
            var shape = p.Kind == ChartPointKind.Baseline
                ? $"<rect x=\"{F(X(p.FiscalYear) - 6)}\" y=\"{F(Y(p.Value) - 6)}\" width=\"12\" height=\"12\" fill=\"#fff\" stroke=\"#0031d8\" stroke-width=\"3\" />"
                : $"<circle cx=\"{F(X(p.FiscalYear))}\" cy=\"{F(Y(p.Value))}\" r=\"7\" fill=\"#0031d8\" />";
            sb.Append(shape);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// The gridline values: from 0 (or below the lowest value) to at least the highest, in round steps (1, 2, 2.5 or 5
    /// times a power of ten), four or five of them, so that the axis reads 0, 20,000, 40,000 … and not 32,895.5.
    /// </summary>
    internal static decimal[] Ticks(decimal low, decimal high)
    {
        if (high <= low)
        {
            high = low + 1;
        }

        var rough = (high - low) / 4;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        var step = new[] { 1m, 2m, 2.5m, 5m, 10m }.Select(m => m * power).First(s => s >= rough);
        var first = Math.Floor(low / step) * step;
        var last = Math.Ceiling(high / step) * step;
        var ticks = new List<decimal>();
        for (var v = first; v <= last; v += step)
        {
            ticks.Add(v);
        }

        return [.. ticks];
    }

    /// <summary>
    /// Baselines for labels wanted at <paramref name="wanted"/> (top to bottom, each just above its line) moved apart so
    /// that no two are closer than <paramref name="gap"/>, kept between <paramref name="top"/> and <paramref name="bottom"/>.
    /// A label gives way upwards, away from the lines below it: target lines close together (an interim and a final
    /// target far below the values) would otherwise print their labels over each other or over the lines.
    /// </summary>
    internal static double[] SpreadLabels(IReadOnlyList<double> wanted, double gap, double top, double bottom)
    {
        var placed = new double[wanted.Count];
        for (var i = placed.Length - 1; i >= 0; i--)
        {
            placed[i] = Math.Min(wanted[i], i == placed.Length - 1 ? bottom : placed[i + 1] - gap);
        }

        // Pushed past the top: move the first ones down, keeping the gap.
        for (var i = 0; i < placed.Length; i++)
        {
            placed[i] = Math.Max(placed[i], i == 0 ? top : placed[i - 1] + gap);
        }

        return placed;
    }

    /// <summary>The chart in one sentence, for screen readers and the page's text summary.</summary>
    public static string Describe(IReadOnlyList<ChartPoint> points, string unit, bool english = false) => english
        ? string.Join("; ", points.OrderBy(p => p.FiscalYear).ThenBy(p => p.Kind).Select(p => $"{YearName(p.FiscalYear, true)} {KindName(p.Kind, true)} {p.Text}")) + "."
        : string.Join("、", points.OrderBy(p => p.FiscalYear).ThenBy(p => p.Kind).Select(p => $"{new FiscalYear(p.FiscalYear)}の{KindName(p.Kind)} {p.Text}")) + "。";

    /// <summary>令和2年度, or FY2020 in English.</summary>
    public static string YearName(int fiscalYear, bool english) =>
        english ? "FY" + fiscalYear.ToString(CultureInfo.InvariantCulture) : new FiscalYear(fiscalYear).ToString();

    private static string Number(decimal v) => Math.Round(v, 2).ToString("#,0.##", CultureInfo.InvariantCulture);
}
