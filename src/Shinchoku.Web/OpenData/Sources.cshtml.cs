using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.OpenData;

/// <summary>Where the data comes from: the strategy documents, the published progress reports, and the licence. Public.</summary>
public class SourcesModel(ShinchokuDb db) : PageModel
{
    public List<Plan> Plans { get; private set; } = [];

    public List<ReportingCycle> Cycles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Plans = await db.Plans.Include(p => p.Organization).Where(p => p.Status != PlanStatus.Draft).OrderBy(p => p.Status).ThenByDescending(p => p.Id).ToListAsync();
        Cycles = await db.ReportingCycles.Where(Publication.IsPublished).OrderBy(c => c.FiscalYear).ToListAsync();
    }
}
