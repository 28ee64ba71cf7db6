using System.Globalization;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Time;

/// <summary>
/// Reads one year, fiscal year, month or day as people write it (令和2年12月1日, R2.12.1, 2020/12/1, H30, 令和元年度,
/// FY2020) from a position in a text. Shared by the fiscal year, date and as-of parsers; it folds characters one by
/// one instead of copying the text, so that quoted text in messages is exactly what was written, and allocates
/// nothing unless it has something to say.
/// </summary>
internal static class EraDateReader
{
    /// <summary>What <see cref="Read"/> found.</summary>
    internal enum Status
    {
        /// <summary>The text at the position does not start like a date; nothing was consumed and nothing was said.</summary>
        NotADate,

        /// <summary>A date was read (warnings, if any, were added).</summary>
        Read,

        /// <summary>The text looks like a date but is wrong; an error was added.</summary>
        Error,
    }

    /// <summary>True when <paramref name="c"/> (unfolded) can begin something <see cref="Read"/> accepts; a cheap pre-check.</summary>
    public static bool CanStartDate(char c)
    {
        var f = JapaneseText.FoldChar(c);
        return char.IsAsciiDigit(f)
            || f is '令' or '平' or '昭' or '大' or '明' or 'F' or 'f'
            || JapaneseEra.FromLetter(f) is not null;
    }

    /// <summary>
    /// Reads a date-like point starting at <paramref name="pos"/> (after any white space) and leaves
    /// <paramref name="pos"/> just after it. A 4-digit year alone (2020) is read as a fiscal year only when
    /// <paramref name="allowBareYear"/> is set; an era letter with a year alone (H30) always is.
    /// </summary>
    public static Status Read(ReadOnlySpan<char> s, ref int pos, bool allowBareYear, ref List<ParseMessage>? messages, out DatePoint point)
    {
        point = default;
        var start = pos;
        SkipSpaces(s, ref pos);
        var begin = pos;
        JapaneseEra? era = null;
        var letterForm = false;
        int number;
        var c = At(s, pos);

        if (pos + 1 < s.Length && JapaneseEra.FromName(s[pos], s[pos + 1]) is { } named)
        {
            era = named;
            pos += 2;
            SkipSpaces(s, ref pos);
            if (!TryReadNumber(s, ref pos, allowGan: true, out number, out _))
            {
                pos = start;
                return Status.NotADate;
            }
        }
        else if (JapaneseEra.FromLetter(c) is { } lettered && (char.IsAsciiDigit(At(s, pos + 1)) || At(s, pos + 1) == '元'))
        {
            era = lettered;
            letterForm = true;
            pos++;
            TryReadNumber(s, ref pos, allowGan: true, out number, out _);
        }
        else if (c is 'F' or 'f' && At(s, pos + 1) is 'Y' or 'y')
        {
            var i = pos + 2;
            SkipSpaces(s, ref i);
            if (!TryReadNumber(s, ref i, allowGan: false, out number, out var fyDigits) || fyDigits != 4)
            {
                pos = start;
                return Status.NotADate;
            }

            pos = i;
            return Validate(s, begin, ref pos, null, number, new DatePoint(AsOfKind.FiscalYear, 0, 0, 0), ref messages, out point);
        }
        else if (char.IsAsciiDigit(c))
        {
            TryReadNumber(s, ref pos, allowGan: false, out number, out var digits);
            if (digits != 4)
            {
                pos = start;
                return Status.NotADate;
            }
        }
        else
        {
            return Status.NotADate;
        }

        var afterYear = pos;
        SkipSpaces(s, ref pos);
        c = At(s, pos);
        AsOfKind kind;
        int month = 0, day = 0;
        if (c == '年')
        {
            pos++;
            if (At(s, pos) == '度')
            {
                pos++;
                kind = AsOfKind.FiscalYear;
            }
            else
            {
                kind = ReadMonthAndDay(s, begin, ref pos, ref messages, out month, out day);
            }
        }
        else if (c is '.' or '/' && pos == afterYear && char.IsAsciiDigit(At(s, pos + 1)))
        {
            pos++;
            TryReadNumber(s, ref pos, allowGan: false, out month, out _);
            kind = AsOfKind.Month;
            if (At(s, pos) == c && char.IsAsciiDigit(At(s, pos + 1)))
            {
                pos++;
                TryReadNumber(s, ref pos, allowGan: false, out day, out _);
                kind = AsOfKind.Date;
            }
        }
        else
        {
            pos = afterYear;
            if (era is not null && !letterForm)
            {
                return AddError(ref messages, ParseProblem.IncompleteDate, $"「{Quote(s, begin, pos)}」の後に「年」または「年度」がありません。");
            }

            if (era is null && !allowBareYear)
            {
                pos = start;
                return Status.NotADate;
            }

            kind = AsOfKind.FiscalYear;
        }

        return Validate(s, begin, ref pos, era, number, new DatePoint(kind, 0, month, day), ref messages, out point);
    }

