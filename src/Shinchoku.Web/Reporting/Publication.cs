using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Reporting;

/// <summary>
/// What may be shown to whom: anonymous visitors see only the reports of published reporting cycles;
/// signed-in staff also see reports still being entered or reviewed.
/// </summary>
public static class Publication
{
    /// <summary>True when <paramref name="user"/> may see unpublished reports.</summary>
    public static bool SeesUnpublished(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>The fiscal years of <paramref name="planId"/> whose reports <paramref name="user"/> may see.</summary>
    public static async Task<HashSet<int>> VisibleFiscalYearsAsync(ShinchokuDb db, int planId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var cycles = db.ReportingCycles.Where(c => c.PlanId == planId);
        if (!SeesUnpublished(user))
        {
            cycles = cycles.Where(c => c.State == PublicationState.Published);
        }

        return [.. await cycles.Select(c => c.FiscalYear).ToListAsync(cancellationToken)];
    }

    /// <summary>The reports of <paramref name="indicator"/> that <paramref name="user"/> may see, oldest first.</summary>
    public static async Task<List<IndicatorReport>> VisibleReportsAsync(ShinchokuDb db, Indicator indicator, int planId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var years = await VisibleFiscalYearsAsync(db, planId, user, cancellationToken);
        return [.. indicator.Reports.Where(r => years.Contains(r.FiscalYear)).OrderBy(r => r.FiscalYear)];
    }
}
