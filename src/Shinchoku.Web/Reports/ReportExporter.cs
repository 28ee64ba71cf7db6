using Microsoft.EntityFrameworkCore;
using Indicator = Shinchoku.Web.Indicators.Indicator;
using Shinchoku.Core.Strategy;
using Shinchoku.Core.Time;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Layout;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Reports;

/// <summary>The formats 資料4 is produced in.</summary>
public enum ExportFormat
{
    /// <summary>Excel workbook in the printed layout.</summary>
    Xlsx,

    /// <summary>CSV, UTF-8 with a byte order mark.</summary>
    Csv,

    /// <summary>PDF, Chromium's print of the print view.</summary>
    Pdf,

    /// <summary>The print view's HTML.</summary>
    Html,
}

/// <summary>A report loaded for export, with the reporting cycle that decides who may see it.</summary>
/// <param name="Document">The report.</param>
/// <param name="PlanKey">The plan's key.</param>
/// <param name="Cycle">The plan's reporting cycle of the year, or null when there is none.</param>
/// <param name="RowCount">The number of KPI rows.</param>
public sealed record LoadedReport(ReportDocument Document, string PlanKey, ReportingCycle? Cycle, int RowCount)
{
    /// <summary>True when the cycle is published: anyone may see the report.</summary>
    public bool IsPublished => Cycle?.State == PublicationState.Published;
}

