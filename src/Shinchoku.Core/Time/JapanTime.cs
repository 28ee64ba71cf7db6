namespace Shinchoku.Core.Time;

/// <summary>Japan Standard Time (UTC+9, no daylight saving): deadlines, publication dates and report dates are Japanese calendar days.</summary>
public static class JapanTime
{
    /// <summary>The offset of Japan Standard Time.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The moment as clock time in Japan.</summary>
    public static DateTimeOffset InJapan(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The calendar day in Japan of a moment.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(InJapan(at).DateTime);

    /// <summary>Today in Japan.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