    /// <summary>Skips white space of any width.</summary>
    public static void SkipSpaces(ReadOnlySpan<char> s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }

    /// <summary>The folded character at <paramref name="i"/>, or NUL past the end.</summary>
    public static char At(ReadOnlySpan<char> s, int i) => (uint)i < (uint)s.Length ? JapaneseText.FoldChar(s[i]) : '\0';

    /// <summary>The first day of the period a point names.</summary>
    public static DateOnly FirstDay(in DatePoint p) => p.Kind switch
    {
        AsOfKind.FiscalYear => new DateOnly(p.Year, 4, 1),
        AsOfKind.CalendarYear => new DateOnly(p.Year, 1, 1),
        AsOfKind.Month => new DateOnly(p.Year, p.Month, 1),
        _ => new DateOnly(p.Year, p.Month, p.Day),
    };

    /// <summary>Writes a point the way reports do (令和2年度, 令和元年, 令和2年12月, 令和2年12月1日).</summary>
    public static string Format(in DatePoint p) => p.Kind switch
    {
        AsOfKind.FiscalYear => new FiscalYear(p.Year).ToString(),
        AsOfKind.CalendarYear => JapaneseDate.FormatYear(p.Year),
        AsOfKind.Month => JapaneseDate.FormatMonth(p.Year, p.Month),
        _ => JapaneseDate.Format(new DateOnly(p.Year, p.Month, p.Day)),
    };

    /// <summary>The text between two positions, trimmed, for quoting in a message.</summary>
    public static string Quote(ReadOnlySpan<char> s, int from, int to) => s[from..Math.Min(to, s.Length)].Trim().ToString();

    /// <summary>Reads what follows 年: a month with 月 and a day with 日 when present.</summary>
    private static AsOfKind ReadMonthAndDay(ReadOnlySpan<char> s, int begin, ref int pos, ref List<ParseMessage>? messages, out int month, out int day)
    {
        month = 0;
        day = 0;
        var save = pos;
        SkipSpaces(s, ref pos);
        var monthStart = pos;
        if (!TryReadNumber(s, ref pos, allowGan: false, out var m, out _))
        {
            pos = save;
            return AsOfKind.CalendarYear;
        }

        var monthEnd = pos;
        SkipSpaces(s, ref pos);
        if (At(s, pos) != '月')
        {
            // 令和元年11時点: the number cannot be taken for a month without 月, so only the year is kept.
            pos = monthEnd;
            AddWarning(ref messages, ParseProblem.IncompleteDate, $"「{Quote(s, begin, pos)}」は「{Quote(s, monthStart, monthEnd)}」の後に「月」がないため、年（{Quote(s, begin, monthStart)}）のみ読み取りました。");
            return AsOfKind.CalendarYear;
        }

        pos++;
        month = m;
        save = pos;
        SkipSpaces(s, ref pos);
        var dayStart = pos;
        if (!TryReadNumber(s, ref pos, allowGan: false, out var d, out _))
        {
            pos = save;
            return AsOfKind.Month;
        }

        var dayEnd = pos;
        SkipSpaces(s, ref pos);
        if (At(s, pos) != '日')
        {
            pos = dayEnd;
            AddWarning(ref messages, ParseProblem.IncompleteDate, $"「{Quote(s, begin, pos)}」は「{Quote(s, dayStart, dayEnd)}」の後に「日」がないため、月（{Quote(s, begin, dayStart)}）のみ読み取りました。");
            return AsOfKind.Month;
        }

        pos++;
        day = d;
        return AsOfKind.Date;
    }

