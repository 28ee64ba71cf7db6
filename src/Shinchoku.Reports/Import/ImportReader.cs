using Shinchoku.Core.Time;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Sheets;

namespace Shinchoku.Reports.Import;

/// <summary>What the person importing says about the file.</summary>
public sealed record ImportOptions
{
    /// <summary>The fiscal year reported on, for sheets whose header names none; a header naming another year is refused.</summary>
    public FiscalYear? FiscalYear { get; init; }

    /// <summary>The limits the file must keep.</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;
}

/// <summary>
/// Reads a legacy progress sheet or an exported 資料4 (.xlsx or .csv) into KPI rows, every cell through Core:
/// recognises each sheet's layout by its header, carries group columns down, parses values and printed marks,
/// computes the marks, and collects every problem with its sheet, row, column letter and the cell's text. A file
/// that cannot be read as a whole is refused with one message. Nothing here touches a database.
/// </summary>
public static class ImportReader
{
    /// <summary>Reads the file; never throws for a bad file (see <see cref="ImportReading.Refusal"/>).</summary>
    public static ImportReading Read(string fileName, Stream content, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new ImportOptions();
        var name = Path.GetFileName(fileName);
        try
        {
            var workbook = SpreadsheetFile.Read(name, content, options.Limits);
            return Read(workbook, options);
        }
        catch (SpreadsheetRefusedException e)
        {
            return ImportReading.Refused(name, e.Message);
        }
    }

    /// <summary>Reads the rows of sheets already opened; throws <see cref="SpreadsheetRefusedException"/> for a header that cannot be read.</summary>
    internal static ImportReading Read(Workbook workbook, ImportOptions options)
    {
        var messages = workbook.Notices.Select(n => new ImportMessage(MessageSeverity.Warning, n)).ToList();
        if (workbook.Sheets.Count == 0)
        {
            return ImportReading.Refused(workbook.FileName, $"ファイル「{workbook.FileName}」には読み込めるシートがありません。");
        }

        var layouts = new List<SheetLayout>();
        var empty = new List<string>();
        var withoutHeader = new List<string>();
        foreach (var sheet in workbook.Sheets)
        {
            if (sheet.IsEmpty)
            {
                empty.Add(sheet.Name);
                continue;
            }

            if (HeaderRecognizer.Recognize(sheet) is { } layout)
            {
                layouts.Add(layout);
            }
            else
            {
                withoutHeader.Add(sheet.Name);
            }
        }

        if (layouts.Count == 0)
        {
            var refusal = withoutHeader.Count == 0
                ? empty.Count == 1
                    ? $"ファイル「{workbook.FileName}」のシート「{empty[0]}」は空です。取り込む行がありません。"
                    : $"ファイル「{workbook.FileName}」のシート（{Quote(empty)}）はすべて空です。取り込む行がありません。"
                : $"ファイル「{workbook.FileName}」のシート（{Quote(withoutHeader)}）に資料4の見出し行が見つかりません。「取組名」「成果指標」「基準値」「実績値」「最終目標」などの見出しが並ぶ行が必要です。";
            return ImportReading.Refused(workbook.FileName, refusal);
        }

        foreach (var sheetName in empty)
        {
            messages.Add(new ImportMessage(MessageSeverity.Warning, $"シート「{sheetName}」は空のため読み飛ばしました。") { Sheet = sheetName });
        }

        foreach (var sheetName in withoutHeader)
        {
            messages.Add(new ImportMessage(MessageSeverity.Warning, $"シート「{sheetName}」には資料4の見出し行がないため読み飛ばしました。") { Sheet = sheetName });
        }

        var rows = new List<ImportRow>();
        foreach (var layout in layouts)
        {
            var sheetName = layout.Sheet.Name;
            if (layout.ReportYear is { } named && options.FiscalYear is { } given && named != given)
            {
                return ImportReading.Refused(workbook.FileName,
                    $"シート「{sheetName}」の見出しは{named}の進捗ですが、{given}が指定されています。年度の指定か、ファイルを確かめてください。");
            }

            var year = layout.ReportYear ?? options.FiscalYear;
            if (year is null)
            {
                messages.Add(new ImportMessage(MessageSeverity.Warning,
                    $"シート「{sheetName}」の見出しに年度（例: 令和2年度実績値）がありません。取り込むには年度を指定してください。")
                { Sheet = sheetName, BlocksCommit = true });
            }

            foreach (var (column, header) in layout.Ignored)
            {
                messages.Add(new ImportMessage(MessageSeverity.Warning,
                    $"シート「{sheetName}」の {CellAddress.ColumnLetters(column)}列（見出し「{RowReader.OneLine(header)}」）は資料4の項目ではないため読み込みません。")
                { Sheet = sheetName, Column = CellAddress.ColumnLetters(column) });
            }

            var sheetRows = RowReader.Read(layout, year, messages);
            if (sheetRows.Count == 0)
            {
                messages.Add(new ImportMessage(MessageSeverity.Warning, $"シート「{sheetName}」には見出しの下にデータの行がありません。") { Sheet = sheetName });
            }

            rows.AddRange(sheetRows);
        }

        if (rows.Count == 0)
        {
            return ImportReading.Refused(workbook.FileName,
                $"ファイル「{workbook.FileName}」には見出しの下にデータの行がありません（{Quote(layouts.Select(l => l.Sheet.Name))}）。");
        }

        foreach (var group in rows.Where(r => r.Indicator.Length > 0)
                     .GroupBy(r => (r.ParentKey, HeaderText.Key(r.Indicator), r.FiscalYear))
                     .Where(g => g.Select(r => r.Sheet).Distinct().Count() > 1))
        {
            var places = string.Join("、", group.Select(r => $"シート「{r.Sheet}」{r.Row}行目"));
            foreach (var row in group)
            {
                row.Add(row.RowMessage(MessageSeverity.Error, $"同じ取組・成果指標の同じ年度の行が複数のシートにあります（{places}）。どちらを取り込むか決められません。"));
            }
        }

        foreach (var row in rows)
        {
            row.Evaluate();
        }

        return new ImportReading { FileName = workbook.FileName, Layouts = layouts, Rows = rows, Messages = messages };
    }

    private static string Quote(IEnumerable<string> names) => string.Join("", names.Select(n => "「" + n + "」"));
}
