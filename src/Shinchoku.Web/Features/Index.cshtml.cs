using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Features;

/// <summary>Home page. Public.</summary>
public class IndexModel(ShinchokuDb db) : PageModel
{
    public Plan? Current { get; private set; }

    public async Task OnGetAsync() =>
        Current = await db.Plans.Include(p => p.Organization).FirstOrDefaultAsync(p => p.Status == PlanStatus.Current);
}
