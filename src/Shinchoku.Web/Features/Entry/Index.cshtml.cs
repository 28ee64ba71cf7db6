using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Features.Entry;

/// <summary>The KPIs a department editor (or the DX office) enters for the fiscal years open for entry. DataEntry policy.</summary>
public class IndexModel(ShinchokuDb db, Access access) : PageModel
{
    public List<CycleView> Cycles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cycles = await db.ReportingCycles.Include(c => c.Plan).Where(c => c.State == PublicationState.Draft).OrderBy(c => c.FiscalYear).ToListAsync();
        foreach (var cycle in cycles)
        {
            var indicators = await (await access.EditableAsync(User, cycle.PlanId))
                .Include(i => i.Departments).Include(i => i.Targets)
                .Include(i => i.Reports.Where(r => r.FiscalYear == cycle.FiscalYear)).ThenInclude(r => r.Overrides)
                .OrderBy(i => i.Order).AsSplitQuery().ToListAsync();
            var rows = indicators.ConvertAll(i =>
            {
                var report = i.Reports.FirstOrDefault();
                var e = report is null ? null : ReportEvaluation.Of(i, report);
                return new Row(i.Id, i.Name, string.Join("、", i.Departments.Select(d => d.Name)), report is not null,
                    e?.ShownTrendGlyph ?? "", e?.Shown.RatingGlyph ?? "");
            });
            Cycles.Add(new CycleView(cycle, cycle.Plan!.Name, rows));
        }
    }

    public sealed record CycleView(ReportingCycle Cycle, string PlanName, List<Row> Rows);

    public sealed record Row(int IndicatorId, string Name, string Departments, bool Entered, string Trend, string Rating);
}
