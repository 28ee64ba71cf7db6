using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting;

/// <summary>
/// One cycle's progress for the DX office: per department the counts by state, the overdue reports and the last
/// activity; every report with a link to its review; approving several submitted reports at once; publishing. DX office only.
/// </summary>
public class CycleBoardModel(ShinchokuDb db, ReportReview review, TimeProvider clock) : AdminPageModel
{
    public ReportingCycle Cycle { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public List<DepartmentView> Departments { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public ApprovalForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int cycleId) => await LoadAsync(cycleId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int cycleId)
    {
        if (!await LoadAsync(cycleId))
        {
            return NotFound();
        }

        var chosen = Form.Approve.Select(a => a.Split(':')).Where(p => p.Length == 2
            && int.TryParse(p[0], System.Globalization.CultureInfo.InvariantCulture, out _) && int.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(p => (Id: int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Version: int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (chosen.Count == 0)
        {
            Fail("approve", "承認する報告を選んでください。");
            return Page();
        }

        var approved = 0;
        var skipped = new List<string>();
        foreach (var (id, version) in chosen)
        {
            var row = Rows.FirstOrDefault(r => r.ReportId == id);
            var report = row is null ? null : await db.IndicatorReports.FirstOrDefaultAsync(r => r.Id == id);
            if (report is null || row is null)
            {
                continue;
            }

            if (report.Version == version && ReportRules.MayDecide(report.State) && await review.RecordAsync(report, version, ReviewAction.Approved, "", User, Cycle))
            {
                approved++;
            }
            else
            {
                skipped.Add(row.Name);
            }
        }

        var message = $"{approved}件を承認しました。" + (skipped.Count == 0 ? "" : $"次の{skipped.Count}件は、ほかの人が先に変更したため承認していません。確かめてください：{string.Join("、", skipped)}");
        return DoneAndRedirect(message, $"/admin/cycles/{cycleId}");
    }

    private async Task<bool> LoadAsync(int cycleId)
    {
        var cycle = await db.ReportingCycles.Include(c => c.Plan).FirstOrDefaultAsync(c => c.Id == cycleId);
        if (cycle is null)
        {
            return false;
        }

        Cycle = cycle;
        Today = Core.Time.JapanTime.Today(clock);
        var reports = await db.IndicatorReports.AsNoTracking()
            .Where(r => r.FiscalYear == cycle.FiscalYear && r.Indicator!.Initiative!.PlanId == cycle.PlanId)
            .Select(r => new { r.Id, r.IndicatorId, r.Indicator!.Name, r.Indicator.Order, r.State, r.Version, Departments = r.Indicator.Departments.Select(d => d.Name).ToList() })
            .ToListAsync();
        var ids = reports.Select(r => r.Id).ToList();
        // Last activity: the latest review step or audited change of each report.
        var events = await db.ReviewEvents.AsNoTracking().Where(e => ids.Contains(e.IndicatorReportId)).Select(e => new { Id = e.IndicatorReportId, e.At }).ToListAsync();
        var changes = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(IndicatorReport) && ids.Contains(a.EntityId)).Select(a => new { Id = a.EntityId, a.At }).ToListAsync();
        var last = events.Concat(changes).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Max(x => x.At));
        Rows = [.. reports.OrderBy(r => r.Order).Select(r => new Row(r.Id, r.IndicatorId, r.Name, r.State, r.Version,
            r.Departments.Count == 0 ? [CyclesModel.DxOfficeGroup] : [.. r.Departments.Order(StringComparer.Ordinal)],
            ReportRules.IsOverdue(r.State, cycle.Deadline, Today), last.TryGetValue(r.Id, out var at) ? at : null))];
        Departments = [.. Rows.SelectMany(r => r.Departments.Select(d => (Department: d, Row: r)))
            .GroupBy(x => x.Department, x => x.Row)
            .Select(g => new DepartmentView(g.Key, [.. g]))
            .OrderBy(d => d.Name == CyclesModel.DxOfficeGroup ? 1 : 0).ThenBy(d => d.Name, StringComparer.Ordinal)];
        return true;
    }

    /// <summary>One requested report: its KPI, state, departments, whether overdue, and its last activity.</summary>
    public sealed record Row(int ReportId, int IndicatorId, string Name, ReportState State, int Version, IReadOnlyList<string> Departments, bool Overdue, DateTimeOffset? LastActivity);

    /// <summary>A department's reports in the cycle.</summary>
    public sealed record DepartmentView(string Name, List<Row> Rows)
    {
        public int Count(ReportState state) => Rows.Count(r => r.State == state);

        public int Overdue => Rows.Count(r => r.Overdue);

        public DateTimeOffset? LastActivity => Rows.Max(r => r.LastActivity);
    }
}
