using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Indicators;

/// <summary>One change to indicator data: who, when, which field, before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string User { get; set; }

    /// <summary>Indicator, IndicatorReport, IndicatorTarget, RatingOverride.</summary>
    public required string Entity { get; set; }

    public int EntityId { get; set; }

    /// <summary>The indicator the change belongs to, for its history page.</summary>
    public int IndicatorId { get; set; }

    public required string Field { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
