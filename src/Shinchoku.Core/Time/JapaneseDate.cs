using System.Globalization;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Time;

/// <summary>
/// Writes and reads dates in the Japanese era form used in reports (令和2年12月1日). Dates are <see cref="DateOnly"/>;
/// the range is 1868-01-01 to 9999-12-31, with days of 1868 before 明治 began counted as 明治元年.
/// </summary>
public static class JapaneseDate
{
    /// <summary>Writes a day in the era in force on it: 令和元年5月1日, 平成31年4月30日.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1868-01-01.</exception>
    public static string Format(DateOnly date)
    {
        var era = JapaneseEra.At(date);
        return string.Concat(
            era.FormatYear(era.ToEraYear(date.Year)),
            date.Month.ToString(CultureInfo.InvariantCulture),
            "月",
            date.Day.ToString(CultureInfo.InvariantCulture),
            "日");
    }

    /// <summary>
    /// Writes a calendar month in the era in force on its first day: 令和2年12月, 令和元年5月, 平成31年4月,
    /// 昭和64年1月 (平成 began on January 8, 1989).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1868..9999 or the month outside 1..12.</exception>
    public static string FormatMonth(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var era = JapaneseEra.AtOrMeiji(new DateOnly(year, month, 1));
        return era.FormatYear(era.ToEraYear(year)) + month.ToString(CultureInfo.InvariantCulture) + "月";
    }

    /// <summary>
    /// Writes a calendar year in the era in force on its last day, as is usual for a year that saw a new era:
    /// 2019 → 令和元年, 1989 → 平成元年, 2020 → 令和2年.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1868..9999.</exception>
    public static string FormatYear(int year)
    {
        CheckYear(year);
        var era = JapaneseEra.AtOrMeiji(new DateOnly(year, 12, 31));
        return era.FormatYear(era.ToEraYear(year));
    }

    /// <summary>
    /// Reads a day: 令和2年12月1日, 令和２年１２月１日, 令和二年十二月一日, 平成31年3月31日, R2.12.1, R2/12/1, 2020年12月1日,
    /// 2020/12/1 or 2020.12.1, with surrounding spaces. A day after its era ended (平成31年5月1日) is read with a
    /// DateOutsideEra warning; impossible days (2月30日) are errors. Never throws.
    /// </summary>
    public static ParseResult<DateOnly> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<DateOnly>.Fail(ParseProblem.Empty, "日付が入力されていません。");
        }

        var s = text.AsSpan().Trim();
        List<ParseMessage>? messages = null;
        var pos = 0;
        switch (EraDateReader.Read(s, ref pos, allowBareYear: false, ref messages, out var point))
        {
            case EraDateReader.Status.NotADate:
                return ParseResult<DateOnly>.Fail(ParseProblem.Unrecognised, $"「{s}」を日付として読み取れません（例: 令和2年12月1日、R2.12.1、2020/12/1）。");
            case EraDateReader.Status.Error:
                return ParseResult<DateOnly>.Fail(messages!);
        }

        if (point.Kind != AsOfKind.Date)
        {
            var problem = point.Kind == AsOfKind.FiscalYear ? ParseProblem.Unrecognised : ParseProblem.IncompleteDate;
            return ParseResult<DateOnly>.Fail(problem, $"「{s}」は日付ではありません（年・月・日まで書いてください）。");
        }

        var rest = s[pos..].Trim();
        if (!rest.IsEmpty)
        {
            return ParseResult<DateOnly>.Fail(ParseProblem.TrailingText, $"「{s}」の「{rest}」を読み取れません（日付だけを書いてください）。");
        }

        return ParseResult<DateOnly>.Ok(new DateOnly(point.Year, point.Month, point.Day), messages);
    }

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FiscalYear.MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }
}
