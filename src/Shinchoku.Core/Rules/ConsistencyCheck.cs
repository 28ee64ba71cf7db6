namespace Shinchoku.Core.Rules;

/// <summary>How printed marks compare with the computed ones.</summary>
public enum Consistency
{
    /// <summary>Every printed mark equals the computed one.</summary>
    Agrees,

    /// <summary>At least one printed mark differs from the computed one; both are kept.</summary>
    Differs,

    /// <summary>Nothing to compare: no mark printed, or no mark computed (see the reason).</summary>
    NotComparable,
}

/// <summary>The comparison of a row's printed marks with its computed marks, and why where they do not agree.</summary>
/// <param name="Result">Agrees, differs or not comparable.</param>
/// <param name="Reason">In Japanese: which mark differs, or why the marks cannot be compared; null when they agree.</param>
public sealed record ConsistencyCheck(Consistency Result, string? Reason)
{
    /// <summary>
    /// Compares <paramref name="printed"/> with the marks shown, mark by mark: the computed marks, replaced where a
    /// person overrode them. This is the one comparison, for the web pages and the import alike: a sheet printed
    /// with the marks a person set (or re-imported from Shinchoku's own export, which prints them with ※) agrees,
    /// and a difference a person settled with a reason no longer counts as one.
    /// </summary>
    public static ConsistencyCheck Compare(EffectiveMarks shown, PrintedMarks printed)
    {
        ArgumentNullException.ThrowIfNull(shown);
        return Compare(shown.AsEvaluation(), printed);
    }

    /// <summary>Compares <paramref name="printed"/> with <paramref name="computed"/>, mark by mark, for the marks that were printed.</summary>
    public static ConsistencyCheck Compare(Evaluation computed, PrintedMarks printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var differences = new List<string>();
        var uncomparable = new List<string>();
        var agreed = 0;

        void Check(string column, PrintedMarkKind kind, bool? computedHasMark, bool marksEqual, string printedText, string computedText)
        {
            switch (kind)
            {
                case PrintedMarkKind.Blank:
                    return;
                case PrintedMarkKind.Unknown:
                case PrintedMarkKind.Suspended:
                    var expected = kind == PrintedMarkKind.Unknown ? NotRatedReason.ValueUnknown : NotRatedReason.ReportingSuspended;
                    if (computed.Reason == expected && computedHasMark != true)
                    {
                        agreed++;
                    }
                    else
                    {
                        differences.Add($"{column}: 印字「{printedText}」、計算「{(computedText.Length > 0 ? computedText : "なし")}」");
                    }

                    return;
                default:
                    if (computedHasMark == true)
                    {
                        if (marksEqual)
                        {
                            agreed++;
                        }
                        else
                        {
                            differences.Add($"{column}: 印字「{printedText}」、計算「{computedText}」");
                        }
                    }
                    else if (computed.Reason is NotRatedReason.ValueUnknown or NotRatedReason.ReportingSuspended)
                    {
                        differences.Add($"{column}: 印字「{printedText}」、計算「{computed.RatingGlyph}」");
                    }
                    else
                    {
                        uncomparable.Add($"{column}: {Evaluation.Describe(computed.Reason) ?? "計算できません。"}");
                    }

                    return;
            }
        }

        var printedTrend = printed.Trend is { } pt ? pt.Glyph(printed.FromActual) : Word(printed.TrendKind);
        Check("進捗（矢印）", printed.TrendKind, computed.Trend is not null,
            computed.Trend == printed.Trend && computed.FromActual == printed.FromActual, printedTrend, computed.TrendGlyph);

        var printedRating = printed.Rating is { } pr ? pr.Glyph() : Word(printed.RatingKind);
        Check("進捗率", printed.RatingKind, computed.Rating is not null, computed.Rating == printed.Rating, printedRating, computed.RatingGlyph);

        var printedInterim = printed.InterimReached is { } pi ? MarkGlyphs.InterimGlyph(pi) : Word(printed.InterimKind);
        var computedInterim = computed.InterimReached is { } ci ? MarkGlyphs.InterimGlyph(ci) : string.Empty;
        Check("中間目標到達", printed.InterimKind, computed.InterimReached is not null,
            computed.InterimReached == printed.InterimReached, printedInterim, computedInterim);

        if (differences.Count > 0)
        {
            return new ConsistencyCheck(Consistency.Differs, string.Join(" / ", differences));
        }

        if (uncomparable.Count > 0)
        {
            return new ConsistencyCheck(Consistency.NotComparable, string.Join(" / ", uncomparable));
        }

        return agreed > 0
            ? new ConsistencyCheck(Consistency.Agrees, null)
            : new ConsistencyCheck(Consistency.NotComparable, "評価の印字がありません。");
    }

    private static string Word(PrintedMarkKind kind) => kind switch
    {
        PrintedMarkKind.Unknown => MarkGlyphs.UnknownWords,
        PrintedMarkKind.Suspended => MarkGlyphs.SuspendedWords,
        _ => string.Empty,
    };
}
