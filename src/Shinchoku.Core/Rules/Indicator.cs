using Shinchoku.Core.Values;

namespace Shinchoku.Core.Rules;

/// <summary>
/// What the rules need of a KPI (成果指標): its desired direction. The direction is either set by a person or
/// inferred from the targets; it is never guessed from the name, and <see cref="Direction.Unknown"/> means
/// "needs review".
/// </summary>
public sealed class Indicator
{
    /// <summary>Creates an indicator; <paramref name="direction"/> null means "infer from the targets".</summary>
    public Indicator(Direction? direction = null)
    {
        ConfiguredDirection = direction;
    }

    /// <summary>The direction set by a person, or null when it is inferred.</summary>
    public Direction? ConfiguredDirection { get; }

    /// <summary>The direction used to rate <paramref name="values"/>: the one set, else the inferred one.</summary>
    public Direction DirectionFor(ReportValues values) => ConfiguredDirection ?? InferDirection(values);

    /// <summary>
    /// Infers the direction from the targets: a direction-only target names it; a state target is to be
    /// reached; a numeric final target above the baseline means increase, below it decrease, equal to it
    /// maintain. Without a baseline the interim → final target step tells. Otherwise unknown.
    /// </summary>
    public static Direction InferDirection(ReportValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var final = values.FinalTarget;
        var interim = values.InterimTarget;
        switch (final)
        {
            case DirectionGoal goal:
                return goal.Direction;
            case StateValue:
                return Direction.ReachState;
        }

        if (!final.IsNumeric)
        {
            return interim switch
            {
                DirectionGoal goal => goal.Direction,
                StateValue => Direction.ReachState,
                _ when interim.IsNumeric => Compare(values.Baseline, interim, Direction.Unknown),
                _ => Direction.Unknown,
            };
        }

        var fromBaseline = Compare(values.Baseline, final, Direction.Maintain);
        if (fromBaseline != Direction.Unknown)
        {
            return fromBaseline;
        }

        return interim.IsNumeric ? Compare(interim, final, Direction.Unknown) : Direction.Unknown;
    }

    private static Direction Compare(KpiValue from, KpiValue to, Direction whenEqual)
    {
        if (!to.TryGetMagnitude(Unit.None, out var target, out var targetUnit)
            || !from.TryGetMagnitude(targetUnit, out var start, out _))
        {
            return Direction.Unknown;
        }

        return target > start ? Direction.Increase
            : target < start ? Direction.Decrease
            : whenEqual;
    }
}
