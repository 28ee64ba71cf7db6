using Shinchoku.Core.Time;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Indicators;

/// <summary>A target of an indicator for a fiscal year.</summary>
public class IndicatorTarget
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public TargetKind Kind { get; set; }

    /// <summary>The fiscal year by which the target is to be reached.</summary>
    public FiscalYear FiscalYear { get; set; }

    public RecordedValue Value { get; set; } = RecordedValue.Empty();
}
