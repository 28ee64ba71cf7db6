using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.OpenData;

/// <summary>
/// Which saves change what the public side shows. A report counts while it is or was approved (a draft save, a
/// submission or a return of a report never approved changes nothing public), a cycle while it is or was published;
/// the strategy's wording and structure, KPIs, targets, overrides and the council count always. Rows that never reach
/// the public (accounts, audit, review comments, reminders) do not. Anything not named counts, so that a new table
/// can only cost a rebuild, never a stale page.
/// </summary>
public static class PublicChanges
{
    private static readonly HashSet<Type> NeverPublic =
    [
        typeof(PublicChange), typeof(AuditEntry), typeof(ReviewEvent), typeof(Reporting.Reminders.SentReminder), typeof(Accounts.AppUser),
        typeof(Notifications.Notification), typeof(Notifications.NotificationOptOut),
    ];

    /// <summary>The change record for what <paramref name="tracker"/> is about to save, or null when nothing public changes.</summary>
    public static PublicChange? Detect(ChangeTracker tracker, DateTimeOffset now)
    {
        var what = new SortedSet<string>(StringComparer.Ordinal);
        var indicators = new HashSet<int>();
        var other = false;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || entry.Metadata.IsOwned() || !IsPublic(entry))
            {
                continue;
            }

            what.Add(entry.Metadata.ClrType == typeof(Dictionary<string, object>) ? entry.Metadata.Name : entry.Metadata.ClrType.Name);
            if (entry.Entity is IndicatorReport report)
            {
                indicators.Add(report.IndicatorId);
            }
            else
            {
                other = true;
            }
        }

        return what.Count == 0 ? null : new PublicChange
        {
            At = now,
            What = Shorten(string.Join(",", what)),
            IndicatorId = !other && indicators.Count == 1 ? indicators.Single() : null,
        };
    }

    private static bool IsPublic(EntityEntry entry) => entry.Entity switch
    {
        IndicatorReport => Was(entry, nameof(IndicatorReport.State), ReportState.Approved),
        ReportingCycle => Was(entry, nameof(ReportingCycle.State), PublicationState.Published),
        _ => !NeverPublic.Contains(entry.Metadata.ClrType)
            && (entry.Metadata.ClrType == typeof(Dictionary<string, object>) || entry.Metadata.ClrType.Namespace?.StartsWith("Shinchoku.", StringComparison.Ordinal) == true),
    };

    /// <summary>True when the property had or has <paramref name="value"/> (before or after the save).</summary>
    private static bool Was<T>(EntityEntry entry, string property, T value)
    {
        var p = entry.Property(property);
        return (entry.State != EntityState.Added && Equals(p.OriginalValue, value)) || (entry.State != EntityState.Deleted && Equals(p.CurrentValue, value));
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
