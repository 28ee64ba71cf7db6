using Shinchoku.Core.Values;

namespace Shinchoku.Core.Rules;

/// <summary>
/// The values of one indicator for one fiscal year that its marks are computed from: baseline, actual,
/// year-end projection, and the interim and final targets. Missing values are <see cref="NoValue.Nothing"/>.
/// </summary>
public sealed class ReportValues
{
    /// <summary>Creates the values of one report row; null stands for nothing written.</summary>
    public ReportValues(KpiValue? baseline, KpiValue? actual, KpiValue? projection, KpiValue? finalTarget, KpiValue? interimTarget = null)
    {
        Baseline = baseline ?? NoValue.Nothing;
        Actual = actual ?? NoValue.Nothing;
        Projection = projection ?? NoValue.Nothing;
        FinalTarget = finalTarget ?? NoValue.Nothing;
        InterimTarget = interimTarget ?? NoValue.Nothing;
    }

    /// <summary>基準値.</summary>
    public KpiValue Baseline { get; }

    /// <summary>実績値, with its as-of note.</summary>
    public KpiValue Actual { get; }

    /// <summary>見込値 (year-end projection).</summary>
    public KpiValue Projection { get; }

    /// <summary>最終目標.</summary>
    public KpiValue FinalTarget { get; }

    /// <summary>中間目標 (資料4-1 only); nothing elsewhere.</summary>
    public KpiValue InterimTarget { get; }

    /// <summary>True when an interim target was written.</summary>
    public bool HasInterimTarget => InterimTarget.Kind != KpiValueKind.Nothing;
}
