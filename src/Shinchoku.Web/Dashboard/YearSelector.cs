using System.Globalization;

namespace Shinchoku.Web.Dashboard;

/// <summary>
/// The model of the year-selector partial on the public pages: a GET form with one control named <c>fy</c> (?fy=2020)
/// listing the published fiscal years, newest first, with the year shown selected.
/// </summary>
public sealed record YearSelectorView(IReadOnlyList<int> Years, int? Shown, bool English = false);

/// <summary>Links between the public pages keep the year a visitor chose (?fy=2020); without a choice they stay plain.</summary>
public static class YearLinks
{
    /// <summary><paramref name="url"/> with fy=<paramref name="fiscalYear"/> added, or unchanged when it is null.</summary>
    public static string With(string url, int? fiscalYear) => fiscalYear is not { } fy ? url
        : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "fy=" + fy.ToString(CultureInfo.InvariantCulture);
}
