using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Dashboard;

/// <summary>
/// What the signed-in user has to do, where sign-in lands: a department editor's requested reports (差戻し first, then by
/// deadline and state); the DX office's submitted reports waiting for review (longest waiting first), the departments past
/// a deadline and the experts' unanswered questions; an expert's questions to answer. Every item links to where it is done. Staff.
/// </summary>
public class TodoModel(ShinchokuDb db, Access access, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : PageModel
{
    public DateOnly Today { get; private set; }

    public bool IsEditor { get; private set; }

    public bool IsOffice { get; private set; }

    public bool IsExpert { get; private set; }

    /// <summary>The editor's reports still to enter, correct or submit.</summary>
    public List<EntryItem> ToEnter { get; private set; } = [];

    /// <summary>The editor's reports submitted and waiting for the DX office (nothing to do but shown as done).</summary>
    public int Submitted { get; private set; }

    /// <summary>Submitted reports waiting for the DX office's review.</summary>
    public List<ReviewItem> ToReview { get; private set; } = [];

    /// <summary>Departments with reports still owed after a cycle's deadline.</summary>
    public List<OverdueItem> Overdue { get; private set; } = [];

    /// <summary>
    /// Per cycle, the reports still owed after the deadline whose KPI has no department set (所管課の設定なし): the DX
    /// office enters those itself (the reminders go to it), so they are not a department that is late.
    /// </summary>
    public List<OverdueItem> OverdueWithoutDepartment { get; private set; } = [];

    /// <summary>The user's unread notifications, newest first.</summary>
    public List<Notifications.Notification> Unread { get; private set; } = [];

    /// <summary>Questions to the experts that no expert has answered.</summary>
    public List<QuestionItem> Questions { get; private set; } = [];

    /// <summary>True when nothing is to be done.</summary>
    public bool Nothing => ToEnter.Count == 0 && ToReview.Count == 0 && Overdue.Count == 0 && OverdueWithoutDepartment.Count == 0 && Questions.Count == 0 && Unread.Count == 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Core.Time.JapanTime.Today(clock);
        IsEditor = User.IsInRole(Roles.DepartmentEditor);
        IsOffice = User.IsInRole(Roles.Administrator);
        IsExpert = User.IsInRole(Roles.Expert);
        var me = users.GetUserId(User);
        Unread = await db.Notifications.AsNoTracking().Where(n => n.UserId == me && n.ReadAt == null)
            .OrderByDescending(n => n.Id).Take(100).ToListAsync(cancellationToken);
        var cycles = await db.ReportingCycles.AsNoTracking().OrderBy(c => c.FiscalYear).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        if (IsEditor)
        {
            await LoadEntriesAsync(cycles, cancellationToken);
        }

        if (IsOffice)
        {
            await LoadReviewsAsync(cycles, cancellationToken);
        }

        if (IsOffice || IsExpert)
        {
            await LoadQuestionsAsync(cancellationToken);
        }
    }

    private async Task LoadEntriesAsync(List<ReportingCycle> cycles, CancellationToken cancellationToken)
    {
        foreach (var cycle in cycles)
        {
            var rows = await (await access.EditableAsync(User, cycle.PlanId))
                .SelectMany(i => i.Reports.Where(r => r.FiscalYear == cycle.FiscalYear), (i, r) => new { i.Id, i.Name, i.Order, r.State })
                .ToListAsync(cancellationToken);
            // As on the entry board: a cycle no longer taking entries only while a report is returned for correction.
            var open = rows.Where(r => ReportRules.DepartmentMayEdit(r.State, cycle)).ToList();
            Submitted += cycle.State == PublicationState.Draft ? rows.Count(r => r.State == ReportState.Submitted) : 0;
            ToEnter.AddRange(open.Select(r => new EntryItem(cycle.Id, r.Id, r.Name, r.Order, cycle.Title, cycle.Deadline, r.State,
                ReportRules.IsOverdue(r.State, cycle.Deadline, Today))));
        }

        ToEnter = [.. ToEnter
            .OrderBy(e => e.State == ReportState.Returned ? 0 : 1)
            .ThenBy(e => e.Deadline ?? DateOnly.MaxValue)
            .ThenBy(e => e.State == ReportState.InProgress ? 0 : 1)
            .ThenBy(e => e.Order)];
    }

    private async Task LoadReviewsAsync(List<ReportingCycle> cycles, CancellationToken cancellationToken)
    {
        foreach (var cycle in cycles)
        {
            var reports = await db.IndicatorReports.AsNoTracking()
                .Where(r => r.FiscalYear == cycle.FiscalYear && r.Indicator!.Initiative!.PlanId == cycle.PlanId)
                .Where(r => r.State == ReportState.Submitted || (cycle.Deadline != null && (r.State == ReportState.NotStarted || r.State == ReportState.InProgress || r.State == ReportState.Returned)))
                .Select(r => new
                {
                    r.IndicatorId,
                    r.Indicator!.Name,
                    r.State,
                    Departments = r.Indicator.Departments.Select(d => d.Name).ToList(),
                    SubmittedAt = r.ReviewEvents.Where(e => e.Action == ReviewAction.Submitted).Max(e => (DateTimeOffset?)e.At),
                })
                .ToListAsync(cancellationToken);
            ToReview.AddRange(reports.Where(r => r.State == ReportState.Submitted)
                .Select(r => new ReviewItem(cycle.Id, r.IndicatorId, r.Name, Departments(r.Departments), cycle.Title, r.SubmittedAt)));
            // Overdue only while the cycle takes entries: once it is published, what was never reported is no longer chased.
            var overdue = reports.Where(r => cycle.State == PublicationState.Draft && ReportRules.IsOverdue(r.State, cycle.Deadline, Today)).ToList();
            var unassigned = overdue.Count(r => r.Departments.Count == 0);
            if (unassigned > 0)
            {
                OverdueWithoutDepartment.Add(new OverdueItem(cycle.Id, cycle.Title, CyclesModel.DxOfficeGroup, unassigned, cycle.Deadline!.Value));
            }

            Overdue.AddRange(overdue
                .SelectMany(r => r.Departments)
                .GroupBy(d => d, StringComparer.Ordinal)
                .Select(g => new OverdueItem(cycle.Id, cycle.Title, g.Key, g.Count(), cycle.Deadline!.Value))
                .OrderByDescending(o => o.Count).ThenBy(o => o.Department, StringComparer.Ordinal));
        }

        ToReview = [.. ToReview.OrderBy(r => r.SubmittedAt ?? DateTimeOffset.MaxValue)];
    }

    private async Task LoadQuestionsAsync(CancellationToken cancellationToken)
    {
        // A question counts once the department has submitted its report: a draft's question is not asked yet.
        Questions = (await db.IndicatorReports.AsNoTracking()
            .Where(CouncilRules.HasQuestion)
            .Where(r => r.State == ReportState.Submitted || r.State == ReportState.Approved)
            .Where(CouncilRules.IsUnanswered)
            .Select(r => new QuestionItem(r.Id, r.FiscalYear, r.Indicator!.Name, r.QuestionToExperts, r.Indicator.Order))
            .ToListAsync(cancellationToken))
            .OrderByDescending(q => q.FiscalYear).ThenBy(q => q.Order).ToList();
    }

    /// <summary>Marks one of the user's notifications read (or all of them, without an id); back to the list.</summary>
    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Redirect("/todo#todo-notices-list");
    }

    private static string Departments(List<string> names) => names.Count == 0 ? CyclesModel.DxOfficeGroup : string.Join("、", names);

    public sealed record EntryItem(int CycleId, int IndicatorId, string Name, int Order, string CycleTitle, DateOnly? Deadline, ReportState State, bool Overdue);

    public sealed record ReviewItem(int CycleId, int IndicatorId, string Name, string Departments, string CycleTitle, DateTimeOffset? SubmittedAt);

    public sealed record OverdueItem(int CycleId, string CycleTitle, string Department, int Count, DateOnly Deadline);

    public sealed record QuestionItem(int ReportId, Core.Time.FiscalYear FiscalYear, string Name, string Question, int Order);
}
