namespace Shinchoku.Core.Time;

/// <summary>The word written after the period in an as-of note. 末 (end of) is kept apart, in <see cref="AsOf.IsEnd"/>.</summary>
public enum AsOfQualifier
{
    /// <summary>No word: 令和元年度, 令和2年12月末.</summary>
    None,

    /// <summary>現在 (as at): 令和2年12月末現在.</summary>
    Present,

    /// <summary>時点 (at the point of): 令和2年11月時点.</summary>
    PointInTime,

    /// <summary>実績 (actual result for): H30実績, 令和元年度実績.</summary>
    Actual,

    /// <summary>累計 (cumulative total): 平成30年度～令和2年12月累計.</summary>
    Cumulative,
}
