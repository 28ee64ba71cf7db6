using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Organizations;

/// <summary>
/// The organisation whose site this is, as the header, footer, /accessibility and /privacy show it: the one with the
/// current plan (else the first). Loaded once per data version and shared by every request (an edit of the identity
/// moves the organisation's version, and so the data version); read it, never change it.
/// </summary>
public sealed partial class SiteIdentity(OpenDataStore store, ILogger<SiteIdentity> logger)
{
    /// <summary>The site's organisation, or null when there is none (or the database cannot be read: the error page still renders).</summary>
    public async Task<Organization?> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await store.GetAsync(cancellationToken);
            return await store.SharedAsync(snapshot, "site-organization", (db, ct) => db.Organizations.AsNoTracking()
                .OrderByDescending(o => o.Plans.Any(p => p.Status == PlanStatus.Current)).ThenBy(o => o.Id)
                .FirstOrDefaultAsync(ct), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The layout of every page, the error page included, asks for the identity: a database failure must not hide the error page.
            LogUnavailable(logger, e);
            return null;
        }
    }

    /// <summary>A text typed with blank lines between paragraphs, as paragraphs.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        [.. text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The site's organisation could not be read")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
