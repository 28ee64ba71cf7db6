using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Reporting;

/// <summary>
/// The rules of a report's review, in one place: who may do what in which state. Departments enter and submit
/// (未着手/入力中/差戻し); the DX office comments, returns (差戻し, with a reason), approves (承認) and, after
/// publication, reopens an approved report for correction (with a reason).
/// </summary>
public static class ReportRules
{
    /// <summary>The words for a report's state, as the boards and forms show them (never colour alone).</summary>
    public static string Describe(ReportState state) => state switch
    {
        ReportState.NotStarted => "未着手",
        ReportState.InProgress => "入力中",
        ReportState.Submitted => "提出済",
        ReportState.Returned => "差戻し",
        ReportState.Approved => "承認済",
        _ => state.ToString(),
    };

    /// <summary>The states in the order the boards count them.</summary>
    public static readonly IReadOnlyList<ReportState> States = [ReportState.NotStarted, ReportState.InProgress, ReportState.Submitted, ReportState.Returned, ReportState.Approved];

    /// <summary>
    /// True when the department may change the report: while the cycle takes entries and the report is not
    /// submitted or approved; in any cycle once the DX office returned it (also to correct a published report).
    /// </summary>
    public static bool DepartmentMayEdit(ReportState report, ReportingCycle cycle) =>
        report == ReportState.Returned || (cycle.State == PublicationState.Draft && report is ReportState.NotStarted or ReportState.InProgress);

    /// <summary>Why the department may not change the report, or null when it may.</summary>
    public static string? WhyReadOnly(ReportState report, ReportingCycle cycle) => DepartmentMayEdit(report, cycle) ? null : report switch
    {
        ReportState.Submitted => "提出済みです。DX推進担当が確認しています。修正が必要な場合は差し戻されます。",
        ReportState.Approved when IsFrozen(report, cycle) => "承認され、公表されています。訂正が必要な場合はDX推進担当にご連絡ください。",
        ReportState.Approved => "DX推進担当が承認しました。修正が必要な場合はDX推進担当にご連絡ください。",
        _ => "この年度の入力は締め切られています。修正が必要な場合はDX推進担当にご連絡ください。",
    };

    /// <summary>
    /// What a change to a report's values, narratives or marks does, by <paramref name="channel"/>: the one rule the
    /// entry form and the import both follow. A published report is frozen for both. Where the department may edit
    /// (see <see cref="DepartmentMayEdit"/>), the change is made in place (未着手 becomes 入力中). Elsewhere the entry
    /// form refuses; an import still makes the change but returns the report to 提出済 with a review event saying so,
    /// so that no value reaches the public without the DX office approving it again.
    /// </summary>
    public static ReportChange Change(ReportChannel channel, ReportState report, ReportingCycle? cycle)
    {
        // A year without a cycle yet (an import creates it as a draft) takes entries.
        var open = cycle ?? new ReportingCycle { Title = "", State = PublicationState.Draft };
        if (IsFrozen(report, open))
        {
            return new ReportChange(ChangeEffect.Refused, report, WhyReadOnly(report, open));
        }

        if (DepartmentMayEdit(report, open))
        {
            return new ReportChange(ChangeEffect.InPlace, report == ReportState.NotStarted ? ReportState.InProgress : report, null);
        }

        return channel == ReportChannel.Import
            ? new ReportChange(ChangeEffect.BackToSubmitted, ReportState.Submitted, null)
            : new ReportChange(ChangeEffect.Refused, report, WhyReadOnly(report, open));
    }

    /// <summary>
    /// The text of the review event an import records when it changes a report outside the department's editing
    /// (<see cref="ChangeEffect.BackToSubmitted"/>), also shown in the import's preview before anything is saved.
    /// </summary>
    public static string ImportedChangeNote(ReportState before, IEnumerable<string> changes, string fileName) =>
        $"取り込み（{fileName}）で{string.Join("・", changes)}が変わりました。" + before switch
        {
            ReportState.Approved => "承認済みの内容が変わったため、承認を取り消して「提出済」に戻しました。DX推進担当が確認し、改めて承認してください。",
            ReportState.Submitted => "確認中の内容が変わりました。DX推進担当は変わった内容で確認してください。",
            _ => $"この年度の入力は締め切られているため（{Describe(before)}）、「提出済」としました。DX推進担当が確認してください。",
        };

