using Shinchoku.Core.Values;

namespace Shinchoku.Core.Rules;

/// <summary>
/// The rating rules of the progress report (legend: ◎100%以上 ○50%以上進捗 △50%未満進捗 ー進捗に増減なし ×減少).
/// The value compared is the projection, or the actual where there is none (the arrow then printed in
/// parentheses); progress = (value − baseline) ÷ (target − baseline) in the desired direction.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates one report row of <paramref name="indicator"/>.</summary>
    public static Evaluation Evaluate(Indicator indicator, ReportValues values)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        return Evaluate(values, indicator.DirectionFor(values));
    }

    /// <summary>Evaluates one report row in the given desired direction. Allocates nothing.</summary>
    public static Evaluation Evaluate(ReportValues values, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Actual.Kind == KpiValueKind.Suspended || values.Projection.Kind == KpiValueKind.Suspended
            || values.FinalTarget.Kind == KpiValueKind.Suspended)
        {
            return Evaluation.NotRated(NotRatedReason.ReportingSuspended, direction);
        }

        var hint = TargetUnit(values);
        KpiValue value;
        ValueSource source;
        if (IsUsable(values.Projection, hint))
        {
            value = values.Projection;
            source = ValueSource.Projection;
        }
        else if (IsUsable(values.Actual, hint))
        {
            value = values.Actual;
            source = ValueSource.Actual;
        }
        else
        {
            var unknown = values.Projection.Kind == KpiValueKind.Unknown || values.Actual.Kind == KpiValueKind.Unknown;
            return Evaluation.NotRated(unknown ? NotRatedReason.ValueUnknown : NotRatedReason.NoValue, direction);
        }

        var result = direction switch
        {
            Direction.Unknown => Evaluation.NotRated(NotRatedReason.DirectionUnknown, direction, source),
            Direction.ReachState => EvaluateState(values, value, source),
            _ => EvaluateNumber(values, value, source, direction, hint),
        };

        return result with { InterimReached = InterimReached(values, value, direction, hint) };
    }

    /// <summary>
    /// The progress in words, as the public pages show it: "(39 − 31) ÷ (41 − 31) = 80% → ○". Empty when
    /// the evaluation has no progress ratio.
    /// </summary>
    public static string Explain(ReportValues values, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (evaluation.Progress is not { } progress || evaluation.Rating is not { } rating)
        {
            return string.Empty;
        }

        var hint = TargetUnit(values);
        var value = evaluation.Source == ValueSource.Actual ? values.Actual : values.Projection;
        value.TryGetMagnitude(hint, out var v, out _);
        values.Baseline.TryGetMagnitude(hint, out var b, out _);
        values.FinalTarget.TryGetMagnitude(hint, out var t, out _);
        return $"({Show(v)} − {Show(b)}) ÷ ({Show(t)} − {Show(b)}) = {ProgressPercent.Format(progress)} → {rating.Glyph()}";

        static string Show(decimal d) => KpiValue.FormatNumber(Math.Round(d, 4).Normalize());
    }

    /// <summary>
    /// The comparable number of <paramref name="value"/> in the unit the row's targets are written in (a ratio read
    /// as a percentage against a target in %), as the rating compares it; null when it has none. For charts.
    /// </summary>
    internal static decimal? MagnitudeInTargetUnit(ReportValues values, KpiValue value) =>
        value.TryGetMagnitude(TargetUnit(values), out var magnitude, out _) ? magnitude : null;

    private static decimal Normalize(this decimal d) => d / 1.000000000000000000000000000000000m;

    private static Unit TargetUnit(ReportValues values)
    {
        if (values.FinalTarget.TryGetMagnitude(Unit.None, out _, out var unit) && !unit.IsNone)
        {
            return unit;
        }

        if (values.InterimTarget.TryGetMagnitude(Unit.None, out _, out unit) && !unit.IsNone)
        {
            return unit;
        }

        return values.Baseline.TryGetMagnitude(Unit.None, out _, out unit) ? unit : Unit.None;
    }

    private static bool IsUsable(KpiValue value, Unit hint) =>
        value.Kind == KpiValueKind.State || value.TryGetMagnitude(hint, out _, out _);

    private static Evaluation EvaluateState(ReportValues values, KpiValue value, ValueSource source)
    {
        if (values.FinalTarget is not StateValue target)
        {
            // 'Reach a state' set by a person for a KPI whose target is a number.
            return Evaluation.NotRated(NotRatedReason.DirectionConflictsWithTarget, Direction.ReachState, source);
        }

        var baseline = values.Baseline;
        var baselineReached = baseline is StateValue bs && bs.SameStateAs(target);
        if (value is StateValue vs && vs.SameStateAs(target))
        {
            return new Evaluation
            {
                Direction = Direction.ReachState,
                Source = source,
                Trend = baselineReached ? Trend.Unchanged : Trend.Improved,
                Rating = Rating.Achieved,
            };
        }

        if (SameValue(baseline, value))
        {
            return new Evaluation
            {
                Direction = Direction.ReachState,
                Source = source,
                Trend = Trend.Unchanged,
                Rating = Rating.NoChange,
            };
        }

        return Evaluation.NotRated(NotRatedReason.NeedsJudgement, Direction.ReachState, source);
    }

    private static bool SameValue(KpiValue a, KpiValue b)
    {
        if (a is StateValue sa && b is StateValue sb)
        {
            return sa.SameStateAs(sb);
        }

        return a.TryGetMagnitude(Unit.None, out var x, out var unit) && b.TryGetMagnitude(unit, out var y, out _) && x == y;
    }

    private static Evaluation EvaluateNumber(ReportValues values, KpiValue value, ValueSource source, Direction direction, Unit hint)
    {
        if (!value.TryGetMagnitude(hint, out var v, out var valueUnit))
        {
            return Evaluation.NotRated(NotRatedReason.NotComparable, direction, source);
        }

        var warnings = EvaluationWarnings.None;
        var target = values.FinalTarget;
        var hasTarget = target.TryGetMagnitude(valueUnit, out var t, out var targetUnit);
        if (hasTarget && !valueUnit.IsCompatibleWith(targetUnit))
        {
            warnings |= EvaluationWarnings.UnitMismatch;
        }

        if (!hasTarget && target is not DirectionGoal)
        {
            return Evaluation.NotRated(NotRatedReason.NoTarget, direction, source);
        }

        if (!values.Baseline.TryGetMagnitude(valueUnit, out var b, out var baselineUnit))
        {
            // Without a baseline nothing can be measured, except that a value already at the target has reached it.
            if (hasTarget && direction is Direction.Increase or Direction.Decrease && Sign(direction) * (v - t) >= 0)
            {
                return new Evaluation
                {
                    Direction = direction,
                    Source = source,
                    Trend = Trend.Improved,
                    Rating = Rating.Achieved,
                    Warnings = warnings | EvaluationWarnings.NoBaseline,
                };
            }

            return Evaluation.NotRated(values.Baseline.Kind == KpiValueKind.Nothing ? NotRatedReason.NoBaseline : NotRatedReason.NotComparable, direction, source);
        }

        if (!baselineUnit.IsCompatibleWith(valueUnit))
        {
            warnings |= EvaluationWarnings.UnitMismatch;
        }

        if (direction == Direction.Maintain)
        {
            return EvaluateMaintain(v, b, hasTarget ? t : b, source, warnings);
        }

        var sign = Sign(direction);
        var moved = sign * (v - b);
        var trend = moved > 0 ? Trend.Improved : moved == 0 ? Trend.Unchanged : Trend.Worsened;
        if (!hasTarget || t == b)
        {
            // A direction-only target, or a target equal to the baseline: any improvement reaches it.
            return new Evaluation
            {
                Direction = direction,
                Source = source,
                Trend = trend,
                Rating = moved > 0 ? Rating.Achieved : moved == 0 ? Rating.NoChange : Rating.Declined,
                Warnings = warnings,
            };
        }

        var span = t - b;
        if (Math.Sign(span) != sign)
        {
            return Evaluation.NotRated(NotRatedReason.DirectionConflictsWithTarget, direction, source);
        }

        var (progress, rating) = Progress(v - b, span);
        return new Evaluation
        {
            Direction = direction,
            Source = source,
            Progress = progress,
            Trend = trend,
            Rating = rating,
            Warnings = warnings,
        };
    }

    /// <summary>Maintain: the distance to the target is what counts; moving away from it either way is worse.</summary>
    private static Evaluation EvaluateMaintain(decimal v, decimal b, decimal t, ValueSource source, EvaluationWarnings warnings)
    {
        var before = Math.Abs(b - t);
        var now = Math.Abs(v - t);
        if (v == b || now == before)
        {
            return new Evaluation
            {
                Direction = Direction.Maintain,
                Source = source,
                Trend = Trend.Unchanged,
                Rating = Rating.NoChange,
                Progress = before == 0 ? null : 0m,
                Warnings = warnings,
            };
        }

        if (now > before)
        {
            return new Evaluation
            {
                Direction = Direction.Maintain,
                Source = source,
                Trend = Trend.Worsened,
                Rating = Rating.Declined,
                Progress = before == 0 ? null : Progress(before - now, before).Progress,
                Warnings = warnings,
            };
        }

        var (progress, rating) = Progress(before - now, before);
        return new Evaluation
        {
            Direction = Direction.Maintain,
            Source = source,
            Trend = Trend.Improved,
            Rating = rating,
            Progress = progress,
            Warnings = warnings,
        };
    }

    private static bool? InterimReached(ReportValues values, KpiValue value, Direction direction, Unit hint)
    {
        var interim = values.InterimTarget;
        switch (interim)
        {
            case StateValue state:
                return value is StateValue vs ? vs.SameStateAs(state) : null;
            case DirectionGoal goal:
                if (!value.TryGetMagnitude(hint, out var v0, out var unit0) || !values.Baseline.TryGetMagnitude(unit0, out var b0, out _))
                {
                    return null;
                }

                return goal.Direction == Direction.Maintain ? v0 == b0 : Sign(goal.Direction) * (v0 - b0) > 0;
        }

        if (direction is not (Direction.Increase or Direction.Decrease or Direction.Maintain)
            || !value.TryGetMagnitude(hint, out var v, out var unit)
            || !interim.TryGetMagnitude(unit, out var t, out _))
        {
            return null;
        }

        return direction == Direction.Maintain ? v == t : Sign(direction) * (v - t) >= 0;
    }

    /// <summary>
    /// The largest progress kept as a number: 10^18 (10^20 %). Beyond it the quotient is left out (no percentage is
    /// printed) and the rating follows from the signs alone, which is exact: such a progress is far above 1 or below 0.
    /// Only ratios of tiny fractions (1/999,999,999,999,999) come near it; the limit keeps progress × 100 and every
    /// later sum inside decimal's range.
    /// </summary>
    private const decimal MaxProgress = 1_000_000_000_000_000_000m;

    /// <summary>
    /// <paramref name="distance"/> ÷ <paramref name="span"/> (span not zero) and its rating; never overflows. Where the
    /// quotient is too large (over <see cref="MaxProgress"/>) or too small for decimal (a non-zero distance that
    /// divides to 0), no progress is given and the rating follows from the signs, which is exact either way.
    /// </summary>
    private static (decimal? Progress, Rating Rating) Progress(decimal distance, decimal span)
    {
        var sign = Math.Sign(distance) * Math.Sign(span);
        if (Math.Abs(distance) / MaxProgress > Math.Abs(span))
        {
            return (null, sign > 0 ? Rating.Achieved : Rating.Declined);
        }

        var progress = distance / span;
        if (Math.Abs(progress) > MaxProgress)
        {
            // The test above is itself a rounded division: a quotient just over the limit can pass it.
            return (null, sign > 0 ? Rating.Achieved : Rating.Declined);
        }

        if (progress == 0 && sign != 0)
        {
            return (null, sign > 0 ? Rating.BelowHalf : Rating.Declined);
        }

        return (progress, RatingOf(progress));
    }

    private static Rating RatingOf(decimal progress) =>
        progress >= 1m ? Rating.Achieved
        : progress >= 0.5m ? Rating.HalfOrMore
        : progress > 0m ? Rating.BelowHalf
        : progress == 0m ? Rating.NoChange
        : Rating.Declined;

    private static int Sign(Direction direction) => direction == Direction.Decrease ? -1 : 1;
}
