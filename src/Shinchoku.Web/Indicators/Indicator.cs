using Shinchoku.Core.Time;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Indicators;

/// <summary>A KPI (成果指標) of an initiative, with its baseline and targets.</summary>
public class Indicator : Data.IVersioned
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    /// <summary>The departments (所管課) that report on the indicator; usually one.</summary>
    public List<Department> Departments { get; } = [];

    public required string Name { get; set; }

    /// <summary>The unit values are written in, when one is stated.</summary>
    public Unit? Unit { get; set; }

    /// <summary>The desired direction set by the DX office, or null to infer it from the targets.</summary>
    public Direction? Direction { get; set; }

    /// <summary>基準値 as entered, with its parsed form.</summary>
    public RecordedValue Baseline { get; set; } = RecordedValue.Empty();

    /// <summary>The fiscal year the baseline column is headed with (基準値（令和元年度）).</summary>
    public FiscalYear? BaselineFiscalYear { get; set; }

    /// <summary>Which report table the indicator is printed in (4-1, 4-2, 4-3); none: 4-2.</summary>
    public ReportTableNumber? ReportTable { get; set; }

    public int Order { get; set; }

    public List<IndicatorTarget> Targets { get; } = [];

    public List<IndicatorReport> Reports { get; } = [];

    /// <summary>The indicator of the previous version of the plan this one continues (lineage), if any.</summary>
    public int? PredecessorId { get; set; }

    public Indicator? Predecessor { get; set; }

    /// <summary>Incremented on every save; a stale value means someone else saved first.</summary>
    public int Version { get; set; }
}
