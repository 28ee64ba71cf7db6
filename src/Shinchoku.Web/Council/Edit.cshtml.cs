using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Strategy.Editing;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Council;

/// <summary>Registers a council meeting or edits one (date, cycle, members, agenda, advice); a stale edit is refused. DX office only.</summary>
public class EditModel(ShinchokuDb db) : AdminPageModel
{
    public List<ReportingCycle> Cycles { get; private set; } = [];

    /// <summary>The meeting being edited, or null when registering a new one.</summary>
    public int? MeetingId { get; private set; }

    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? meetingId)
    {
        await LoadCyclesAsync();
        MeetingId = meetingId;
        if (meetingId is null)
        {
            Form.CycleId = Cycles.FirstOrDefault(c => c.State == PublicationState.Draft)?.Id.ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        var meeting = await db.CouncilMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return NotFound();
        }

        Form.CycleId = meeting.CycleId?.ToString(CultureInfo.InvariantCulture);
        Form.Title = meeting.Title;
        Form.HeldOn = meeting.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Form.Members = meeting.Members;
        Form.Agenda = meeting.Agenda;
        Form.Advice = meeting.Advice;
        Form.Version = meeting.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? meetingId)
    {
        await LoadCyclesAsync();
        MeetingId = meetingId;
        CouncilMeeting? meeting = null;
        if (meetingId is not null && (meeting = await db.CouncilMeetings.FirstOrDefaultAsync(m => m.Id == meetingId)) is null)
        {
            return NotFound();
        }

        var cycle = Cycles.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == Form.CycleId);
        if (cycle is null)
        {
            Fail("cycleId", "対象の報告（年度）を選んでください。");
        }

        var title = Required("title", "会議の名称", Form.Title, 200);
        var heldOn = DateOnly.TryParseExact((Form.HeldOn ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (heldOn is null && Core.Time.JapaneseDate.Parse(Form.HeldOn) is { Success: true } japanese)
        {
            heldOn = japanese.Value;
        }

        if (heldOn is null)
        {
            Fail("heldOn", string.IsNullOrWhiteSpace(Form.HeldOn) ? "開催日を入力してください。" : $"開催日「{Form.HeldOn}」を日付として読み取れません（例: 2021-08-30、令和3年8月30日）。");
        }

        var members = Optional("members", "出席委員", Form.Members, 4000) ?? "";
        var agenda = Optional("agenda", "議事", Form.Agenda, 4000) ?? "";
        var advice = Optional("advice", "会議の助言", Form.Advice, 8000) ?? "";
        if (!IsValid)
        {
            return Page();
        }

        if (meeting is null)
        {
            meeting = new CouncilMeeting { PlanId = cycle!.PlanId, Title = title };
            db.CouncilMeetings.Add(meeting);
        }
        else
        {
            db.SaveOnlyAtVersion(meeting, Form.Version);
        }

        meeting.PlanId = cycle!.PlanId;
        meeting.CycleId = cycle.Id;
        meeting.Title = title;
        meeting.HeldOn = heldOn!.Value;
        meeting.Members = members;
        meeting.Agenda = agenda;
        meeting.Advice = advice;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Fail(null, "この会議は、編集を始めた後にほかの人が変更しました。入力した内容は残っています。ページを開き直して最新の内容を確かめてから、もう一度保存してください。");
            return Page();
        }

        return DoneAndRedirect(meetingId is null ? $"会議「{title}」を登録しました。" : $"会議「{title}」を保存しました。", $"/council/{meeting.Id}");
    }

    private async Task LoadCyclesAsync() =>
        Cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Plan).OrderByDescending(c => c.FiscalYear).ThenBy(c => c.PlanId).ToListAsync();
}
