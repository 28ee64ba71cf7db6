using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>Every plan and its reporting cycles. Public; drafts and unpublished cycles only for staff.</summary>
public class PlansModel(ShinchokuDb db) : PageModel
{
    public List<Plan> Plans { get; private set; } = [];

    public List<ReportingCycle> Cycles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var staff = Publication.SeesUnpublished(User);
        Plans = await db.Plans.Where(p => staff || p.Status != PlanStatus.Draft).OrderBy(p => p.Status).ThenByDescending(p => p.Id).ToListAsync();
        Cycles = await db.ReportingCycles.Where(c => staff || c.State == PublicationState.Published).OrderBy(c => c.FiscalYear).ToListAsync();
    }
}
