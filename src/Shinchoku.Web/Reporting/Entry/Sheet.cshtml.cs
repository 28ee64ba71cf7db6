using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Time;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reports;

namespace Shinchoku.Web.Reporting.Entry;

/// <summary>
/// A department's Excel round trip (入力用シート): GET gives its requested KPIs of the year taking entries as .xlsx
/// (<see cref="EntrySheet"/>); POST reads the sheet back through the DX office's import preview and all-or-nothing
/// commit (<see cref="ReportImporter"/>), limited by an <see cref="ImportScope"/> to the department's own KPIs, the
/// states its entry form may change, and the versions the sheet was made at. Every change is audited. DataEntry policy;
/// only a department editor has a sheet (the DX office is sent to /reports/import).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
[RequestSizeLimit(32L * 1024 * 1024)]
public class SheetModel(ShinchokuDb db, Access access, AuditActor actor, TimeProvider clock) : PageModel
{
    public ReportingCycle? Cycle { get; private set; }

    public string Department { get; private set; } = "";

    public string? Error { get; private set; }

    public ImportPreview? Preview { get; private set; }

    public ImportOutcome? Outcome { get; private set; }

    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Cycle is null)
        {
            return Page();
        }

        var year = Cycle.FiscalYear;
        var previous = year.Previous();
        var indicators = await Requested(await access.EditableAsync(User, Cycle.PlanId), year)
            .Include(i => i.Initiative).Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => r.FiscalYear == year || r.FiscalYear == previous))
            .OrderBy(i => i.Order).ThenBy(i => i.Id).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        var rows = indicators.ConvertAll(i =>
        {
            var report = i.Reports.Single(r => r.FiscalYear == year);
            return new EntrySheetRow(i, report, i.Reports.FirstOrDefault(r => r.FiscalYear == previous), ReportRules.Change(ReportChannel.EntryForm, report.State, Cycle).Allowed);
        });
        var output = new MemoryStream();
        EntrySheet.Write(output, Cycle, Department, rows);
        output.Position = 0;
        return File(output, ReportExporter.ContentType(ExportFormat.Xlsx), $"入力用シート_{year}_{Department}.xlsx");
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Cycle is null)
        {
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            Error = "取り込む入力用シート（.xlsx）を選んでください。";
            return Page();
        }

        var content = await ImportStaging.ReadUploadAsync(file, cancellationToken);
        var name = Path.GetFileName(file.FileName);
        var (reading, importer) = await ReadAsync(name, content, cancellationToken);
        Preview = await importer.PreviewAsync(reading, Cycle.Plan!.Key, cancellationToken);
        LeaveOutReferenceColumns(Preview);
        if (Preview.CanCommit)
        {
            Token = await ImportStaging.SaveAsync(content, new StagedImport(User.Identity!.Name!, name, Cycle.Plan.Key, Cycle.FiscalYear.StartYear, clock.GetUtcNow()), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var staged = await ImportStaging.LoadAsync(token, User.Identity!.Name!, clock.GetUtcNow(), cancellationToken);
        if (Cycle is null || staged is not { } s || s.Meta.PlanKey != Cycle.Plan!.Key || s.Meta.FiscalYear != Cycle.FiscalYear.StartYear)
        {
            Error = "確認した内容の有効期限（1時間）が切れたか、見つかりません。もう一度ファイルを選んで確認してください。";
            return Page();
        }

        var (reading, importer) = await ReadAsync(s.Meta.FileName, s.Content, cancellationToken);
        try
        {
            Outcome = await importer.CommitAsync(reading, s.Meta.PlanKey, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "確認の後に、ほかの方が同じ成果指標を更新しました。何も書き込んでいません。もう一度ファイルを選んで確認してください。";
            return Page();
        }

        Preview = Outcome.Preview;
        LeaveOutReferenceColumns(Preview);
        if (Outcome.Committed)
        {
            ImportStaging.Delete(token!);
        }

        return Page();
    }

    /// <summary>The editor's department and the cycle taking entries (the latest); without a department, the page says where to go instead.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.DepartmentEditor) || await access.DepartmentOfAsync(User) is not { } departmentId)
        {
            Error = "入力用シートは所管課の入力担当が使います。DX推進担当は「進捗管理シートの取り込み」（/reports/import）でシートを取り込んでください。";
            return null;
        }

        Department = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleAsync(cancellationToken);
        Cycle = await db.ReportingCycles.Include(c => c.Plan).Where(c => c.State == PublicationState.Draft)
            .OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (Cycle is null)
        {
            Error = "現在、入力を受け付けている年度はありません。";
        }

        return null;
    }

    private async Task<(ImportReading Reading, ReportImporter Importer)> ReadAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var cycle = Cycle!;
        var reading = ImportReader.Read(name, new MemoryStream(content), new ImportOptions { FiscalYear = cycle.FiscalYear });
        var requested = await Requested(await access.EditableAsync(User, cycle.PlanId), cycle.FiscalYear).Select(i => i.Id).ToListAsync(cancellationToken);
        var scope = new ImportScope(Department, cycle.FiscalYear, requested.ToHashSet(), row => EntrySheet.VersionOf(reading, row));
        return (reading, new ReportImporter(db, actor, clock, scope));
    }

    private static IQueryable<Indicator> Requested(IQueryable<Indicator> editable, FiscalYear year) =>
        editable.Where(i => i.Reports.Any(r => r.FiscalYear == year));

    /// <summary>The sheet's own reference columns are not read, by design: the department is not told so on every upload.</summary>
    private static void LeaveOutReferenceColumns(ImportPreview preview)
    {
        var reference = preview.Reading.Layouts
            .SelectMany(l => l.Ignored.Where(i => EntrySheet.ReferenceHeaders.Contains(HeaderText.Fold(i.Header))).Select(i => (l.Sheet.Name, Shinchoku.Reports.Sheets.CellAddress.ColumnLetters(i.Column))))
            .ToHashSet();
        preview.Messages.RemoveAll(m => !m.IsError && m.Sheet is not null && m.Column is not null && reference.Contains((m.Sheet, m.Column)));
    }
}
