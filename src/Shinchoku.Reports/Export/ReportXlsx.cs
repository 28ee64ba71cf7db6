using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Sheets;

namespace Shinchoku.Reports.Export;

/// <summary>
/// Writes 資料4 as .xlsx in its printed layout, one sheet per table: the title row, the header as printed with
/// the fiscal years filled in and the legend in the 進捗率 header, group columns merged (大項目, 中項目, 小項目 as
/// vertical text), wrapped text, widths and row heights that read like the print, A3 landscape fitted to the
/// page width with the title and header repeated on every page, and panes frozen below the header and right of
/// the indicator. Values as people wrote them; marks computed, a person's change marked ※ and explained below.
/// Rows stream straight to the file: memory does not grow with the number of rows.
/// </summary>
public static class ReportXlsx
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (left open).</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var book = new XlsxWriter(output, document.Title);
        foreach (var table in document.Tables)
        {
            new TableWriter(book, table).Write();
        }
    }

    private sealed class TableWriter
    {
        private readonly XlsxWriter book;
        private readonly ReportTable table;
        private readonly IReadOnlyList<ReportColumn> columns;
        private readonly double[] widths;
        private readonly (ReportColumn Kind, int Column)[] groups;
        private readonly (int Start, string Key, string Text)[] runs;
        private readonly List<string> notes = [];
        private SheetWriter sheet = null!;

        public TableWriter(XlsxWriter book, ReportTable table)
        {
            this.book = book;
            this.table = table;
            columns = table.Columns;
            widths = columns.Select(ReportLayout.Width).ToArray();
            groups = columns.Select((c, i) => (c, i + 1)).Where(g => ReportColumns.Groups.Contains(g.c)).ToArray();
            runs = new (int, string, string)[groups.Length];
        }

        public void Write()
        {
            var frozen = columns.ToList().IndexOf(ReportColumn.Indicator) + 1;
            using (sheet = book.AddSheet("資料" + table.Table, new XlsxSheetOptions
            {
                ColumnWidths = widths,
                FrozenRows = 2,
                FrozenColumns = frozen,
                PrintTitleRows = (1, 2),
            }))
            {
                sheet.StartRow(24);
                sheet.Text(1, table.Title, XlsxStyle.Title);

                var headers = columns.Select(c => ReportLayout.Header(c, table.Years)).ToArray();
                var headerLines = headers.Select((h, i) => TextWidth.Lines(h, widths[i])).Max();
                sheet.StartRow(TextWidth.Height(headerLines));
                for (var i = 0; i < headers.Length; i++)
                {
                    sheet.Text(i + 1, headers[i], XlsxStyle.Header);
                }

                var block = new List<ReportRow>();
                string? blockKey = null;
                foreach (var row in table.Rows)
                {
                    var key = Key(row, groups.Length - 1);
                    if (blockKey is not null && key != blockKey)
                    {
                        WriteBlock(block);
                        block.Clear();
                    }

                    block.Add(row);
                    blockKey = key;
                }

                WriteBlock(block);
                for (var level = 0; level < groups.Length; level++)
                {
                    CloseRun(level, sheet.Row);
                }

                if (notes.Count > 0)
                {
                    sheet.StartRow();
                    sheet.StartRow();
                    sheet.Text(1, "※ 印は、算出した評価を担当者が変更したもの、または見出しと異なる年度の目標です。", XlsxStyle.Note);
                    foreach (var note in notes)
                    {
                        sheet.StartRow();
                        sheet.Text(1, note, XlsxStyle.Note);
                    }
                }
            }
        }

        /// <summary>Writes the rows of one initiative; the initiative's text is spread over their heights.</summary>
        private void WriteBlock(List<ReportRow> block)
        {
            if (block.Count == 0)
            {
                return;
            }

            var initiativeIndex = columns.ToList().IndexOf(ReportColumn.Initiative);
            var initiativeLines = initiativeIndex < 0 ? 1 : TextWidth.Lines(block[0].Initiative, widths[initiativeIndex]);
            var share = (initiativeLines + block.Count - 1) / block.Count;
            foreach (var row in block)
            {
                var lines = share;
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    if (!ReportColumns.Groups.Contains(column))
                    {
                        lines = Math.Max(lines, TextWidth.Lines(row.Text(column), widths[i]));
                    }
                }

                sheet.StartRow(TextWidth.Height(lines));
                var current = sheet.Row;
                for (var level = 0; level < groups.Length; level++)
                {
                    var key = Key(row, level);
                    if (runs[level].Start == 0 || runs[level].Key != key)
                    {
                        CloseRun(level, current - 1);
                        runs[level] = (current, key, row.Text(groups[level].Kind));
                    }
                }

                var g = 0;
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    if (g < groups.Length && groups[g].Column == i + 1)
                    {
                        var starts = runs[g].Start == current;
                        sheet.Text(i + 1, starts ? runs[g].Text : null, ReportLayout.IsVertical(column) ? XlsxStyle.Vertical : XlsxStyle.Body);
                        g++;
                        continue;
                    }

                    var style = ReportColumns.Marks.Contains(column)
                        ? row.Text(column).EndsWith(ReportMarks.OverrideMark, StringComparison.Ordinal) ? XlsxStyle.MarkOverridden : XlsxStyle.Mark
                        : XlsxStyle.Body;
                    sheet.Text(i + 1, row.Text(column), style);
                }

                if (row.Note is { Length: > 0 } note)
                {
                    notes.Add($"※ {row.Indicator.ReplaceLineEndings(" ")}: {note}");
                }
            }
        }

        private void CloseRun(int level, int lastRow)
        {
            var (start, _, text) = runs[level];
            if (start > 0 && lastRow > start && text.Length > 0)
            {
                sheet.Merge(start, groups[level].Column, lastRow, groups[level].Column);
            }

            runs[level] = default;
        }

        /// <summary>The group texts from the outermost down to <paramref name="level"/>: a run ends when any of them changes.</summary>
        private string Key(ReportRow row, int level)
        {
            if (level < 0)
            {
                return "";
            }

            var parts = new string[level + 1];
            for (var i = 0; i <= level; i++)
            {
                parts[i] = row.Text(groups[i].Kind);
            }

            return string.Join('\u0001', parts);
        }
    }
}