    /// <summary>What the import's preview says before saving a change that <see cref="ImportedChangeNote"/> will record.</summary>
    public static string ImportPreviewNote(ReportState before) => before switch
    {
        ReportState.Approved => "取り込むと内容が変わるため、承認を取り消して「提出済」に戻し、その旨を審査の記録に残します。公表の前にDX推進担当が改めて承認してください。",
        ReportState.Submitted => "DX推進担当が確認中です。取り込むと内容が変わるため、その旨を審査の記録に残します。",
        _ => "この年度の入力は締め切られています。取り込むと「提出済」とし、その旨を審査の記録に残します。",
    };

    /// <summary>True when the DX office may return or approve the report (a submitted one).</summary>
    public static bool MayDecide(ReportState report) => report == ReportState.Submitted;

    /// <summary>
    /// True for a published report (approved in a published cycle): nothing changes it, not an entry, an import or a
    /// change of its marks, until the DX office reopens it for correction, so every change to published data is a 訂正 with a reason.
    /// </summary>
    public static bool IsFrozen(ReportState report, ReportingCycle? cycle) =>
        report == ReportState.Approved && cycle is not null && Publication.IsPublic(cycle);

    /// <summary>True when the DX office may reopen the report for correction: a frozen one.</summary>
    public static bool MayReopen(ReportState report, ReportingCycle cycle) => IsFrozen(report, cycle);

    /// <summary>
    /// What is missing for submission, as (field, message) in the order of the form: 実績値 and 年度末見込値 must be
    /// readable values, the narratives filled in, and the reason and countermeasure when the interim target is computed as not reached.
    /// </summary>
    public static List<(string Field, string Message)> MissingForSubmission(Indicator indicator, IndicatorReport report)
    {
        var missing = new List<(string, string)>();
        var year = KpiYears.Of(indicator, report);
        void Value(string field, string label, Core.Rules.YearField read, RecordedValue value)
        {
            if (value.Text.Length == 0)
            {
                missing.Add((field, $"{label}を入力してください。"));
            }
            else if (year.Messages.Any(m => m.Field == read && m.Message.IsError))
            {
                missing.Add((field, $"{label}「{value.Text}」を値として読み取れません。"));
            }
        }

        void Text(string field, string label, string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                missing.Add((field, $"{label}を入力してください。"));
            }
        }

        Value(nameof(IndicatorReport.Actual), "実績値", Core.Rules.YearField.Actual, report.Actual);
        Value(nameof(IndicatorReport.Projection), "年度末見込値", Core.Rules.YearField.Projection, report.Projection);
        Text(nameof(IndicatorReport.ProjectionBasis), "見込値の算出根拠", report.ProjectionBasis);
        Text(nameof(IndicatorReport.Status), "取組状況", report.Status);
        if (year.HasInterimTarget && year.Computed.InterimReached == false)
        {
            Text(nameof(IndicatorReport.MissedReason), "中間目標が未達成（未達成見込）となった理由", report.MissedReason);
            Text(nameof(IndicatorReport.Countermeasure), "未達成の場合の対策", report.Countermeasure);
        }

        Text(nameof(IndicatorReport.Plan), "今後の取組方針・対策", report.Plan);
        return missing;
    }

    /// <summary>Days from <paramref name="today"/> to the deadline, as 「あと3日」「本日まで」「2日超過」.</summary>
    public static string DaysLeft(DateOnly deadline, DateOnly today)
    {
        var days = deadline.DayNumber - today.DayNumber;
        return days switch
        {
            > 0 => $"あと{days.ToString(CultureInfo.InvariantCulture)}日",
            0 => "本日が期限",
            _ => $"期限を{(-days).ToString(CultureInfo.InvariantCulture)}日過ぎています",
        };
    }

    /// <summary>True for a report still owed after the deadline (not submitted or approved).</summary>
    public static bool IsOverdue(ReportState report, DateOnly? deadline, DateOnly today) =>
        deadline is { } d && today > d && report is not (ReportState.Submitted or ReportState.Approved);
}

