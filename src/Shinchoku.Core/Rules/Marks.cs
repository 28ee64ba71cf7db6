namespace Shinchoku.Core.Rules;

/// <summary>The direction in which an indicator is meant to move.</summary>
public enum Direction
{
    /// <summary>Not known: the targets give no comparable number and nobody has set it. Needs review; never rated.</summary>
    Unknown,

    /// <summary>Higher is better (利用率, 件数).</summary>
    Increase,

    /// <summary>Lower is better (用紙使用量, 離職率).</summary>
    Decrease,

    /// <summary>Staying at the target is the aim; moving away from it in either direction is worse.</summary>
    Maintain,

    /// <summary>A state in words is to be reached (全施設公開).</summary>
    ReachState,
}

/// <summary>The trend arrow of a row: how the value moved from the baseline, in the desired direction.</summary>
public enum Trend
{
    /// <summary>↗ moved towards the target.</summary>
    Improved,

    /// <summary>→ did not move.</summary>
    Unchanged,

    /// <summary>↘ moved away from the target.</summary>
    Worsened,
}

/// <summary>The progress rating of a row (進捗率) by the report's legend.</summary>
public enum Rating
{
    /// <summary>◎ 100%以上.</summary>
    Achieved,

    /// <summary>○ 50%以上進捗.</summary>
    HalfOrMore,

    /// <summary>△ 50%未満進捗 (above 0).</summary>
    BelowHalf,

    /// <summary>ー 進捗に増減なし.</summary>
    NoChange,

    /// <summary>× 減少 (moved away from the target).</summary>
    Declined,
}

/// <summary>The glyphs the report prints for marks, and the words for them.</summary>
public static class MarkGlyphs
{
    /// <summary>The words printed in place of the marks when progress cannot be told.</summary>
    public const string UnknownWords = "不明";

    /// <summary>The words printed in place of the marks when reporting on the indicator is suspended.</summary>
    public const string SuspendedWords = "進捗管理の停止";

    /// <summary>↗ → ↘.</summary>
    public static string Glyph(this Trend trend) => trend switch
    {
        Trend.Improved => "↗",
        Trend.Unchanged => "→",
        Trend.Worsened => "↘",
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, null),
    };

    /// <summary>The arrow, in parentheses when it was read from the actual because there was no projection: (↗).</summary>
    public static string Glyph(this Trend trend, bool fromActual) => fromActual ? "(" + trend.Glyph() + ")" : trend.Glyph();

    /// <summary>◎ ○ △ ー ×.</summary>
    public static string Glyph(this Rating rating) => rating switch
    {
        Rating.Achieved => "◎",
        Rating.HalfOrMore => "○",
        Rating.BelowHalf => "△",
        Rating.NoChange => "ー",
        Rating.Declined => "×",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>○ when the interim target was reached, × when not.</summary>
    public static string InterimGlyph(bool reached) => reached ? "○" : "×";

    /// <summary>到達 / 未到達: the interim target in words, for pages where ○/× would stand beside the rating's ○/×.</summary>
    public static string InterimWords(bool reached) => reached ? "到達" : "未到達";

    /// <summary>The legend's words for a rating (100%以上 …).</summary>
    public static string Describe(this Rating rating) => rating switch
    {
        Rating.Achieved => "100%以上",
        Rating.HalfOrMore => "50%以上進捗",
        Rating.BelowHalf => "50%未満進捗",
        Rating.NoChange => "進捗に増減なし",
        Rating.Declined => "減少",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>The Japanese name of a direction, as a department officer would read it.</summary>
    public static string Describe(this Direction direction) => direction switch
    {
        Direction.Increase => "増加",
        Direction.Decrease => "減少",
        Direction.Maintain => "維持",
        Direction.ReachState => "状態の達成",
        Direction.Unknown => "未設定（要確認）",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };
}
