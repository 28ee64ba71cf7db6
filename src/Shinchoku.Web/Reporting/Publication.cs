using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Reporting;

/// <summary>
/// What may be shown to whom: anonymous visitors see only the approved reports of published reporting cycles;
/// signed-in staff also see reports still being entered or reviewed. The one place that rule is written.
/// </summary>
public static class Publication
{
    /// <summary>True for a report approved by the DX office (public once its cycle is published).</summary>
    public static readonly Expression<Func<IndicatorReport, bool>> IsApproved = r => r.State == ReportState.Approved;

    /// <summary>True for a published cycle.</summary>
    public static readonly Expression<Func<ReportingCycle, bool>> IsPublished = c => c.State == PublicationState.Published;

    private static readonly Func<ReportingCycle, bool> IsPublishedCycle = IsPublished.Compile();

    /// <summary>True when <paramref name="cycle"/> is published (in memory; <see cref="IsPublished"/> in queries).</summary>
    public static bool IsPublic(ReportingCycle cycle) => IsPublishedCycle(cycle);

    /// <summary>The reports anyone may see: approved reports of published cycles.</summary>
    public static IQueryable<IndicatorReport> PublicReports(ShinchokuDb db) =>
        db.IndicatorReports.Where(IsApproved).Where(r => db.ReportingCycles.Any(c => c.State == PublicationState.Published
            && c.PlanId == r.Indicator!.Initiative!.PlanId && c.FiscalYear == r.FiscalYear));

    /// <summary>True when <paramref name="report"/>, of a published cycle, is public.</summary>
    public static bool IsPublic(IndicatorReport report) => report.State == ReportState.Approved;

    /// <summary>True when <paramref name="user"/> may see unpublished reports.</summary>
    public static bool SeesUnpublished(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>The fiscal years of <paramref name="planId"/> whose reports <paramref name="user"/> may see.</summary>
    public static async Task<HashSet<FiscalYear>> VisibleFiscalYearsAsync(ShinchokuDb db, int planId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var cycles = db.ReportingCycles.Where(c => c.PlanId == planId);
        if (!SeesUnpublished(user))
        {
            cycles = cycles.Where(IsPublished);
        }

        return [.. await cycles.Select(c => c.FiscalYear).ToListAsync(cancellationToken)];
    }

    /// <summary>The reports of <paramref name="indicator"/> that <paramref name="user"/> may see, oldest first.</summary>
    public static async Task<List<IndicatorReport>> VisibleReportsAsync(ShinchokuDb db, Indicator indicator, int planId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var years = await VisibleFiscalYearsAsync(db, planId, user, cancellationToken);
        var staff = SeesUnpublished(user);
        return [.. indicator.Reports.Where(r => years.Contains(r.FiscalYear) && (staff || IsPublic(r))).OrderBy(r => r.FiscalYear)];
    }
}
