using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// An initiative with every place it is listed (【再掲】 included), its KPIs with the latest published values and
/// marks, and the published narratives (取組状況, 課題, 今後の取組方針). Public; published reports only.
/// </summary>
[PublicPage]
public class InitiativeModel(ShinchokuDb db, OpenDataStore store) : PageModel
{
    public Initiative Initiative { get; private set; } = null!;

    public PlanProgress Progress { get; private set; } = null!;

    public IReadOnlyList<KpiRow> Rows { get; private set; } = [];

    /// <summary>The fiscal year the visitor chose (?fy=), kept in links; null for the latest published year.</summary>
    public Core.Time.FiscalYear? Fy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planKey, string initiativeKey, Core.Time.FiscalYear? fy)
    {
        var progress = await PlanProgress.LoadAsync(db, store, planKey, User, fy);
        var initiative = progress?.Plan.Initiatives.FirstOrDefault(i => i.Key == initiativeKey);
        if (initiative is null)
        {
            return NotFound();
        }

        Initiative = initiative;
        Progress = progress!;
        Rows = Progress.RowsOf(initiative);
        Fy = Progress.IsChosen(fy) ? fy : null;
        ViewData[YearLinks.ViewDataKey] = Fy;
        return Page();
    }
}
