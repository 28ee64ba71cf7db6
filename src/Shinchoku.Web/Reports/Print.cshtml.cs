using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Reports.Export;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Reports;
using Shinchoku.Web.Shared;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Reports;

/// <summary>
/// 資料4 of a plan and fiscal year as a print view (HTML with print CSS, A3 landscape) and its downloads: .xlsx in
/// the printed layout, CSV, and PDF printed by Chromium from the same view. Public for a published reporting cycle;
/// otherwise signed-in staff only (others get 404, so unpublished reports are not revealed).
/// </summary>
[AllowAnonymous]
public class PrintModel(ShinchokuDb db, PdfPrinting pdfs) : PageModel
{
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string planKey, FiscalYear? fiscalYear, CancellationToken cancellationToken)
    {
        if (await LoadAsync(planKey, fiscalYear, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        var links = $"""
            <nav aria-label="資料4の書き出し"><a href="/">Shinchoku 進捗管理</a> ／ <a href="/reports/{Uri.EscapeDataString(report.PlanKey)}/{report.Document.FiscalYear.StartYear}/xlsx">Excel（.xlsx）</a>
            ・ <a href="/reports/{Uri.EscapeDataString(report.PlanKey)}/{report.Document.FiscalYear.StartYear}/csv">CSV</a>
            ・ <a href="/reports/{Uri.EscapeDataString(report.PlanKey)}/{report.Document.FiscalYear.StartYear}/pdf">PDF</a>
            ／ ブラウザーの印刷で A3 横に印刷できます。</nav>
            """;
        Html = ReportHtml.ToHtml(report.Document, new ReportHtmlOptions { ScreenHeaderHtml = links });
        Response.Headers.ContentSecurityPolicy = Accounts.SecuritySetup.PrintViewPolicy;
        return Page();
    }

    public Task<IActionResult> OnGetXlsxAsync(string planKey, FiscalYear? fiscalYear, CancellationToken cancellationToken) =>
        DownloadAsync(planKey, fiscalYear, ExportFormat.Xlsx, cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(string planKey, FiscalYear? fiscalYear, CancellationToken cancellationToken) =>
        DownloadAsync(planKey, fiscalYear, ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetPdfAsync(string planKey, FiscalYear? fiscalYear, CancellationToken cancellationToken) =>
        DownloadAsync(planKey, fiscalYear, ExportFormat.Pdf, cancellationToken);

    private async Task<IActionResult> DownloadAsync(string planKey, FiscalYear? fiscalYear, ExportFormat format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(planKey, fiscalYear, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        if (format == ExportFormat.Pdf)
        {
            if (!pdfs.IsAvailable)
            {
                return ErrorModel.Explained(HttpContext, StatusCodes.Status503ServiceUnavailable, "PDF を作成できません", "PDF を作るためのブラウザー（Chromium）がこのサーバーにありません。Excel か印刷用の表示をお使いください。");
            }

            if (await pdfs.GetAsync(ReportHtml.ToHtml(report.Document), cancellationToken) is not { } pdf)
            {
                Response.Headers.RetryAfter = ((int)PdfPrinting.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ErrorModel.Explained(HttpContext, StatusCodes.Status503ServiceUnavailable, "ただいま PDF の作成が混み合っています", "しばらくしてからもう一度お試しください（Excel と印刷用の表示はすぐにご利用いただけます）。");
            }

            return File(pdf, ReportExporter.ContentType(format), ReportExporter.FileName(report.PlanKey, report.Document.FiscalYear, format));
        }

        using var buffer = new MemoryStream();
        await ReportExporter.WriteAsync(report.Document, format, buffer, null, cancellationToken);
        return File(buffer.ToArray(), ReportExporter.ContentType(format), ReportExporter.FileName(report.PlanKey, report.Document.FiscalYear, format));
    }

    /// <summary>The report, or null (404) when the year in the URL is out of range, or there is no such report or the visitor may not see it.</summary>
    private async Task<LoadedReport?> LoadAsync(string planKey, FiscalYear? fiscalYear, CancellationToken cancellationToken)
    {
        if (fiscalYear is not { } year)
        {
            return null;
        }

        LoadedReport? report;
        try
        {
            report = await new ReportExporter(db).LoadAsync(planKey, year, !Publication.SeesUnpublished(User), cancellationToken);
        }
        catch (PlanNotFoundException)
        {
            return null;
        }

        return report is not null && (report.IsPublished || Publication.SeesUnpublished(User)) ? report : null;
    }
}
