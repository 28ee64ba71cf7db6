using System.Globalization;

namespace Shinchoku.Core.Rules;

/// <summary>
/// The one rounding rule for progress shown as a percentage, used by the calculation line, the KPI sentence, the
/// import preview and the English pages alike: whole percent, cut towards zero, so that the number shown never
/// crosses a threshold the rating did not (99.9% reads 99%, rated ○, not 100%).
/// </summary>
public static class ProgressPercent
{
    /// <summary>The progress ratio (0.8 = 80%) as whole percent, cut towards zero.</summary>
    public static decimal Whole(decimal progress)
    {
        var whole = Math.Round(progress * 100m, 0, MidpointRounding.ToZero);
        // −0.4% cut to zero keeps decimal's sign bit, which would print as "-0".
        return whole == 0 ? 0m : whole;
    }

    /// <summary>「25,790%」: <see cref="Whole"/> with thousands separators.</summary>
    public static string Format(decimal progress) => Whole(progress).ToString("#,0", CultureInfo.InvariantCulture) + "%";
}
