namespace Shinchoku.Core.Rules;

/// <summary>
/// What is kept of an <see cref="IndicatorYear"/> with the report, so that reading a KPI needs neither the parser
/// nor the evaluator: the computed evaluation, the explanation, the printed marks as read, the comparable numbers
/// for charts and every message, stamped with the rules' version. Made by <see cref="IndicatorYear.ToRecord"/>
/// and read back by <see cref="IndicatorYear.Restore"/>, which checks it; a database maps it as columns.
/// </summary>
public sealed record IndicatorYearRecord
{
    /// <summary>The <see cref="IndicatorYear.RulesVersion"/> it was computed with; 0 for a row never computed.</summary>
    public int RulesVersion { get; init; }

    /// <summary>
    /// A fingerprint of what the year was made from (the texts, the targets in force, the direction set, the printed
    /// marks): a record whose inputs have changed since is not used, even if a write path forgot to compute it again.
    /// </summary>
    public long InputHash { get; init; }

    /// <summary>See <see cref="Evaluation.Direction"/>.</summary>
    public Direction Direction { get; init; }

    /// <summary>See <see cref="Evaluation.Source"/>.</summary>
    public ValueSource Source { get; init; }

    /// <summary>See <see cref="Evaluation.Progress"/>.</summary>
    public decimal? Progress { get; init; }

    /// <summary>See <see cref="Evaluation.Trend"/>.</summary>
    public Trend? Trend { get; init; }

    /// <summary>See <see cref="Evaluation.Rating"/>.</summary>
    public Rating? Rating { get; init; }

    /// <summary>See <see cref="Evaluation.InterimReached"/>.</summary>
    public bool? InterimReached { get; init; }

    /// <summary>See <see cref="Evaluation.Reason"/>.</summary>
    public NotRatedReason Reason { get; init; }

    /// <summary>See <see cref="Evaluation.Warnings"/>.</summary>
    public EvaluationWarnings Warnings { get; init; }

    /// <summary>See <see cref="Evaluation.Detail"/>.</summary>
    public string? Detail { get; init; }

    /// <summary>See <see cref="IndicatorYear.Explanation"/>.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>The value the marks were computed from, in the targets' unit; null when none.</summary>
    public decimal? ValueMagnitude { get; init; }

    /// <summary>The baseline in the targets' unit; null when it has no number.</summary>
    public decimal? BaselineMagnitude { get; init; }

    /// <summary>The interim target in force, in the targets' unit; null when it has no number.</summary>
    public decimal? InterimTargetMagnitude { get; init; }

    /// <summary>The final target in the targets' unit; null when it has no number.</summary>
    public decimal? FinalTargetMagnitude { get; init; }

    /// <summary>See <see cref="PrintedMarks.TrendKind"/> (Blank when nothing was printed).</summary>
    public PrintedMarkKind PrintedTrendKind { get; init; }

    /// <summary>See <see cref="PrintedMarks.Trend"/>.</summary>
    public Trend? PrintedTrend { get; init; }

    /// <summary>See <see cref="PrintedMarks.FromActual"/>.</summary>
    public bool PrintedFromActual { get; init; }

    /// <summary>See <see cref="PrintedMarks.RatingKind"/>.</summary>
    public PrintedMarkKind PrintedRatingKind { get; init; }

    /// <summary>See <see cref="PrintedMarks.Rating"/>.</summary>
    public Rating? PrintedRating { get; init; }

    /// <summary>See <see cref="PrintedMarks.InterimKind"/>.</summary>
    public PrintedMarkKind PrintedInterimKind { get; init; }

    /// <summary>See <see cref="PrintedMarks.InterimReached"/>.</summary>
    public bool? PrintedInterimReached { get; init; }

    /// <summary>Every message, one a line: field, E or W, problem, text, separated by tabs.</summary>
    public string Messages { get; init; } = "";
}
