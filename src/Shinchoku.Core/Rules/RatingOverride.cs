namespace Shinchoku.Core.Rules;

/// <summary>What an authorised person set in place of the computed marks.</summary>
public enum OverrideKind
{
    /// <summary>Marks chosen by the person (any of trend, rating, interim).</summary>
    Marks,

    /// <summary>不明: the person judged that progress cannot be told.</summary>
    Unknown,

    /// <summary>進捗管理の停止: reporting on the indicator is suspended.</summary>
    Suspended,
}

/// <summary>
/// Marks set by a person in place of the computed ones, with the reason, who and when. The computed marks
/// stay visible beside it (see <see cref="EffectiveMarks"/>).
/// </summary>
public sealed record RatingOverride
{
    /// <summary>
    /// The override in force among a report's overrides, withdrawn ones included: the latest one not withdrawn, or
    /// null. This is the one place that says which override applies.
    /// </summary>
    public static WrittenOverride? Active(IEnumerable<WrittenOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return overrides.Where(o => o.IsActive).MaxBy(o => o.At);
    }

    /// <summary>Creates an override; the reason is required, and marks need at least one of trend, rating, interim.</summary>
    public RatingOverride(OverrideKind kind, string reason, string by, DateTimeOffset at,
        Trend? trend = null, Rating? rating = null, bool? interimReached = null)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("評価を変更する理由を入力してください。", nameof(reason));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (kind == OverrideKind.Marks && trend is null && rating is null && interimReached is null)
        {
            throw new ArgumentException("変更後の評価（矢印・進捗率・中間目標到達のいずれか）を指定してください。", nameof(kind));
        }

        if (kind != OverrideKind.Marks && (trend is not null || rating is not null || interimReached is not null))
        {
            throw new ArgumentException("「不明」「進捗管理の停止」とする場合は評価記号を指定しません。", nameof(kind));
        }

        Kind = kind;
        Reason = reason.Trim();
        By = by.Trim();
        At = at;
        Trend = trend;
        Rating = rating;
        InterimReached = interimReached;
    }

    /// <summary>Marks, unknown, or suspended.</summary>
    public OverrideKind Kind { get; }

    /// <summary>Why the computed marks were not used; required.</summary>
    public string Reason { get; }

    /// <summary>Who set it (user name or id).</summary>
    public string By { get; }

    /// <summary>When it was set.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The trend set, or null to keep the computed one.</summary>
    public Trend? Trend { get; }

    /// <summary>The rating set, or null to keep the computed one.</summary>
    public Rating? Rating { get; }

    /// <summary>The interim mark set, or null to keep the computed one.</summary>
    public bool? InterimReached { get; }
}

/// <summary>The marks shown for a row: the computed ones, replaced where a person overrode them.</summary>
/// <param name="Computed">The computed evaluation, always kept.</param>
/// <param name="Override">The override, or null.</param>
public sealed record EffectiveMarks(Evaluation Computed, RatingOverride? Override)
{
    /// <summary>True when a person overrode the computed marks.</summary>
    public bool IsOverridden => Override is not null;

    /// <summary>The trend shown.</summary>
    public Trend? Trend => Override switch
    {
        null => Computed.Trend,
        { Kind: OverrideKind.Marks } o => o.Trend ?? Computed.Trend,
        _ => null,
    };

    /// <summary>The rating shown.</summary>
    public Rating? Rating => Override switch
    {
        null => Computed.Rating,
        { Kind: OverrideKind.Marks } o => o.Rating ?? Computed.Rating,
        _ => null,
    };

    /// <summary>The interim mark shown.</summary>
    public bool? InterimReached => Override switch
    {
        null => Computed.InterimReached,
        { Kind: OverrideKind.Marks } o => o.InterimReached ?? Computed.InterimReached,
        _ => null,
    };

    /// <summary>The rating cell as printed: a glyph, 不明 or 進捗管理の停止.</summary>
    public string RatingGlyph => Override switch
    {
        { Kind: OverrideKind.Unknown } => MarkGlyphs.UnknownWords,
        { Kind: OverrideKind.Suspended } => MarkGlyphs.SuspendedWords,
        _ => Rating is { } r ? r.Glyph() : Computed.RatingGlyph,
    };

    /// <summary>The arrow shown, in parentheses when the computed marks were read from the actual; empty when none.</summary>
    public string TrendGlyph => Trend is { } t ? t.Glyph(Computed.FromActual) : string.Empty;

    /// <summary>The interim mark shown: ○, ×, or empty.</summary>
    public string InterimGlyph => InterimReached is { } r ? MarkGlyphs.InterimGlyph(r) : string.Empty;

    /// <summary>
    /// The marks shown as an evaluation, to compare with printed marks: 不明 and 進捗管理の停止 set by a person read as
    /// the computed 不明 and 停止 would; marks set by a person replace the computed ones.
    /// </summary>
    internal Evaluation AsEvaluation() => Override switch
    {
        null => Computed,
        { Kind: OverrideKind.Unknown } => Evaluation.NotRated(NotRatedReason.ValueUnknown, Computed.Direction, Computed.Source),
        { Kind: OverrideKind.Suspended } => Evaluation.NotRated(NotRatedReason.ReportingSuspended, Computed.Direction, Computed.Source),
        _ => Computed with
        {
            Trend = Trend,
            Rating = Rating,
            InterimReached = InterimReached,
            Reason = Rating is null ? Computed.Reason : NotRatedReason.None,
        },
    };
}
