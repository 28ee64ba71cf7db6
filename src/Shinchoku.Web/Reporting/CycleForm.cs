namespace Shinchoku.Web.Reporting;

/// <summary>The form that opens a yearly reporting cycle, as typed: plan, fiscal year, title, deadline and the KPIs requested.</summary>
public sealed class CycleForm
{
    /// <summary>The plan's id as posted.</summary>
    public string? PlanId { get; set; }

    /// <summary>The fiscal year as typed (2021, 令和3年度, R3).</summary>
    public string? FiscalYear { get; set; }

    public string? Title { get; set; }

    /// <summary>The deadline as typed (yyyy-MM-dd or a Japanese date).</summary>
    public string? Deadline { get; set; }

    /// <summary>The KPIs requested (checked); all of the plan's when the form is first shown.</summary>
    public List<int> IndicatorIds { get; set; } = [];
}
