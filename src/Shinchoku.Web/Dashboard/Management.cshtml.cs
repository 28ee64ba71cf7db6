using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Dashboard;

/// <summary>The administration pages, with how much each holds. DX office only.</summary>
public class ManagementModel(ShinchokuDb db) : PageModel
{
    public int PlanCount { get; private set; }

    public int CycleCount { get; private set; }

    public int OpenCycleCount { get; private set; }

    public int DepartmentCount { get; private set; }

    /// <summary>The cycles not yet published, for links to their progress boards.</summary>
    public List<ReportingCycle> UnpublishedCycles { get; private set; } = [];

    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        PlanCount = await db.Plans.CountAsync();
        CycleCount = await db.ReportingCycles.CountAsync();
        OpenCycleCount = await db.ReportingCycles.CountAsync(c => c.State == PublicationState.Draft);
        DepartmentCount = await db.Departments.CountAsync();
        UnpublishedCycles = await db.ReportingCycles.Where(c => c.State != PublicationState.Published).OrderBy(c => c.FiscalYear).ToListAsync();
        UserCount = await db.Users.CountAsync();
    }
}