/// <summary>
/// Builds 資料4 of a plan and fiscal year from the database: every indicator with a report for the year (or, for a
/// cycle with no report entered yet, every indicator of the plan), grouped by table and in the order printed,
/// values as entered, marks computed by Core with a person's override shown as such, and writes it as
/// .xlsx, CSV, HTML or PDF.
/// </summary>
public sealed class ReportExporter(ShinchokuDb db)
{
    /// <summary>The file extension of a format.</summary>
    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => ".xlsx",
        ExportFormat.Csv => ".csv",
        ExportFormat.Pdf => ".pdf",
        _ => ".html",
    };

    /// <summary>The media type of a format.</summary>
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Pdf => "application/pdf",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>Reads a format name (xlsx, csv, pdf, html); null when unknown.</summary>
    public static ExportFormat? ParseFormat(string? text) => text?.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        "pdf" => ExportFormat.Pdf,
        "html" or "htm" => ExportFormat.Html,
        _ => null,
    };

    /// <summary>The plans that have reports (or a reporting cycle) for the fiscal year.</summary>
    public async Task<List<string>> PlansWithReportsAsync(FiscalYear fiscalYear, CancellationToken cancellationToken = default)
    {
        var withReports = await db.IndicatorReports.Where(r => r.FiscalYear == fiscalYear)
            .Select(r => r.Indicator!.Initiative!.Plan!.Key).Distinct().ToListAsync(cancellationToken);
        if (withReports.Count > 0)
        {
            return withReports;
        }

        return await db.ReportingCycles.Where(c => c.FiscalYear == fiscalYear).Select(c => c.Plan!.Key).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Loads the report of <paramref name="planKey"/> for <paramref name="fiscalYear"/>; null when the plan has neither reports nor a cycle for it.</summary>
    /// <remarks>With <paramref name="approvedOnly"/> (for visitors), reports not approved are left out as if not entered.</remarks>
    public async Task<LoadedReport?> LoadAsync(string planKey, FiscalYear fiscalYear, bool approvedOnly = false, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Key == planKey, cancellationToken)
            ?? throw new PlanNotFoundException(planKey, await db.Plans.OrderBy(p => p.Id).Select(p => p.Key).ToListAsync(cancellationToken));
        var cycle = await db.ReportingCycles.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == plan.Id && c.FiscalYear == fiscalYear, cancellationToken);
        var query = db.Indicators.AsNoTracking().Where(i => i.Initiative!.PlanId == plan.Id);
        var withReport = query.Where(i => i.Reports.Any(r => r.FiscalYear == fiscalYear));
        if (await withReport.AnyAsync(cancellationToken))
        {
            query = withReport;
        }
        else if (cycle is null)
        {
            return null;
        }

        var indicators = await query
            .Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => r.FiscalYear == fiscalYear && (!approvedOnly || r.State == ReportState.Approved))).ThenInclude(r => r.Overrides)
            .OrderBy(i => i.Order).ThenBy(i => i.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var initiativeIds = indicators.Select(i => i.InitiativeId).Distinct().ToList();
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => initiativeIds.Contains(i.Id)).Include(i => i.Placements)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.PlanId == plan.Id).ToDictionaryAsync(n => n.Id, cancellationToken);

        var tables = new List<ReportTable>();
        foreach (var group in indicators.GroupBy(i => i.ReportTable ?? ReportTableNumber.Table42).OrderBy(g => g.Key))
        {
            var rows = new List<ReportRow>();
            var evaluations = new List<ReportEvaluation>();
            foreach (var indicator in group)
            {
                var report = indicator.Reports.FirstOrDefault() ?? new IndicatorReport { FiscalYear = fiscalYear };
                var evaluation = ReportEvaluation.Of(indicator, report);
                evaluations.Add(evaluation);
                rows.Add(Row(indicator, initiatives[indicator.InitiativeId], nodes, evaluation));
            }

            var years = new ReportYears(
                fiscalYear,
                MostCommon(group.Select(i => i.BaselineFiscalYear)),
                MostCommon(group.Select(i => InterimFor(i, fiscalYear)?.FiscalYear)),
                MostCommon(group.Select(i => FinalOf(i)?.FiscalYear)));
            for (var k = 0; k < rows.Count; k++)
            {
                rows[k] = WithYearNotes(rows[k], group.ElementAt(k), years, fiscalYear);
            }

            var caption = string.Join("・", rows.Select(r => r.Area).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal));
            tables.Add(new ReportTable(group.Key.ToString(), caption, years, rows));
        }

        var title = cycle?.Title is { Length: > 0 } t ? t : ReportHtml.DefaultTitle(fiscalYear, tables.Select(x => x.Table));
        return new LoadedReport(new ReportDocument(plan.Name, fiscalYear, title, tables), plan.Key, cycle, indicators.Count);
    }

    /// <summary>Writes the report in the format; PDF needs <paramref name="chromium"/>.</summary>
    public static async Task WriteAsync(ReportDocument document, ExportFormat format, Stream output, ChromiumPdf? chromium, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ExportFormat.Xlsx:
                ReportXlsx.Write(document, output);
                break;
            case ExportFormat.Csv:
                ReportCsv.Write(document, output);
                break;
            case ExportFormat.Html:
                await using (var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 65536, leaveOpen: true))
                {
                    ReportHtml.Write(document, writer);
                }

                break;
            case ExportFormat.Pdf:
                if (chromium is null)
                {
                    throw new InvalidOperationException("PDF を作るための Chromium が見つかりません。Debian の chromium を入れるか、Reports:Chromium にブラウザーのパスを設定してください。");
                }

                var pdf = await chromium.PrintAsync(ReportHtml.ToHtml(document), cancellationToken);
                await output.WriteAsync(pdf, cancellationToken);
                break;
        }
    }

    /// <summary>The file name of an export: chiba-ict_令和2年度_資料4.xlsx.</summary>
    public static string FileName(string planKey, FiscalYear fiscalYear, ExportFormat format) =>
        $"{planKey}_{fiscalYear}_資料4{Extension(format)}";

    private static IndicatorTarget? InterimFor(Indicator indicator, FiscalYear fiscalYear) =>
        indicator.Targets.Where(t => t.Kind == TargetKind.Interim && t.FiscalYear >= fiscalYear).MinBy(t => t.FiscalYear)
        ?? indicator.Targets.Where(t => t.Kind == TargetKind.Interim).MaxBy(t => t.FiscalYear);

    private static IndicatorTarget? FinalOf(Indicator indicator) => indicator.Targets.Where(t => t.Kind == TargetKind.Final).MaxBy(t => t.FiscalYear);

    private static FiscalYear? MostCommon(IEnumerable<FiscalYear?> years) =>
        years.OfType<FiscalYear>().GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (FiscalYear?)g.Key).FirstOrDefault();

    private static ReportRow Row(Indicator indicator, Initiative initiative, Dictionary<int, PlanNode> nodes, ReportEvaluation e)
    {
        var placement = initiative.Placements.Where(p => p.IsPrimary).OrderBy(p => p.Id).FirstOrDefault() ?? initiative.Placements.OrderBy(p => p.Id).FirstOrDefault();
        string area = "", section = "", subsection = "";
        for (var node = placement is null ? null : nodes.GetValueOrDefault(placement.NodeId); node is not null;
             node = node.ParentId is { } parent ? nodes.GetValueOrDefault(parent) : null)
        {
            switch (node.Kind)
            {
                case NodeKind.Area or NodeKind.Pillar when area.Length == 0:
                    area = NodeText(node);
                    break;
                case NodeKind.Field or NodeKind.PillarItem when section.Length == 0:
                    section = NodeText(node);
                    break;
                case NodeKind.Subsection when subsection.Length == 0:
                    subsection = NodeText(node);
                    break;
            }
        }

        var report = e.Report;
        var marks = ReportMarks.From(e.Computed, e.Override?.ToCore(), e.Values.HasInterimTarget);
        string? note = null;
        if (e.Override is { } o)
        {
            var computed = ReportMarks.From(e.Computed, null, e.Values.HasInterimTarget);
            var before = string.Join(" ", new[] { computed.Trend, computed.Rating, computed.InterimReached }.Where(m => m.Length > 0));
            var after = string.Join(" ", new[] { marks.Trend, marks.Rating, marks.InterimReached }.Where(m => m.Length > 0)).Replace(ReportMarks.OverrideMark, "", StringComparison.Ordinal);
            note = $"算出した評価「{(before.Length > 0 ? before : "なし")}」を「{after}」に変更（理由: {o.Reason}／{o.By}、{Dates.IsoDay(o.At)}）";
        }

        return new ReportRow
        {
            Area = area,
            Section = section,
            Subsection = subsection,
            Initiative = placement?.Title ?? initiative.Title,
            Indicator = indicator.Name,
            Baseline = indicator.Baseline.Text,
            Actual = report.Actual.Text,
            Projection = report.Projection.Text,
            ProjectionBasis = report.ProjectionBasis,
            InterimTarget = InterimFor(indicator, report.FiscalYear)?.Value.Text ?? "",
            FinalTarget = FinalOf(indicator)?.Value.Text ?? "",
            Status = report.Status,
            MissedReason = report.MissedReason,
            Countermeasure = report.Countermeasure,
            Challenges = report.Challenges,
            Plan = report.Plan,
            Question = report.QuestionToExperts,
            Marks = marks,
            Note = note,
        };
    }

    /// <summary>A note where the indicator's target or baseline year differs from the one the header names.</summary>
    private static ReportRow WithYearNotes(ReportRow row, Indicator indicator, ReportYears years, FiscalYear fiscalYear)
    {
        var notes = new List<string>();
        if (FinalOf(indicator) is { } final && years.Final is { } fy && final.FiscalYear != fy)
        {
            notes.Add($"最終目標は{final.FiscalYear}の目標です");
        }

        if (InterimFor(indicator, fiscalYear) is { } interim && years.Interim is { } iy && interim.FiscalYear != iy)
        {
            notes.Add($"中間目標は{interim.FiscalYear}の目標です");
        }

        if (indicator.BaselineFiscalYear is { } by && years.Baseline is { } hy && by != hy)
        {
            notes.Add($"基準値は{by}の値です");
        }

        return notes.Count == 0 ? row : row with { Note = string.Join("。", row.Note is null ? notes : [row.Note, .. notes]) };
    }

    /// <summary>A node as printed in a group column: 「ア ICTを活用した…」, 「（ア）行政手続き…」 (no space after a bracket).</summary>
    internal static string NodeText(PlanNode node)
    {
        if (node.Label.Length == 0)
        {
            return node.Title;
        }

        return node.Label[^1] is '）' or ')' or '】' ? node.Label + node.Title : node.Label + " " + node.Title;
    }
}
