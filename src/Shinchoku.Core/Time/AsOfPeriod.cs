using System.Globalization;

namespace Shinchoku.Core.Time;

/// <summary>
/// The period an as-of note names: a day, a calendar month, a calendar year or a fiscal year, with its first and
/// last day. Immutable, with value equality; create it with the <c>Of…</c> factories.
/// </summary>
public readonly struct AsOfPeriod : IEquatable<AsOfPeriod>
{
    private AsOfPeriod(AsOfKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    /// <summary>Whether the period is a day, a month, a calendar year or a fiscal year.</summary>
    public AsOfKind Kind { get; }

    /// <summary>The first day of the period (inclusive): the day itself, the 1st of the month, January 1 or April 1.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the period (inclusive): the day itself, the month's last day, December 31 or March 31.</summary>
    public DateOnly End => Kind switch
    {
        AsOfKind.Month => Start.AddMonths(1).AddDays(-1),
        AsOfKind.CalendarYear => new DateOnly(Start.Year, 12, 31),
        AsOfKind.FiscalYear => new DateOnly(Start.Year + 1, 3, 31),
        _ => Start,
    };

    /// <summary>The calendar year, or for a fiscal year the year it starts in (2020 for 令和2年度).</summary>
    public int Year => Start.Year;

    /// <summary>The month (1..12) of a day or month; 0 for a calendar or fiscal year.</summary>
    public int Month => Kind is AsOfKind.Date or AsOfKind.Month ? Start.Month : 0;

    /// <summary>The day of the month of a day; 0 otherwise.</summary>
    public int Day => Kind == AsOfKind.Date ? Start.Day : 0;

    /// <summary>The fiscal year, when the period is one; otherwise null.</summary>
    public FiscalYear? FiscalYear => Kind == AsOfKind.FiscalYear ? new FiscalYear(Start.Year) : null;

    /// <summary>One day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1868-01-01.</exception>
    public static AsOfPeriod OfDate(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, JapaneseEra.FirstSupportedDay);
        return new AsOfPeriod(AsOfKind.Date, date);
    }

    /// <summary>A calendar month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1868..9999 or the month outside 1..12.</exception>
    public static AsOfPeriod OfMonth(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new AsOfPeriod(AsOfKind.Month, new DateOnly(year, month, 1));
    }

    /// <summary>A calendar year, January to December.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1868..9999.</exception>
    public static AsOfPeriod OfCalendarYear(int year)
    {
        CheckYear(year);
        return new AsOfPeriod(AsOfKind.CalendarYear, new DateOnly(year, 1, 1));
    }

    /// <summary>A fiscal year, April to March.</summary>
    public static AsOfPeriod OfFiscalYear(FiscalYear fiscalYear) => new(AsOfKind.FiscalYear, fiscalYear.FirstDay);

    /// <summary>
    /// The period as reports write it: 令和2年12月1日, 令和2年12月, 令和元年, 令和元年度
    /// (see <see cref="JapaneseDate"/> and <see cref="Time.FiscalYear.ToString"/> for the choice of era).
    /// </summary>
    public override string ToString()
    {
        if (Start < JapaneseEra.FirstSupportedDay)
        {
            // Only default(AsOfPeriod) gets here; the factories refuse earlier days.
            return Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return EraDateReader.Format(new DatePoint(Kind, Year, Month, Day));
    }

    /// <inheritdoc />
    public bool Equals(AsOfPeriod other) => Kind == other.Kind && Start == other.Start;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AsOfPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Start);

    /// <summary>True when both name the same period.</summary>
    public static bool operator ==(AsOfPeriod left, AsOfPeriod right) => left.Equals(right);

    /// <summary>True when they name different periods.</summary>
    public static bool operator !=(AsOfPeriod left, AsOfPeriod right) => !left.Equals(right);

    /// <summary>The period a point read from text names.</summary>
    internal static AsOfPeriod FromPoint(in DatePoint p) => new(p.Kind, EraDateReader.FirstDay(p));

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, Time.FiscalYear.MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }
}
