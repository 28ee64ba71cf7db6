using System.Globalization;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Dashboard;

/// <summary>
/// The model of the year-selector partial on the public pages: a GET form with one control named <c>fy</c> (?fy=2020)
/// listing the published fiscal years, newest first, with the year shown selected.
/// </summary>
public sealed record YearSelectorView(IReadOnlyList<FiscalYear> Years, FiscalYear? Shown, bool English = false);

/// <summary>Links between the public pages keep the year a visitor chose (?fy=2020); without a choice they stay plain.</summary>
public static class YearLinks
{
    /// <summary>The ViewData key of the year chosen on a page, read by the partials that write links.</summary>
    public const string ViewDataKey = "fy";

    /// <summary><paramref name="url"/> with fy=<paramref name="fiscalYear"/> added, or unchanged when it is null.</summary>
    public static string With(string url, FiscalYear? fiscalYear) => fiscalYear is not { } fy ? url
        : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "fy=" + fy.StartYear.ToString(CultureInfo.InvariantCulture);
}
