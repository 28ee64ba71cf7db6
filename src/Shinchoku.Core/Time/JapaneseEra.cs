using System.Globalization;

namespace Shinchoku.Core.Time;

/// <summary>
/// A Japanese era (元号) from 明治 to 令和: its kanji name, its letter (M T S H R) and the days it covers.
/// There are exactly five instances; compare them by reference. Year 1 of an era is written 元年.
/// </summary>
public sealed class JapaneseEra
{
    /// <summary>
    /// How many years after an era's last year a writer may still use its name (平成32年度 for 令和2年度):
    /// plans drafted before a new era was announced name their targets in the old era. Beyond this it is an error.
    /// </summary>
    internal const int ToleratedYearsAfterEnd = 10;

    /// <summary>The first day any date in this library may fall on: years before 1868 are out of scope.</summary>
    internal static readonly DateOnly FirstSupportedDay = new(1868, 1, 1);

    private JapaneseEra(string name, char letter, string romanName, DateOnly start, DateOnly? end)
    {
        Name = name;
        Letter = letter;
        RomanName = romanName;
        Start = start;
        End = end;
    }

    /// <summary>明治 (M), from 1868-10-23; dates earlier in 1868 are also counted as 明治元年.</summary>
    public static JapaneseEra Meiji { get; } = new("明治", 'M', "Meiji", new DateOnly(1868, 10, 23), new DateOnly(1912, 7, 29));

    /// <summary>大正 (T), 1912-07-30 to 1926-12-24.</summary>
    public static JapaneseEra Taisho { get; } = new("大正", 'T', "Taisho", new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 24));

    /// <summary>昭和 (S), 1926-12-25 to 1989-01-07.</summary>
    public static JapaneseEra Showa { get; } = new("昭和", 'S', "Showa", new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7));

    /// <summary>平成 (H), 1989-01-08 to 2019-04-30.</summary>
    public static JapaneseEra Heisei { get; } = new("平成", 'H', "Heisei", new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30));

    /// <summary>令和 (R), from 2019-05-01; the current era.</summary>
    public static JapaneseEra Reiwa { get; } = new("令和", 'R', "Reiwa", new DateOnly(2019, 5, 1), null);

    /// <summary>Every era in order, oldest first.</summary>
    public static IReadOnlyList<JapaneseEra> All { get; } = [Meiji, Taisho, Showa, Heisei, Reiwa];

    /// <summary>The kanji name, e.g. 令和.</summary>
    public string Name { get; }

    /// <summary>The upper-case ASCII letter used in short forms such as R2 or H30.</summary>
    public char Letter { get; }

    /// <summary>The name in Latin letters, e.g. Reiwa.</summary>
    public string RomanName { get; }

    /// <summary>The first day of the era (inclusive).</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the era (inclusive), or null for the current era.</summary>
    public DateOnly? End { get; }

    /// <summary>The era year of the era's last day (平成: 31), or null for the current era.</summary>
    public int? LastYear => End is { } end ? end.Year - Start.Year + 1 : null;

    /// <summary>
    /// The era in force on <paramref name="date"/>. Days of 1868 before 明治 began count as 明治
    /// (the era was proclaimed retroactively to the start of that year); earlier days are out of range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1868-01-01.</exception>
    public static JapaneseEra At(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, FirstSupportedDay);
        return AtOrMeiji(date);
    }

    /// <summary>
    /// Finds an era by its kanji name (令和) or its letter in either case and width (R, r, Ｒ, ｒ),
    /// ignoring surrounding white space; null when nothing matches.
    /// </summary>
    public static JapaneseEra? Find(ReadOnlySpan<char> nameOrLetter)
    {
        var s = nameOrLetter.Trim();
        if (s.Length == 1)
        {
            return FromLetter(s[0]);
        }

        return s.Length == 2 ? FromName(s[0], s[1]) : null;
    }

    /// <summary>Finds an era by its letter: M T S H R in upper or lower case, half- or full-width; null otherwise.</summary>
    public static JapaneseEra? FromLetter(char letter) => Parsing.JapaneseText.FoldChar(letter) switch
    {
        'M' or 'm' => Meiji,
        'T' or 't' => Taisho,
        'S' or 's' => Showa,
        'H' or 'h' => Heisei,
        'R' or 'r' => Reiwa,
        _ => null,
    };

    /// <summary>The Gregorian year in which year <paramref name="eraYear"/> of this era falls (令和2 → 2020).</summary>
    public int ToGregorianYear(int eraYear) => Start.Year + eraYear - 1;

    /// <summary>The era year of a Gregorian year counted in this era (2020 in 令和 → 2); may be out of the era.</summary>
    public int ToEraYear(int gregorianYear) => gregorianYear - Start.Year + 1;

    /// <summary>Writes an era year with 元年 for year 1: 令和元年, 令和2年.</summary>
    public string FormatYear(int eraYear) => eraYear == 1
        ? Name + "元年"
        : Name + eraYear.ToString(CultureInfo.InvariantCulture) + "年";

    /// <summary>The kanji name.</summary>
    public override string ToString() => Name;

    /// <summary>The era in force on a day, counting anything before 大正 as 明治 (no range check).</summary>
    internal static JapaneseEra AtOrMeiji(DateOnly date)
    {
        var eras = All;
        for (var i = eras.Count - 1; i > 0; i--)
        {
            if (date >= eras[i].Start)
            {
                return eras[i];
            }
        }

        return Meiji;
    }

    /// <summary>Finds an era by the two characters of its kanji name, or null.</summary>
    internal static JapaneseEra? FromName(char first, char second) => (first, second) switch
    {
        ('令', '和') => Reiwa,
        ('平', '成') => Heisei,
        ('昭', '和') => Showa,
        ('大', '正') => Taisho,
        ('明', '治') => Meiji,
        _ => null,
    };
}
