using System.Globalization;
using Shinchoku.Core.Time;

namespace Shinchoku.Web;

/// <summary>Moments as pages, exports and open data show them: clock time in Japan (UTC+9), whatever the server's time zone.</summary>
public static class Dates
{
    /// <summary>The day in Japan, as 2026年4月1日.</summary>
    public static string Day(DateTimeOffset at) => JapanTime.InJapan(at).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The minute in Japan, as 2026年4月1日 9:30.</summary>
    public static string Minute(DateTimeOffset at) => JapanTime.InJapan(at).ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture);

    /// <summary>The day in Japan as 2026-04-01 (open data, exports and the English pages).</summary>
    public static string IsoDay(DateTimeOffset at) => JapanTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
