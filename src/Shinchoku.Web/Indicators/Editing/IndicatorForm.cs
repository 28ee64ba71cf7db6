using Shinchoku.Core.Time;

namespace Shinchoku.Web.Indicators.Editing;

/// <summary>The indicator form as typed.</summary>
public sealed class IndicatorForm
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    public string? Direction { get; set; }

    public string? Baseline { get; set; }

    public string? BaselineFiscalYear { get; set; }

    public string? InterimTarget { get; set; }

    public string? InterimFiscalYear { get; set; }

    public string? FinalTarget { get; set; }

    public string? FinalFiscalYear { get; set; }

    public List<int> DepartmentIds { get; set; } = [];

    public int Version { get; set; }

    public static IndicatorForm From(Indicator indicator)
    {
        var interim = indicator.Targets.Where(t => t.Kind == TargetKind.Interim).MaxBy(t => t.FiscalYear);
        var final = indicator.Targets.Where(t => t.Kind == TargetKind.Final).MaxBy(t => t.FiscalYear);
        return new IndicatorForm
        {
            Name = indicator.Name,
            Unit = indicator.Unit?.Text,
            Direction = indicator.Direction?.ToString() ?? "",
            Baseline = indicator.Baseline.Text,
            BaselineFiscalYear = indicator.BaselineFiscalYear?.ToString() ?? "",
            InterimTarget = interim?.Value.Text,
            InterimFiscalYear = interim is null ? "" : interim.FiscalYear.ToString(),
            FinalTarget = final?.Value.Text,
            FinalFiscalYear = final is null ? "" : final.FiscalYear.ToString(),
            DepartmentIds = [.. indicator.Departments.Select(d => d.Id)],
            Version = indicator.Version,
        };
    }
}
