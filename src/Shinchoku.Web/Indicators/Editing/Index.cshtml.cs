using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Indicators.Editing;

/// <summary>Every indicator, by plan, for the DX office. DxOffice policy.</summary>
public class IndexModel(ShinchokuDb db) : PageModel
{
    public List<Plan> Plans { get; private set; } = [];

    public List<Indicator> Indicators { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Plans = await db.Plans.OrderBy(p => p.Status).ThenBy(p => p.Id).ToListAsync();
        Indicators = await db.Indicators.Include(i => i.Initiative).Include(i => i.Departments).Include(i => i.Reports)
            .OrderBy(i => i.Order).AsSplitQuery().ToListAsync();
    }
}
