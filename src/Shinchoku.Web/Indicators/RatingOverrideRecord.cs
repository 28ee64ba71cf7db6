using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Indicators;

/// <summary>Marks set by a person in place of the computed ones, with a required reason.</summary>
public class RatingOverrideRecord
{
    public int Id { get; set; }

    public int IndicatorReportId { get; set; }

    public OverrideKind Kind { get; set; }

    public Trend? Trend { get; set; }

    public Rating? Rating { get; set; }

    public bool? InterimReached { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>False once withdrawn; withdrawn overrides stay for the record.</summary>
    public bool IsActive { get; set; } = true;

    public RatingOverride ToCore() => new(Kind, Reason, By, At, Trend, Rating, InterimReached);
}
