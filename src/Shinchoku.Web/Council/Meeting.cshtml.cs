using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Strategy.Editing;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reports;

namespace Shinchoku.Web.Council;

/// <summary>
/// A council meeting: date, members, agenda, advice, materials, and the questions its cycle's departments wrote for
/// the experts with their threads. Staff read; the DX office attaches 資料4 as it is now, or uploads a file.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = CouncilRules.MaxMaterialBytes + 64 * 1024)]
[RequestSizeLimit(CouncilRules.MaxMaterialBytes + 64 * 1024)]
public class MeetingModel(ShinchokuDb db, UserManager<AppUser> users, TimeProvider clock) : AdminPageModel
{
    public CouncilMeeting Meeting { get; private set; } = null!;

    /// <summary>The materials without their bytes: id, file name, size, when and by whom.</summary>
    public List<(int Id, string FileName, long Size, DateTimeOffset At, string By)> Materials { get; private set; } = [];

    /// <summary>The reports of the meeting's cycle with a question to the experts, with their indicators and posts.</summary>
    public List<IndicatorReport> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int meetingId) => await LoadAsync(meetingId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttachExportAsync(int meetingId, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        if (!await LoadAsync(meetingId))
        {
            return NotFound();
        }

        if (Meeting.Cycle is not { } cycle)
        {
            Fail(null, "この会議には対象の報告（年度）が設定されていないため、資料4を添付できません。会議の編集で対象の報告を選んでください。");
            return Page();
        }

        var report = await new ReportExporter(db).LoadAsync(Meeting.Plan!.Key, cycle.FiscalYear, cancellationToken: cancellationToken);
        if (report is null)
        {
            Fail(null, $"{cycle.FiscalYear}の報告には成果指標がないため、資料4を作成できません。");
            return Page();
        }

        using var buffer = new MemoryStream();
        await ReportExporter.WriteAsync(report.Document, ExportFormat.Xlsx, buffer, chromium: null, cancellationToken);
        var name = ReportExporter.FileName(report.PlanKey, cycle.FiscalYear, ExportFormat.Xlsx);
        await AttachAsync(name, ReportExporter.ContentType(ExportFormat.Xlsx), buffer.ToArray());
        return DoneAndRedirect($"資料4（{name}、現時点の内容）を添付しました。", $"/council/{meetingId}");
    }

    public async Task<IActionResult> OnPostUploadAsync(int meetingId, IFormFile? file)
    {
        if (!User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        if (!await LoadAsync(meetingId))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Fail("file", "添付するファイルを選んでください。");
        }
        else if (file.Length > CouncilRules.MaxMaterialBytes)
        {
            Fail("file", $"ファイルは{CouncilRules.MaxMaterialBytes / 1024 / 1024}MB以下にしてください（選んだファイルは{file.Length / 1024 / 1024}MBです）。");
        }

        if (!IsValid)
        {
            return Page();
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer);
        var name = Path.GetFileName(file.FileName) is { Length: > 0 } n ? n : "資料";
        await AttachAsync(name, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray());
        return DoneAndRedirect($"「{name}」を添付しました。", $"/council/{meetingId}");
    }

    private async Task AttachAsync(string fileName, string contentType, byte[] content)
    {
        var user = await users.GetUserAsync(User);
        db.MeetingMaterials.Add(new MeetingMaterial
        {
            MeetingId = Meeting.Id,
            FileName = fileName,
            ContentType = contentType,
            Content = content,
            AttachedAt = clock.GetUtcNow(),
            AttachedBy = user?.DisplayName is { Length: > 0 } name ? name : User.Identity!.Name!,
        });
        await db.SaveChangesAsync();
    }

    private async Task<bool> LoadAsync(int meetingId)
    {
        var meeting = await db.CouncilMeetings.AsNoTracking().Include(m => m.Plan).Include(m => m.Cycle).FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Materials = [.. (await db.MeetingMaterials.AsNoTracking().Where(m => m.MeetingId == meetingId).OrderBy(m => m.AttachedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FileName, Size = (long)m.Content.Length, m.AttachedAt, m.AttachedBy }).ToListAsync())
            .Select(m => (m.Id, m.FileName, m.Size, m.AttachedAt, m.AttachedBy))];
        if (meeting.Cycle is { } cycle)
        {
            Questions = await db.IndicatorReports.AsNoTracking()
                .Where(r => r.FiscalYear == cycle.FiscalYear && r.Indicator!.Initiative!.PlanId == cycle.PlanId)
                .Where(CouncilRules.HasQuestion)
                .Include(r => r.Indicator!).ThenInclude(i => i.Departments)
                .Include(r => r.CouncilPosts.OrderBy(p => p.At).ThenBy(p => p.Id)).ThenInclude(p => p.Meeting)
                .OrderBy(r => r.Indicator!.Order).ThenBy(r => r.IndicatorId)
                .AsSplitQuery()
                .ToListAsync();
        }

        return true;
    }
}
