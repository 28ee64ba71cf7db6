namespace Shinchoku.Core.Time;

/// <summary>What kind of period an as-of note (時点の注記) names.</summary>
public enum AsOfKind
{
    /// <summary>One day: 令和2年12月1日現在.</summary>
    Date,

    /// <summary>A calendar month: 令和2年12月末現在, 令和2年11月時点.</summary>
    Month,

    /// <summary>A calendar year alone: 令和元年, read when the month could not be (令和元年11時点).</summary>
    CalendarYear,

    /// <summary>A fiscal year, April to March: 令和元年度, H30実績.</summary>
    FiscalYear,
}
