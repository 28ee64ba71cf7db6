using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Sheets;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reports;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reports;

/// <summary>
/// The DX office imports a legacy progress sheet (.xlsx or .csv): the file is read and every row shown with its
/// parsed values, computed and printed marks and problems; nothing is written until the office confirms, and
/// then every row is written in one transaction, or nothing.
/// </summary>
[Authorize(Policy = Policies.DxOffice)]
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
[RequestSizeLimit(32L * 1024 * 1024)]
public class ImportModel(ShinchokuDb db, AuditActor actor, TimeProvider clock) : PageModel
{
    public List<(string Key, string Name)> Plans { get; private set; } = [];

    [BindProperty]
    public string? Plan { get; set; }

    [BindProperty]
    public string? FiscalYear { get; set; }

    public string? Error { get; private set; }

    public ImportPreview? Preview { get; private set; }

    public ImportOutcome? Outcome { get; private set; }

    public string? Token { get; private set; }

    public Core.Time.FiscalYear? CommittedYear { get; private set; }

    public async Task OnGetAsync() => await LoadPlansAsync();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadPlansAsync();
        if (file is null || file.Length == 0)
        {
            Error = "取り込むファイル（.xlsx または .csv）を選んでください。";
            return Page();
        }

        if (Plan is null || !Plans.Any(p => p.Key == Plan))
        {
            Error = "取り込む先の計画を選んでください。";
            return Page();
        }

        Core.Time.FiscalYear? year = null;
        if (!string.IsNullOrWhiteSpace(FiscalYear))
        {
            var parsed = Core.Time.FiscalYear.Parse(FiscalYear);
            if (!parsed.Success)
            {
                Error = string.Join(" ", parsed.Errors.Select(e => e.Message));
                return Page();
            }

            year = parsed.Value;
        }

        var limit = ReadLimits.Default.MaxFileBytes;
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length <= limit)
            {
                buffer.Write(chunk, 0, n);
            }

            content = buffer.ToArray();
        }

        var name = Path.GetFileName(file.FileName);
        var reading = ImportReader.Read(name, new MemoryStream(content), new ImportOptions { FiscalYear = year });
        Preview = await new ReportImporter(db, actor, clock).PreviewAsync(reading, Plan, cancellationToken);
        if (Preview.CanCommit)
        {
            Token = await ImportStaging.SaveAsync(content, new StagedImport(User.Identity!.Name!, name, Plan, year?.StartYear, clock.GetUtcNow()), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? token, CancellationToken cancellationToken)
    {
        await LoadPlansAsync();
        var staged = await ImportStaging.LoadAsync(token, User.Identity!.Name!, clock.GetUtcNow(), cancellationToken);
        if (staged is not { } s)
        {
            Error = "確認した内容の有効期限（1時間）が切れたか、見つかりません。もう一度ファイルを選んで確認してください。";
            return Page();
        }

        Plan = s.Meta.PlanKey;
        // The staged file keeps the start year as a JSON number.
        Core.Time.FiscalYear? given = s.Meta.FiscalYear is { } y ? new Core.Time.FiscalYear(y) : null;
        FiscalYear = given?.ToString();
        var reading = ImportReader.Read(s.Meta.FileName, new MemoryStream(s.Content), new ImportOptions { FiscalYear = given });
        try
        {
            Outcome = await new ReportImporter(db, actor, clock).CommitAsync(reading, s.Meta.PlanKey, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "確認の後に、ほかの人が同じ成果指標を更新しました。何も書き込んでいません。もう一度ファイルを選んで確認してください。";
            return Page();
        }

        Preview = Outcome.Preview;
        if (Outcome.Committed)
        {
            ImportStaging.Delete(token!);
            CommittedYear = reading.Rows.Select(r => r.FiscalYear).FirstOrDefault(y => y is not null);
        }

        return Page();
    }

    private async Task LoadPlansAsync()
    {
        var plans = await db.Plans.OrderBy(p => p.Id).Select(p => new { p.Key, p.Name }).ToListAsync();
        Plans = plans.ConvertAll(p => (p.Key, p.Name));
        if (Plan is null)
        {
            var withCycle = await db.ReportingCycles.OrderByDescending(c => c.FiscalYear).Select(c => c.Plan!.Key).FirstOrDefaultAsync();
            Plan = withCycle ?? Plans.FirstOrDefault().Key;
        }
    }
}
