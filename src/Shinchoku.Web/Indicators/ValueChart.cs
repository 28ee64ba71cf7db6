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
public sealed record ChartPoint(ChartPointKind Kind, FiscalYear FiscalYear, decimal Value, string Text);

/// <summary>
/// A server-rendered SVG line chart of an indicator's values over the fiscal years, against its baseline and
/// targets. No script: the page shows the same numbers as a table beside it.
/// </summary>
public static class ValueChart
{
    private const int Top = 20;
    private const int Bottom = 50;
    private const int LabelHeight = 15;
    private const int FontSize = 13;

    /// <summary>The narrowest span of values given its own scale: one step of the finest decimal a value may be written with.</summary>
    private const decimal MinSpan = 0.000001m;

    /// <summary>The drawing's size and margins: a wide one for screens and print, a narrow one for phones, where the wide
    /// one would be shrunk to half its size and its 13-unit text to about 7 pixels.</summary>
    private sealed record Layout(int Width, int Height, int Left, int Right, string IdSuffix);

    private static readonly Layout Wide = new(640, 300, 90, 60, "");
    private static readonly Layout Narrow = new(340, 260, 66, 36, "-narrow");

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

    /// <summary>The chart drawn for wide screens and for phones, each in its own element; the style sheet shows one of them.</summary>
    public static string RenderForScreens(IReadOnlyList<ChartPoint> points, string title, string unit, bool english = false) =>
        $"<div class=\"chart-wide\">{Render(points, title, unit, english)}</div><div class=\"chart-narrow\">{Render(points, title, unit, english, narrow: true)}</div>";

