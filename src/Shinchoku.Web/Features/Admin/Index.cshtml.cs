using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Features.Admin;

/// <summary>The administration pages, with how much each holds. DX office only.</summary>
public class IndexModel(ShinchokuDb db) : PageModel
{
    public int PlanCount { get; private set; }

    public int CycleCount { get; private set; }

    public int OpenCycleCount { get; private set; }

    public int DepartmentCount { get; private set; }

    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        PlanCount = await db.Plans.CountAsync();
        CycleCount = await db.ReportingCycles.CountAsync();
        OpenCycleCount = await db.ReportingCycles.CountAsync(c => c.State == PublicationState.Draft);
        DepartmentCount = await db.Departments.CountAsync();
        UserCount = await db.Users.CountAsync();
    }
}
