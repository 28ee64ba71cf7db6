using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Features.Strategy;

/// <summary>An initiative with every place it is listed (【再掲】 included) and its indicators. Public.</summary>
public class InitiativeModel(ShinchokuDb db) : PageModel
{
    public Initiative Initiative { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string planKey, string initiativeKey)
    {
        var tree = await PlanTree.LoadVisibleAsync(db, planKey, User);
        var initiative = tree?.Plan.Initiatives.FirstOrDefault(i => i.Key == initiativeKey);
        if (initiative is null)
        {
            return NotFound();
        }

        Initiative = initiative;
        return Page();
    }
}