    /// <summary>The SVG markup, or empty when there are fewer than two numbers to draw; <paramref name="narrow"/> draws it for phones.</summary>
    public static string Render(IReadOnlyList<ChartPoint> points, string title, string unit, bool english = false, bool narrow = false)
    {
        if (points.Count < 2)
        {
            return "";
        }

        var (width, height, left, right, idSuffix) = narrow ? Narrow : Wide;
        var targets = points.Where(p => p.Kind is ChartPointKind.InterimTarget or ChartPointKind.FinalTarget).OrderByDescending(p => p.Value).ToList();
        // The target names stand in the right margin, beside their lines, clear of the values.
        right = Math.Max(right, targets.Count == 0 ? 0 : (int)Math.Ceiling(targets.Max(t => LabelWidth(KindName(t.Kind, english)))) + 16);

        var years = points.Select(p => p.FiscalYear).Distinct().Order().ToList();
        var (low, high, clipped) = Scale(points);
        var ticks = Ticks(low, high);
        var min = ticks[0];
        var max = ticks[^1];

        double X(FiscalYear year) => years.Count == 1 ? left + (width - left - right) / 2.0
            : left + (width - left - right) * (years.IndexOf(year) / (double)(years.Count - 1));
        // A value beyond the scale (see Scale) is drawn at its top edge, marked, with its number written beside it.
        double Y(decimal v) => Top + (height - Top - Bottom) * (1 - (double)((Math.Min(v, max) - min) / (max - min)));
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title{idSuffix} chart-desc{idSuffix}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title{idSuffix}\">").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"chart-desc{idSuffix}\">").Append(WebUtility.HtmlEncode(Describe(points, unit, english))).Append("</desc>");

        foreach (var v in ticks)
        {
            var y = F(Y(v));
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y}\" x2=\"{width - right}\" y2=\"{y}\" stroke=\"#d8d8d8\" />");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"{FontSize}\" fill=\"#333\">{WebUtility.HtmlEncode(Number(v))}</text>");
        }

        // Every year's name when they fit side by side, else every second or third …, always the latest.
        var spacing = years.Count > 1 ? (width - left - right) / (double)(years.Count - 1) : width;
        var every = (int)Math.Ceiling((years.Max(y => LabelWidth(YearName(y, english))) + 6) / spacing);
        for (var i = 0; i < years.Count; i++)
        {
            if ((years.Count - 1 - i) % every == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(years[i]))}\" y=\"{height - Bottom + 22}\" text-anchor=\"middle\" font-size=\"{FontSize}\" fill=\"#333\">{WebUtility.HtmlEncode(YearName(years[i], english))}</text>");
            }
        }

        var line = points.Where(p => p.Kind is ChartPointKind.Baseline or ChartPointKind.Value).OrderBy(p => p.FiscalYear).ToList();
        if (line.Count > 1)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"#0031d8\" stroke-width=\"3\" points=\"");
            sb.AppendJoin(' ', line.Select(p => F(X(p.FiscalYear)) + "," + F(Y(p.Value))));
            sb.Append("\" />");
        }

        var labels = SpreadLabels([.. targets.Select(t => Y(t.Value) + 4)], LabelHeight, Top + 4, height - Bottom + 4);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var y = F(Y(target.Value));
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y}\" x2=\"{width - right}\" y2=\"{y}\" stroke=\"#c16800\" stroke-width=\"2\" stroke-dasharray=\"{(target.Kind == ChartPointKind.FinalTarget ? "8 4" : "3 3")}\" />");
        }

        if (clipped.Count > 0)
        {
            // The break in the value axis: two slanted strokes where the scale stops short of the value above it.
            var bx = left;
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{bx - 7},{Top + 8} l14,-5 M{bx - 7},{Top + 14} l14,-5\" stroke=\"#333\" stroke-width=\"2\" fill=\"none\" />");
        }

        foreach (var p in points.Where(p => p.Kind is ChartPointKind.Baseline or ChartPointKind.Value))
        {
            if (clipped.Contains(p))
            {
                var cx = X(p.FiscalYear);
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(cx)},{Top - 4} l8,12 l-16,0 z\" fill=\"#0031d8\" />");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(cx - 10)}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"{FontSize}\" fill=\"#0031d8\">{WebUtility.HtmlEncode("↑" + Number(p.Value))}</text>");
                continue;
            }

            var shape = p.Kind == ChartPointKind.Baseline
                ? $"<rect x=\"{F(X(p.FiscalYear) - 6)}\" y=\"{F(Y(p.Value) - 6)}\" width=\"12\" height=\"12\" fill=\"#fff\" stroke=\"#0031d8\" stroke-width=\"3\" />"
                : $"<circle cx=\"{F(X(p.FiscalYear))}\" cy=\"{F(Y(p.Value))}\" r=\"7\" fill=\"#0031d8\" />";
            sb.Append(shape);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right + 12}\" y=\"{F(labels[i])}\" font-size=\"{FontSize}\" fill=\"#8b4500\">{WebUtility.HtmlEncode(KindName(targets[i].Kind, english))}</text>");
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
        // A flat chart, or values closer than the finest step a value is written in (ratios of large counts), gets a
        // span of one: a step of 10^-29 would round to 0 and never reach the top.
        if (high - low < MinSpan)
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
    /// Baselines for labels wanted at <paramref name="wanted"/> (top to bottom, each beside its line) moved apart so that
    /// no two are closer than <paramref name="gap"/>, kept between <paramref name="top"/> and <paramref name="bottom"/>:
    /// target lines close together (an interim and a final target far below the values) would otherwise print their
    /// labels over each other. A label gives way upwards, unless that would take it past the top.
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

    /// <summary>
    /// The span of the value axis, chosen from what the reader compares: the baseline and the targets, and the values
    /// near them. A value more than the targets' whole range above the highest of them (a count in other units, a year
    /// out of the ordinary) would flatten the targets into one line at the bottom, so it is left out of the scale and
    /// returned in <c>Clipped</c>, to be drawn at the top edge with a break in the axis and its number beside it.
    /// Without a baseline or target every value sets the scale.
    /// </summary>
    internal static (decimal Low, decimal High, IReadOnlyList<ChartPoint> Clipped) Scale(IReadOnlyList<ChartPoint> points)
    {
        var low = Math.Min(0m, points.Min(p => p.Value));
        var reference = points.Where(p => p.Kind != ChartPointKind.Value).Select(p => p.Value).ToList();
        if (reference.Count == 0)
        {
            return (low, points.Max(p => p.Value), []);
        }

        var referenceLow = Math.Min(0m, reference.Min());
        var referenceHigh = reference.Max();
        if (referenceHigh > decimal.MaxValue / 4 || referenceLow < decimal.MinValue / 4)
        {
            return (low, points.Max(p => p.Value), []);
        }

        // Only numbers far above the reference are clipped; a span of zero (all targets at 0) clips nothing.
        var span = referenceHigh - referenceLow;
        var limit = span > 0 ? referenceHigh + span : decimal.MaxValue;
        var clipped = points.Where(p => p.Kind == ChartPointKind.Value && p.Value > limit).ToList();
        var high = points.Where(p => !clipped.Contains(p)).Max(p => p.Value);
        return (low, high, clipped);
    }

    /// <summary>The chart in one sentence, for screen readers and the page's text summary; a value drawn at the top edge says so.</summary>
    public static string Describe(IReadOnlyList<ChartPoint> points, string unit, bool english = false)
    {
        var clipped = points.Count >= 2 ? Scale(points).Clipped : [];
        return english
            ? string.Join("; ", points.OrderBy(p => p.FiscalYear).ThenBy(p => p.Kind).Select(p => $"{YearName(p.FiscalYear, true)} {KindName(p.Kind, true)} {p.Text}")) + "."
                + string.Concat(clipped.Select(p => $" The value for {YearName(p.FiscalYear, true)} ({Number(p.Value)}) is far above the targets and is drawn at the top edge of the chart, above a break in the axis."))
            : string.Join("、", points.OrderBy(p => p.FiscalYear).ThenBy(p => p.Kind).Select(p => $"{p.FiscalYear}の{KindName(p.Kind)} {p.Text}")) + "。"
                + string.Concat(clipped.Select(p => $"{p.FiscalYear}の値（{Number(p.Value)}）は目標から大きく離れているため、目盛りを省略し、グラフの上端に矢印で示しています。"));
    }

    /// <summary>令和2年度, or FY2020 in English.</summary>
    public static string YearName(FiscalYear fiscalYear, bool english) =>
        english ? fiscalYear.ToEnglishString() : fiscalYear.ToString();

    /// <summary>About how wide a text is drawn: a full width per Japanese character, about 0.6 of one per Latin one.</summary>
    private static double LabelWidth(string text) => text.Sum(c => c < 0x2000 ? 0.6 : 1.0) * FontSize;

    private static string Number(decimal v) => Math.Round(v, 2).ToString("#,0.##", CultureInfo.InvariantCulture);
}
