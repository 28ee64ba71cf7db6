namespace Shinchoku.Core.Rules;

/// <summary>Which reported value a row's marks were computed from.</summary>
public enum ValueSource
{
    /// <summary>No value could be used.</summary>
    None,

    /// <summary>The year-end projection (見込値): the arrow is printed plain, ↗.</summary>
    Projection,

    /// <summary>The actual (実績値), because there was no projection: the arrow is printed in parentheses, (↗).</summary>
    Actual,
}

/// <summary>Why no rating was computed. The evaluation never invents a mark.</summary>
public enum NotRatedReason
{
    /// <summary>A rating was computed.</summary>
    None,

    /// <summary>The value is reported as unknown (不明, 算出不可, 調査の予定).</summary>
    ValueUnknown,

    /// <summary>Reporting of the indicator was suspended (進捗管理の停止).</summary>
    ReportingSuspended,

    /// <summary>Neither a projection nor an actual was written.</summary>
    NoValue,

    /// <summary>The desired direction is unknown: nobody set it and the targets do not tell.</summary>
    DirectionUnknown,

    /// <summary>No baseline, and the value has not reached the target, so progress cannot be measured.</summary>
    NoBaseline,

    /// <summary>No target to measure progress against.</summary>
    NoTarget,

    /// <summary>The value, baseline and target are not numbers that can be compared (e.g. parts of different measures).</summary>
    NotComparable,

    /// <summary>A state target not yet reached, with a value that moved: a person must judge.</summary>
    NeedsJudgement,

    /// <summary>The direction set for the indicator contradicts its target (increase, but the target is below the baseline).</summary>
    DirectionConflictsWithTarget,

    /// <summary>
    /// The row could not be evaluated at all: a stored value no longer reads (written before the value range was
    /// enforced), or the evaluation failed. Shown as 評価できません with <see cref="Evaluation.Detail"/>; the row
    /// stands alone, every other row and page still answers.
    /// </summary>
    Unevaluable,
}

/// <summary>Remarks on an evaluation that still produced marks.</summary>
[Flags]
public enum EvaluationWarnings
{
    /// <summary>No remark.</summary>
    None = 0,

    /// <summary>Value, baseline and target are written in different units; compared as numbers anyway.</summary>
    UnitMismatch = 1,

    /// <summary>There is no baseline; the value reached the target, so it is rated ◎ without a measured progress.</summary>
    NoBaseline = 2,
}