    /// <summary>Checks the ranges of year, month and day, converts the era year, and warns about an ended era.</summary>
    private static Status Validate(ReadOnlySpan<char> s, int begin, ref int pos, JapaneseEra? era, int number, DatePoint shape, ref List<ParseMessage>? messages, out DatePoint point)
    {
        point = default;
        var kind = shape.Kind;
        int year;
        if (era is null)
        {
            year = number;
        }
        else
        {
            if (number < 1)
            {
                return AddError(ref messages, ParseProblem.InvalidDate, $"「{Quote(s, begin, pos)}」の年が正しくありません（{era.Name}は元年（1年）から始まります）。");
            }

            if (era.LastYear is { } last && number > last + JapaneseEra.ToleratedYearsAfterEnd)
            {
                return AddError(ref messages, ParseProblem.InvalidDate, $"「{Quote(s, begin, pos)}」の年が正しくありません（{era.Name}は{last.ToString(CultureInfo.InvariantCulture)}年まで）。");
            }

            year = era.ToGregorianYear(number);
        }

        var maxYear = kind == AsOfKind.FiscalYear ? FiscalYear.MaxStartYear : 9999;
        if (year < FiscalYear.MinStartYear || year > maxYear)
        {
            var range = kind == AsOfKind.FiscalYear ? "1868年度～9998年度" : "1868年～9999年";
            return AddError(ref messages, ParseProblem.InvalidDate, $"「{Quote(s, begin, pos)}」は扱える範囲（{range}）の外です。");
        }

        if (kind is AsOfKind.Month or AsOfKind.Date && shape.Month is < 1 or > 12)
        {
            return AddError(ref messages, ParseProblem.InvalidDate, $"「{Quote(s, begin, pos)}」の月が正しくありません（1～12）。");
        }

        if (kind == AsOfKind.Date)
        {
            var daysInMonth = DateTime.DaysInMonth(year, shape.Month);
            if (shape.Day < 1 || shape.Day > daysInMonth)
            {
                return AddError(ref messages, ParseProblem.InvalidDate, $"「{Quote(s, begin, pos)}」の日が正しくありません（{JapaneseDate.FormatMonth(year, shape.Month)}は{daysInMonth.ToString(CultureInfo.InvariantCulture)}日まで）。");
            }
        }

        point = new DatePoint(kind, year, shape.Month, shape.Day);
        if (era?.End is { } end && FirstDay(point) > end)
        {
            AddWarning(ref messages, ParseProblem.DateOutsideEra, $"「{Quote(s, begin, pos)}」は{Format(point)}です（{era.Name}は{JapaneseDate.Format(end)}まで）。");
        }

        return Status.Read;
    }

    /// <summary>
    /// Reads a number: digits of either width, a run of kanji numerals (十二), or 元 (year 1) when allowed.
    /// <paramref name="digitCount"/> counts the digits read (0 for kanji). Values are capped so they cannot overflow.
    /// </summary>
    private static bool TryReadNumber(ReadOnlySpan<char> s, ref int pos, bool allowGan, out int value, out int digitCount)
    {
        value = 0;
        digitCount = 0;
        var c = At(s, pos);
        if (char.IsAsciiDigit(c))
        {
            while (char.IsAsciiDigit(c = At(s, pos)))
            {
                if (value < 1_000_000)
                {
                    value = value * 10 + (c - '0');
                }

                digitCount++;
                pos++;
            }

            return true;
        }

        if (allowGan && c == '元')
        {
            value = 1;
            pos++;
            return true;
        }

        var start = pos;
        while (pos < s.Length && pos - start < 4 && IsKanjiNumeral(s[pos]))
        {
            pos++;
        }

        value = pos == start ? -1 : JapaneseText.ParseKanjiNumber(s[start..pos]);
        if (value < 0)
        {
            pos = start;
            return false;
        }

        return true;
    }

    private static bool IsKanjiNumeral(char c) => c is '〇' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    private static Status AddError(ref List<ParseMessage>? messages, ParseProblem problem, string message)
    {
        (messages ??= []).Add(ParseMessage.Error(problem, message));
        return Status.Error;
    }

    private static void AddWarning(ref List<ParseMessage>? messages, ParseProblem problem, string message) =>
        (messages ??= []).Add(ParseMessage.Warning(problem, message));
}

/// <summary>One period read by <see cref="EraDateReader"/>: Year is the calendar year, or the start year of a fiscal year.</summary>
/// <param name="Kind">Whether it is a day, a month, a calendar year or a fiscal year.</param>
/// <param name="Year">The Gregorian year (a fiscal year's start year).</param>
/// <param name="Month">1..12 for a month or a day, otherwise 0.</param>
/// <param name="Day">1..31 for a day, otherwise 0.</param>
internal readonly record struct DatePoint(AsOfKind Kind, int Year, int Month, int Day);
