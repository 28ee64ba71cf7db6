using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Entry;

/// <summary>
/// The department's own board: for each cycle taking entries (and any with a report returned for correction),
/// what it still owes: counts by state, the deadline and days left, each requested KPI with its state, returned ones first. DataEntry policy.
/// </summary>
public class IndexModel(ShinchokuDb db, Access access, TimeProvider clock) : PageModel
{
    public List<CycleView> Cycles { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The cycle the entry sheet (/entry/sheet) is for, when the user is a department editor with KPIs requested in it.</summary>
    public ReportingCycle? SheetCycle => User.IsInRole(Roles.DepartmentEditor)
        ? Cycles.Where(c => c.Cycle.State == PublicationState.Draft).MaxBy(c => (c.Cycle.FiscalYear, c.Cycle.Id)) is { Rows.Count: > 0 } open ? open.Cycle : null
        : null;

    public async Task OnGetAsync()
    {
        Today = Core.Time.JapanTime.Today(clock);
        var cycles = await db.ReportingCycles.Include(c => c.Plan).OrderBy(c => c.FiscalYear).ThenBy(c => c.Id).ToListAsync();
        foreach (var cycle in cycles)
        {
            var indicators = await (await access.EditableAsync(User, cycle.PlanId))
                .Where(i => i.Reports.Any(r => r.FiscalYear == cycle.FiscalYear))
                .Include(i => i.Departments).Include(i => i.Targets)
                .Include(i => i.Reports.Where(r => r.FiscalYear == cycle.FiscalYear)).ThenInclude(r => r.Overrides)
                .OrderBy(i => i.Order).AsSplitQuery().AsNoTracking().ToListAsync();
            // A cycle no longer taking entries still shows while one of its reports is returned to this department.
            if (cycle.State != PublicationState.Draft && !indicators.Any(i => i.Reports.Single().State == ReportState.Returned))
            {
                continue;
            }

            var rows = indicators.ConvertAll(i =>
            {
                var report = i.Reports.Single();
                var e = KpiYears.Of(i, report);
                return new Row(i.Id, i.Name, string.Join("、", i.Departments.Select(d => d.Name)), report.State,
                    ReportRules.IsOverdue(report.State, cycle.Deadline, Today), e.Shown.TrendGlyph, e.Shown.RatingGlyph);
            });
            Cycles.Add(new CycleView(cycle, cycle.Plan!.Name, [.. rows.OrderBy(r => r.State == ReportState.Returned ? 0 : 1)]));
        }
    }

    public sealed record CycleView(ReportingCycle Cycle, string PlanName, List<Row> Rows)
    {
        /// <summary>How many reports are in <paramref name="state"/>.</summary>
        public int Count(ReportState state) => Rows.Count(r => r.State == state);

        /// <summary>The reports still owed: neither submitted nor approved.</summary>
        public int Owed => Rows.Count(r => r.State is not (ReportState.Submitted or ReportState.Approved));
    }

    public sealed record Row(int IndicatorId, string Name, string Departments, ReportState State, bool Overdue, string Trend, string Rating);
}
