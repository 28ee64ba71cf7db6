using System.Globalization;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Time;

/// <summary>
/// A Japanese fiscal year (年度), April 1 to March 31, identified by the Gregorian year it starts in:
/// FY2020 = 令和2年度 = 2020-04-01..2021-03-31. The default value is FY1868, the first year in range.
/// </summary>
public readonly struct FiscalYear : IEquatable<FiscalYear>, IComparable<FiscalYear>, IComparable
{
    /// <summary>The first start year in range (明治元年度).</summary>
    public const int MinStartYear = 1868;

    /// <summary>The last start year in range (its last day, 9999-03-31, is the last representable March 31).</summary>
    public const int MaxStartYear = 9998;

    // Stored as an offset so that default(FiscalYear) is a valid value (FY1868) rather than year 0.
    private readonly int offset;

    /// <summary>Creates the fiscal year that starts on April 1 of <paramref name="startYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startYear"/> is outside 1868..9998.</exception>
    public FiscalYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, MaxStartYear);
        offset = startYear - MinStartYear;
    }

    /// <summary>The earliest fiscal year in range, FY1868.</summary>
    public static FiscalYear MinValue => new(MinStartYear);

    /// <summary>The latest fiscal year in range, FY9998.</summary>
    public static FiscalYear MaxValue => new(MaxStartYear);

    /// <summary>The Gregorian year the fiscal year starts in (2020 for 令和2年度).</summary>
    public int StartYear => MinStartYear + offset;

    /// <summary>April 1 of <see cref="StartYear"/>, the first day (inclusive).</summary>
    public DateOnly FirstDay => new(StartYear, 4, 1);

    /// <summary>March 31 of the following year, the last day (inclusive).</summary>
    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    /// <summary>The era the fiscal year is named in (see <see cref="ToString"/>).</summary>
    public JapaneseEra Era => StartYear == 2019 ? JapaneseEra.Reiwa : JapaneseEra.AtOrMeiji(FirstDay);

    /// <summary>The era year the fiscal year is named with (2 for 令和2年度, 1 for 令和元年度).</summary>
    public int EraYear => Era.ToEraYear(StartYear);

    /// <summary>The fiscal year containing <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1868-04-01 or after 9999-03-31.</exception>
    public static FiscalYear Of(DateOnly date)
    {
        var year = date.Month >= 4 ? date.Year : date.Year - 1;
        if (year is < MinStartYear or > MaxStartYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The date must fall within fiscal years 1868 to 9998 (1868-04-01 to 9999-03-31).");
        }

        return new FiscalYear(year);
    }

    /// <summary>True when <paramref name="date"/> falls within this fiscal year, both ends included.</summary>
    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>The fiscal year <paramref name="years"/> later (earlier when negative).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would be outside 1868..9998.</exception>
    public FiscalYear PlusYears(int years)
    {
        var year = (long)StartYear + years;
        if (year is < MinStartYear or > MaxStartYear)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "The resulting fiscal year must be within 1868 to 9998.");
        }

        return new FiscalYear((int)year);
    }

    /// <summary>The following fiscal year.</summary>
    public FiscalYear Next() => PlusYears(1);

    /// <summary>The preceding fiscal year.</summary>
    public FiscalYear Previous() => PlusYears(-1);

    /// <summary>
    /// The name used in reports: 令和2年度, 令和元年度, 平成30年度, 昭和63年度.
    /// </summary>
    public override string ToString()
    {
        // A fiscal year is named in the era in force on its first day (FY1988 = 昭和63年度, FY2018 = 平成30年度),
        // except FY2019, which by official convention is 令和元年度 though it began in 平成 (平成31年度 is read too).
        var era = Era;
        return era.FormatYear(era.ToEraYear(StartYear)) + "度";
    }

    /// <summary>The English form, FY2020.</summary>
    public string ToEnglishString() => "FY" + StartYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a fiscal year as people write it: 令和2年度, 令和２年度, 令和元年度, 令和二年度, 平成31年度 (= 令和元年度),
    /// R2, R2年度, R元年度, H30, r2, Ｒ２, 2020年度, FY2020, fy2020 or a plain 2020, with surrounding spaces.
    /// An ended era's name used for a later year (平成32年度) is read with a warning. Never throws.
    /// </summary>
    public static ParseResult<FiscalYear> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<FiscalYear>.Fail(ParseProblem.Empty, "年度が入力されていません。");
        }

        var s = text.AsSpan().Trim();
        List<ParseMessage>? messages = null;
        var pos = 0;
        var status = EraDateReader.Read(s, ref pos, allowBareYear: true, ref messages, out var point);
        switch (status)
        {
            case EraDateReader.Status.NotADate:
                return ParseResult<FiscalYear>.Fail(ParseProblem.Unrecognised, $"「{s}」を年度として読み取れません（例: 令和2年度、R2、2020年度、FY2020）。");
            case EraDateReader.Status.Error:
                return ParseResult<FiscalYear>.Fail(messages!);
        }

        if (point.Kind != AsOfKind.FiscalYear)
        {
            return ParseResult<FiscalYear>.Fail(ParseProblem.Unrecognised, $"「{s}」は年度ではありません（「令和2年度」のように「年度」を付けて書いてください）。");
        }

        var rest = s[pos..].Trim();
        if (!rest.IsEmpty)
        {
            return ParseResult<FiscalYear>.Fail(ParseProblem.TrailingText, $"「{s}」の「{rest}」を読み取れません（年度だけを書いてください）。");
        }

        return ParseResult<FiscalYear>.Ok(new FiscalYear(point.Year), messages);
    }

    /// <inheritdoc />
    public bool Equals(FiscalYear other) => offset == other.offset;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FiscalYear other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => offset;

    /// <summary>Orders fiscal years by start year.</summary>
    public int CompareTo(FiscalYear other) => offset.CompareTo(other.offset);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        FiscalYear other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a FiscalYear.", nameof(obj)),
    };

    /// <summary>True when both are the same fiscal year.</summary>
    public static bool operator ==(FiscalYear left, FiscalYear right) => left.Equals(right);

    /// <summary>True when they are different fiscal years.</summary>
    public static bool operator !=(FiscalYear left, FiscalYear right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> starts earlier.</summary>
    public static bool operator <(FiscalYear left, FiscalYear right) => left.offset < right.offset;

    /// <summary>True when <paramref name="left"/> starts later.</summary>
    public static bool operator >(FiscalYear left, FiscalYear right) => left.offset > right.offset;

    /// <summary>True when <paramref name="left"/> starts earlier or is the same year.</summary>
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.offset <= right.offset;

    /// <summary>True when <paramref name="left"/> starts later or is the same year.</summary>
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.offset >= right.offset;
}
