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

    /// <summary>The fiscal year by which the target is to be reached, as its start year (2021 = 令和3年度).</summary>
    public int FiscalYear { get; set; }

    public RecordedValue Value { get; set; } = RecordedValue.Empty();
}
