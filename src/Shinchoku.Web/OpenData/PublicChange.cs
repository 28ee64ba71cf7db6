namespace Shinchoku.Web.OpenData;

/// <summary>
/// A record that something the public side shows has changed, written in the same transaction as the change
/// (<see cref="PublicChanges"/>). Every instance, and the command line, learns of changes by reading these rows;
/// a draft save, a submission or a return writes none.
/// </summary>
public sealed class PublicChange
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What changed, by entity name (IndicatorReport, ReportingCycle, PlanNode …), comma-separated.</summary>
    public string What { get; set; } = "";

    /// <summary>The one indicator whose years changed, when the change touched only one; null otherwise.</summary>
    public int? IndicatorId { get; set; }
}