/// <summary>
/// The computed marks of one indicator's report for one fiscal year: the value used, progress, trend, rating
/// and whether the interim target was reached, or why no rating could be computed. A small value; creating
/// one allocates nothing. Only Core makes one (the evaluator, or <see cref="IndicatorYear"/> restoring a stored
/// one), so no other layer can put together marks the rules would never give.
/// </summary>
public readonly record struct Evaluation
{
    /// <summary>The direction the row was rated in.</summary>
    public Direction Direction { get; internal init; }

    /// <summary>Which value the marks were computed from.</summary>
    public ValueSource Source { get; internal init; }

    /// <summary>(value − baseline) ÷ (target − baseline) in the desired direction; null where it is not a ratio of distances.</summary>
    public decimal? Progress { get; internal init; }

    /// <summary>The trend arrow, or null when it cannot be computed.</summary>
    public Trend? Trend { get; internal init; }

    /// <summary>The rating, or null when it cannot be computed (see <see cref="Reason"/>).</summary>
    public Rating? Rating { get; internal init; }

    /// <summary>Whether the interim target is reached (資料4-1), or null when there is none or it cannot be told.</summary>
    public bool? InterimReached { get; internal init; }

    /// <summary>Why no rating was computed, or <see cref="NotRatedReason.None"/>.</summary>
    public NotRatedReason Reason { get; internal init; }

    /// <summary>Remarks that did not stop the rating.</summary>
    public EvaluationWarnings Warnings { get; internal init; }

    /// <summary>For <see cref="NotRatedReason.Unevaluable"/>: what could not be read or computed, in Japanese; otherwise null.</summary>
    public string? Detail { get; internal init; }

    /// <summary>True when the arrow is printed in parentheses because the actual was used.</summary>
    public bool FromActual => Source == ValueSource.Actual;

    /// <summary>True when a rating was computed.</summary>
    public bool IsRated => Rating is not null;

    /// <summary>The arrow as the report prints it, (↗) when read from the actual; empty when there is none.</summary>
    public string TrendGlyph => Trend is { } t ? t.Glyph(FromActual) : string.Empty;

    /// <summary>The rating glyph, or the printed word for an unknown or suspended row, or empty.</summary>
    public string RatingGlyph => Rating is { } r ? r.Glyph() : Reason switch
    {
        NotRatedReason.ValueUnknown => MarkGlyphs.UnknownWords,
        NotRatedReason.ReportingSuspended => MarkGlyphs.SuspendedWords,
        NotRatedReason.Unevaluable => UnevaluableWords,
        _ => string.Empty,
    };

    /// <summary>Why no rating was computed, in Japanese for the people who enter and review the data; null when rated.</summary>
    public string? ReasonText => Reason == NotRatedReason.Unevaluable && Detail is not null ? Describe(Reason) + Detail : Describe(Reason);

    /// <summary>The Japanese explanation of a reason, or null for <see cref="NotRatedReason.None"/>.</summary>
    public static string? Describe(NotRatedReason reason) => reason switch
    {
        NotRatedReason.None => null,
        NotRatedReason.ValueUnknown => "実績値・見込値が不明のため評価できません。",
        NotRatedReason.ReportingSuspended => "進捗管理が停止されているため評価しません。",
        NotRatedReason.NoValue => "実績値・見込値が入力されていないため評価できません。",
        NotRatedReason.DirectionUnknown => "目標の方向（増加・減少など）が分からないため評価できません。指標の方向を設定してください。",
        NotRatedReason.NoBaseline => "基準値がなく、目標にも達していないため進捗率を計算できません。",
        NotRatedReason.NoTarget => "目標値がないため評価できません。",
        NotRatedReason.NotComparable => "基準値・実績値（見込値）・目標値を数値として比較できないため評価できません。",
        NotRatedReason.NeedsJudgement => "状態の目標に未到達のため、担当者による判断が必要です。",
        NotRatedReason.DirectionConflictsWithTarget => "指標に設定された方向と目標値の向きが矛盾しているため評価できません。",
        NotRatedReason.Unevaluable => UnevaluableWords + "。",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>The words shown in place of a mark for a row that could not be evaluated.</summary>
    public const string UnevaluableWords = "評価できません";

    /// <summary>A row that could not be evaluated, with what could not be read or computed (quoting the value).</summary>
    public static Evaluation Unevaluable(string detail, Direction direction = Direction.Unknown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return new() { Reason = NotRatedReason.Unevaluable, Direction = direction, Detail = detail.Trim() };
    }

    /// <summary>
    /// An evaluation read back from storage, checked against what the rules can give: rated exactly when no reason
    /// is given, a reason the rules know, a detail only for <see cref="NotRatedReason.Unevaluable"/>. Anything else
    /// is <see cref="NotRatedReason.Unevaluable"/> (the stored marks are not shown), never an exception.
    /// </summary>
    internal static Evaluation Restore(Direction direction, ValueSource source, decimal? progress, Trend? trend, Rating? rating,
        bool? interimReached, NotRatedReason reason, EvaluationWarnings warnings, string? detail)
    {
        var known = Enum.IsDefined(direction) && Enum.IsDefined(source) && Enum.IsDefined(reason)
            && (trend is null || Enum.IsDefined(trend.Value)) && (rating is null || Enum.IsDefined(rating.Value))
            && (warnings & ~(EvaluationWarnings.UnitMismatch | EvaluationWarnings.NoBaseline)) == 0;
        var consistent = (rating is null) == (reason != NotRatedReason.None)
            && (reason == NotRatedReason.Unevaluable) == !string.IsNullOrWhiteSpace(detail)
            && (progress is null || rating is not null);
        if (!known || !consistent)
        {
            return Unevaluable("保存された評価が読み取れません。評価を計算し直してください（recompute）。", Enum.IsDefined(direction) ? direction : Direction.Unknown);
        }

        return new()
        {
            Direction = direction, Source = source, Progress = progress, Trend = trend, Rating = rating,
            InterimReached = interimReached, Reason = reason, Warnings = warnings, Detail = detail?.Trim(),
        };
    }

    internal static Evaluation NotRated(NotRatedReason reason, Direction direction, ValueSource source = ValueSource.None) =>
        new() { Reason = reason, Direction = direction, Source = source };
}