/// <summary>Who changes a report's content.</summary>
public enum ReportChannel
{
    /// <summary>The department, through the entry form.</summary>
    EntryForm,

    /// <summary>The DX office, through an imported sheet (the page or the command line).</summary>
    Import,
}

/// <summary>What a change to a report's content does.</summary>
public enum ChangeEffect
{
    /// <summary>Made in place; the state stays (未着手 becomes 入力中).</summary>
    InPlace,

    /// <summary>Made, and the report returns to 提出済 with a review event saying so (imports only).</summary>
    BackToSubmitted,

    Refused,
}

/// <summary>The decision of <see cref="ReportRules.Change"/>.</summary>
/// <param name="Effect">In place, back to 提出済, or refused.</param>
/// <param name="After">The state the report is left in.</param>
/// <param name="Why">Why the change is refused (as the entry form shows it), or null.</param>
public sealed record ReportChange(ChangeEffect Effect, ReportState After, string? Why)
{
    public bool Allowed => Effect != ChangeEffect.Refused;
}

/// <summary>
/// Carries out the review steps: each one a ReviewEvent and (for all but comments) the report's State, saved
/// together under the report's Version (a stale page is refused). Also opens cycles: one NotStarted report per requested KPI.
/// </summary>
public sealed class ReportReview(ShinchokuDb db, UserManager<AppUser> users, TimeProvider clock, Notifications.Notifier notifier)
{
    /// <summary>Creates a NotStarted report of <paramref name="cycle"/>'s year for each of <paramref name="indicatorIds"/> that has none; returns how many.</summary>
    public async Task<int> RequestReportsAsync(ReportingCycle cycle, IEnumerable<int> indicatorIds, CancellationToken cancellationToken = default)
    {
        var ids = indicatorIds.ToHashSet();
        var existing = await db.IndicatorReports.Where(r => r.FiscalYear == cycle.FiscalYear && ids.Contains(r.IndicatorId))
            .Select(r => r.IndicatorId).ToListAsync(cancellationToken);
        var added = 0;
        var requested = ids.Except(existing).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => requested.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var id in requested)
        {
            var report = new IndicatorReport { IndicatorId = id, FiscalYear = cycle.FiscalYear, State = ReportState.NotStarted };
            if (indicators.TryGetValue(id, out var indicator))
            {
                KpiYears.Store(indicator, report);
            }

            db.IndicatorReports.Add(report);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// The cycle <paramref name="cycleId"/> and its requested report of <paramref name="indicatorId"/> (with the indicator's
    /// departments and targets, the report's overrides and review events); null when either is missing or the KPI was not requested.
    /// </summary>
    public async Task<(ReportingCycle Cycle, Indicator Indicator, IndicatorReport Report)?> FindAsync(int cycleId, int indicatorId, CancellationToken cancellationToken = default)
    {
        var cycle = await db.ReportingCycles.Include(c => c.Plan).FirstOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var indicator = cycle is null ? null : await db.Indicators
            .Include(i => i.Initiative)
            .Include(i => i.Departments)
            .Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => r.FiscalYear == cycle.FiscalYear)).ThenInclude(r => r.Overrides)
            .Include(i => i.Reports.Where(r => r.FiscalYear == cycle.FiscalYear)).ThenInclude(r => r.ReviewEvents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == indicatorId && i.Initiative!.PlanId == cycle.PlanId, cancellationToken);
        return cycle is null || indicator is null || indicator.Reports.Count == 0 ? null : (cycle, indicator, indicator.Reports[0]);
    }

    /// <summary>
    /// Records <paramref name="action"/> on <paramref name="report"/> (tracked) by <paramref name="user"/>, moving it to
    /// the state the action leads to, checked against <paramref name="version"/>. False when someone else changed the report first.
    /// </summary>
    public async Task<bool> RecordAsync(IndicatorReport report, int version, ReviewAction action, string text, ClaimsPrincipal user, ReportingCycle cycle, CancellationToken cancellationToken = default)
    {
        var id = users.GetUserId(user);
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.SaveOnlyAtVersion(report, version);
        switch (action)
        {
            case ReviewAction.Submitted:
                report.State = ReportState.Submitted;
                break;
            case ReviewAction.Returned or ReviewAction.Reopened:
                report.State = ReportState.Returned;
                break;
            case ReviewAction.Approved:
                report.State = ReportState.Approved;
                report.ApprovedAt = now;
                if (Publication.IsPublic(cycle))
                {
                    report.CorrectedAt = now;
                }

                break;
        }

        var recorded = new ReviewEvent
        {
            IndicatorReportId = report.Id,
            Action = action,
            Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            By = string.IsNullOrEmpty(name) ? user.Identity?.Name ?? "" : name,
            UserId = id,
            At = now,
        };
        db.ReviewEvents.Add(recorded);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        await NotifyAsync(report, recorded, user, cycle, cancellationToken);
        return true;
    }

    private static readonly Func<IndicatorReport, bool> HasQuestion = Council.CouncilRules.HasQuestion.Compile();

    /// <summary>
    /// Tells those concerned of a recorded step, once per event: the department of a return, approval or the DX office's
    /// comment; the DX office of the department's comment; the experts of a submitted question.
    /// </summary>
    private async Task NotifyAsync(IndicatorReport report, ReviewEvent recorded, ClaimsPrincipal user, ReportingCycle cycle, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == report.IndicatorId)
            .Select(i => new { i.Name, Departments = i.Departments.Select(d => d.Id).ToList() }).SingleAsync(cancellationToken);
        var what = $"{indicator.Name}（{report.FiscalYear}）";
        var subject = $"report:{report.Id}";
        var reviewEvent = $"review:{recorded.Id}";
        var entry = $"/entry/{cycle.Id}/{report.IndicatorId}";
        var office = user.IsInRole(Roles.Administrator);
        Notifications.NotificationMessage? message = recorded.Action switch
        {
            ReviewAction.Returned or ReviewAction.Reopened => new(Notifications.NotificationKind.Returned, subject, reviewEvent,
                $"{what}が差し戻されました", $"理由（{recorded.By}）:\n{recorded.Text}", entry),
            ReviewAction.Approved => new(Notifications.NotificationKind.Approved, subject, reviewEvent, $"{what}が承認されました", "", entry),
            ReviewAction.Comment => new(Notifications.NotificationKind.Commented, subject, reviewEvent,
                $"{what}に{recorded.By}さんがコメントしました", recorded.Text, office ? entry : $"/admin/cycles/{cycle.Id}/reports/{report.IndicatorId}"),
            _ => null,
        };
        if (message is not null)
        {
            var to = message.Kind == Notifications.NotificationKind.Commented && !office
                ? await notifier.InRoleAsync(Roles.Administrator)
                : await notifier.EditorsOfAsync(indicator.Departments);
            await notifier.NotifyAsync(message, to, recorded.UserId, cancellationToken);
        }

        if (recorded.Action == ReviewAction.Submitted && HasQuestion(report))
        {
            // Once per question: a resubmission with the same question does not ask the experts again.
            var question = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(report.QuestionToExperts)))[..16];
            await notifier.NotifyAsync(new(Notifications.NotificationKind.QuestionAsked, subject, $"question:{question}",
                $"{what}について、所管課から有識者への質問があります", report.QuestionToExperts, $"/council/reports/{report.Id}"),
                await notifier.InRoleAsync(Roles.Expert), recorded.UserId, cancellationToken);
        }
    }
}
