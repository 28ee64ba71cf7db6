using System.Globalization;
using Shinchoku.Core.Time;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Sheets;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Reporting.Entry;

/// <summary>One requested KPI in a department's entry sheet: its report of the year, last year's, and whether the department may change it.</summary>
public sealed record EntrySheetRow(Indicator Indicator, IndicatorReport Report, IndicatorReport? LastYear, bool MayChange);

/// <summary>
/// A department's entry sheet (入力用シート): one row per requested KPI of the cycle, with the KPI, its baseline and targets,
/// and last year's report for reference (locked), and this year's values and narratives to fill in (unlocked, pale blue;
/// locked where the report may not be changed now). The sheet comes back through the import's preview and commit, limited
/// by an <see cref="Reports.ImportScope"/>; its headers are those the import recognizes, the reference columns headed so
/// that the import leaves them out, and 管理番号 carries each report's version.
/// </summary>
public static class EntrySheet
{
    /// <summary>The header of the column holding 「KPI id-version」.</summary>
    public const string VersionHeader = "管理番号";

    private const string ReferenceHeader = "【参考】目標の年度・状態";
    private const string LastYearHeader = "【参考】前年度の報告";

    /// <summary>The headers of the columns the import does not read (not reported as such to the department).</summary>
    public static readonly IReadOnlySet<string> ReferenceHeaders = new HashSet<string>(StringComparer.Ordinal) { VersionHeader, ReferenceHeader, LastYearHeader };

    /// <summary>Writes the sheet of <paramref name="rows"/> for <paramref name="cycle"/>.</summary>
    public static void Write(Stream output, ReportingCycle cycle, string department, IReadOnlyList<EntrySheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(rows);
        var year = cycle.FiscalYear;
        var entries = new (string Header, Func<IndicatorReport, string> Text, bool InterimOnly, double Width)[]
        {
            ($"{year}実績値", r => r.Actual.Text, false, 20),
            ($"{year}末見込値", r => r.Projection.Text, false, 20),
            ("見込値の算出根拠", r => r.ProjectionBasis, false, 30),
            ($"{year}の取組状況", r => r.Status, false, 40),
            ("中間目標が未達成（未達成見込）となった理由", r => r.MissedReason, true, 30),
            ("未達成の場合、状況改善のために検討している対策", r => r.Countermeasure, true, 30),
            ("取組を行っている上での課題", r => r.Challenges, false, 30),
            ("今後の取組方針・対策", r => r.Plan, false, 30),
            ("アドバイザリー会議で専門家に聞きたいこと", r => r.QuestionToExperts, false, 30),
        };
        const int firstEntry = 8;
        var lastRow = 2 + rows.Count;
        var hint = (string field) => EditModel.Fields.First(f => f.Name == field).Hint ?? "";
        var options = new XlsxSheetOptions
        {
            ColumnWidths = [12, 30, 30, 16, 16, 24, 40, .. entries.Select(e => e.Width)],
            FrozenRows = 2,
            FrozenColumns = 3,
            Protected = true,
            Validations = rows.Count == 0 ? [] :
            [
                new($"{CellAddress.ColumnLetters(firstEntry)}3:{CellAddress.ColumnLetters(firstEntry)}{lastRow}", "実績値", hint(nameof(ReportForm.Actual))),
                new($"{CellAddress.ColumnLetters(firstEntry + 1)}3:{CellAddress.ColumnLetters(firstEntry + 1)}{lastRow}", "年度末見込値", hint(nameof(ReportForm.Projection))),
            ],
        };
        using var workbook = new XlsxWriter(output, $"{cycle.Title} 入力用シート（{department}）");
        using var sheet = workbook.AddSheet("入力用シート", options);
        sheet.StartRow();
        sheet.Text(1, $"{cycle.Title} 入力用シート（{department}）　水色のセルに入力し、このファイルのまま「進捗の入力」から取り込んでください。", XlsxStyle.Title);
        sheet.StartRow();
        var headers = new[] { VersionHeader, "取組名", "成果指標", "基準値", "最終目標", ReferenceHeader, LastYearHeader }.Concat(entries.Select(e => e.Header)).ToList();
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Text(c + 1, headers[c], XlsxStyle.Header);
        }

        foreach (var row in rows)
        {
            var indicator = row.Indicator;
            var hasInterim = indicator.HasInterimTarget;
            sheet.StartRow();
            sheet.Text(1, string.Create(CultureInfo.InvariantCulture, $"{indicator.Id}-{row.Report.Version}"));
            sheet.Text(2, indicator.Initiative?.Title ?? "");
            sheet.Text(3, indicator.Name);
            sheet.Text(4, indicator.Baseline.Text);
            // The latest final target, as the evaluation reads it; the reader needs the column to evaluate the row.
            sheet.Text(5, indicator.FinalTarget?.Value.Text ?? "");
            sheet.Text(6, Reference(indicator, row.Report));
            sheet.Text(7, row.LastYear is { } last ? LastYear(last, cycle.FiscalYear.Previous()) : "（前年度の報告はありません）");
            for (var e = 0; e < entries.Length; e++)
            {
                var (_, text, interimOnly, _) = entries[e];
                var editable = row.MayChange && (hasInterim || !interimOnly);
                sheet.Text(firstEntry + e, text(row.Report), editable ? XlsxStyle.Input : XlsxStyle.Body);
            }
        }
    }

    /// <summary>The version written in the 管理番号 cell of <paramref name="row"/>'s line of its sheet, or null when missing or unreadable.</summary>
    public static int? VersionOf(ImportReading reading, ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(row);
        var layout = reading.Layouts.FirstOrDefault(l => l.Sheet.Name == row.Sheet);
        var column = layout?.Ignored.FirstOrDefault(i => HeaderText.Fold(i.Header) == VersionHeader).Column ?? 0;
        var text = column == 0 ? null : layout!.Sheet.Cell(row.Row, column)?.Text.Trim();
        var dash = text?.LastIndexOf('-') ?? -1;
        return dash > 0 && int.TryParse(text![(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static string Reference(Indicator indicator, IndicatorReport report)
    {
        var lines = new List<string>
        {
            $"基準値: {(indicator.Baseline.Text.Length > 0 ? indicator.Baseline.Text : "－")}{(indicator.BaselineFiscalYear is { } by ? "（" + by + "）" : "")}",
        };
        lines.AddRange(indicator.Targets.OrderBy(t => t.FiscalYear).ThenBy(t => t.Kind)
            .Select(t => $"{(t.Kind == TargetKind.Interim ? "中間目標" : "最終目標")}: {t.Value.Text}（{t.FiscalYear}）"));
        lines.Add($"状態: {ReportRules.Describe(report.State)}");
        return string.Join("\n", lines);
    }

    private static string LastYear(IndicatorReport report, FiscalYear year)
    {
        var lines = new List<string>
        {
            year.ToString(),
            $"実績値: {Or(report.Actual.Text)}",
            $"見込値: {Or(report.Projection.Text)}",
        };
        lines.AddRange(LastYearView.Narratives.Select(n => $"{n.Label}: {Or(LastYearView.Text(report, n.Field))}"));
        return string.Join("\n", lines);

        static string Or(string text) => text.Length > 0 ? text : "－";
    }
}
