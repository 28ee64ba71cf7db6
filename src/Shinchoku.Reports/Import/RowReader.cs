using System.Globalization;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Sheets;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Import;

/// <summary>
/// Reads the KPI rows below a recognised header. Group columns (大項目, 中項目, 小項目, 取組名) carry down,
/// whether merged or left blank below; a new value at one level starts its lower levels afresh. A row whose
/// 成果指標 is merged over several rows (sub-rows such as 電子申請 / 施設予約) gets each sub-row's label from its
/// value cells. Empty rows, repeated headers and title rows (a transcription repeats them on every page) and
/// notes (※…) are skipped. Formula cells and date serials are read, with a message.
/// </summary>
internal static class RowReader
{
    private static readonly string[] Qualifiers = ["約", "延べ", "延", "計", "合計", "累計", "概ね", "最大", "最小", "平均", "年間", "月間", "毎月"];

    public static List<ImportRow> Read(SheetLayout layout, FiscalYear? fiscalYear, List<ImportMessage> sheetMessages)
    {
        var sheet = layout.Sheet;
        var rows = new List<ImportRow>();
        var groups = ReportColumns.Groups;
        var carried = Enumerable.Repeat("", groups.Count).ToArray();
        var reported = new HashSet<(int, int)>();
        (string Name, int Row)? previousIndicator = null;
        var dataColumns = layout.Columns.Where(c => c.Key is not ReportColumn.Note).ToList();

        for (var r = layout.HeaderLastRow + 1; r <= sheet.RowCount; r++)
        {
            if (!dataColumns.Any(c => sheet.Text(r, c.Value).Trim().Length > 0))
            {
                continue;
            }

            if (HeaderRecognizer.IsRepeatedHeader(layout, r) || IsTitleOrNote(sheet, r, layout))
            {
                continue;
            }

            // Group columns: carry down; a value written on this row starts the levels below afresh.
            var fresh = false;
            var startsHere = new bool[groups.Count];
            for (var level = 0; level < groups.Count; level++)
            {
                if (!layout.Columns.TryGetValue(groups[level], out var column))
                {
                    carried[level] = "";
                    continue;
                }

                var text = sheet.Text(r, column).Trim();
                var (sourceRow, _) = sheet.Source(r, column);
                if (text.Length > 0)
                {
                    carried[level] = text;
                    if (sourceRow == r)
                    {
                        fresh = true;
                        startsHere[level] = true;
                    }
                }
                else if (fresh)
                {
                    carried[level] = "";
                }
            }

            // The row's parent starts here: its 取組名, or (資料4-3, no 取組名) the deepest group label it carries.
            var parentLevel = Array.FindLastIndex(carried, t => t.Length > 0);
            var groupStartsHere = parentLevel >= 0 && startsHere[parentLevel];

            var cells = new Dictionary<ReportColumn, ImportedCell>();
            foreach (var (kind, column) in dataColumns)
            {
                var (sr, sc) = sheet.Source(r, column);
                cells[kind] = new ImportedCell(TrimCell(sheet.Text(r, column)), sr, sc);
            }

            var hasValues = dataColumns.Any(c => !ReportColumns.Groups.Contains(c.Key) && c.Key is not (ReportColumn.Indicator or ReportColumn.Table)
                && cells[c.Key].Text.Length > 0);
            var indicator = cells[ReportColumn.Indicator].Text;
            if (indicator.Length == 0 && !hasValues)
            {
                continue; // a row of group headings only
            }

            var table = layout.Table;
            if (cells.TryGetValue(ReportColumn.Table, out var tableCell) && HeaderText.TableIn(tableCell.Text) is { } named)
            {
                table = named;
            }

            var row = new ImportRow
            {
                Sheet = sheet.Name,
                Table = table,
                Row = r,
                FiscalYear = fiscalYear,
                BaselineYear = layout.BaselineYear,
                InterimYear = layout.InterimYear,
                FinalYear = layout.FinalYear,
                Cells = cells,
                Area = carried[0],
                Section = carried[1],
                Subsection = carried[2],
                Initiative = carried[3],
            };

            if (indicator.Length == 0)
            {
                if (previousIndicator is { } prev && !groupStartsHere)
                {
                    indicator = prev.Name;
                    row.Add(row.RowMessage(MessageSeverity.Warning,
                        $"成果指標が空欄のため、{prev.Row}行目の「{OneLine(prev.Name)}」の続きの行として読みました。"));
                }
                else
                {
                    row.Add(row.RowMessage(MessageSeverity.Error, "成果指標が空欄です。成果指標の名前を入力してください。"));
                }
            }
            else
            {
                previousIndicator = (indicator, r);
            }

            row.Indicator = indicator;
            if (row.Parent.Length == 0)
            {
                row.Add(row.RowMessage(MessageSeverity.Error,
                    "取組名も大項目・中項目・小項目も空欄です（上の行から引き継ぐものもありません）。成果指標をどこに置くか決められないため、取組名か項目名を入力してください。"));
            }
            else if (row.HangsOnGroup && row.Table != "4-3" && layout.Has(ReportColumn.Initiative))
            {
                // 資料4-3 prints its KPIs under the 小項目 (or 中項目); elsewhere a blank 取組名 may be an omission.
                row.Add(row.RowMessage(MessageSeverity.Warning,
                    $"取組名が空欄のため、{row.Place}に置く成果指標として読みました。取組の成果指標であれば、取組名を入力してください。"));
            }

            ReportCellKinds(sheet, layout, row, reported);
            row.Parse();
            rows.Add(row);
        }

        NameSubRows(rows);
        _ = sheetMessages;
        return rows;
    }

    private static bool IsTitleOrNote(Sheet sheet, int r, SheetLayout layout)
    {
        var first = "";
        var count = 0;
        for (var c = 1; c <= sheet.ColumnCount; c++)
        {
            if (sheet.Cell(r, c)?.Text.Trim() is { Length: > 0 } text)
            {
                if (count++ == 0)
                {
                    first = text;
                }
            }
        }

        if (count == 0)
        {
            return false;
        }

        var hasIndicator = sheet.Text(r, layout.Columns[ReportColumn.Indicator]).Trim().Length > 0;
        if (hasIndicator)
        {
            return false;
        }

        var folded = HeaderText.Fold(first);
        return count == 1 && (folded.StartsWith('※') || folded.StartsWith('注') || folded.StartsWith("(注", StringComparison.Ordinal)
            || (folded.StartsWith("資料", StringComparison.Ordinal) && HeaderText.TableIn(folded) is not null));
    }

    /// <summary>Adds a message for formula cells, date serials and error values among the row's cells (once per cell).</summary>
    private static void ReportCellKinds(Sheet sheet, SheetLayout layout, ImportRow row, HashSet<(int, int)> reported)
    {
        foreach (var (kind, cell) in row.Cells)
        {
            if (sheet.Cell(cell.Row, cell.Column) is not { } source || !reported.Add((cell.Row, cell.Column)) && source.Kind != CellKind.Error)
            {
                continue;
            }

            if (source.IsFormula)
            {
                var formula = source.Formula!.Length > 0 ? $"数式「={Shorten(source.Formula)}」" : "数式（他のセルと共有の数式）";
                row.Add(source.HasCachedValue
                    ? row.CellMessage(MessageSeverity.Warning, kind, cell,
                        $"{formula}で計算されています。保存されていた計算結果「{Shorten(source.Text)}」を読みました。取り込むには、数式を値に置き換えてください（コピーして「値の貼り付け」）。",
                        blocksCommit: true)
                    : row.CellMessage(MessageSeverity.Error, kind, cell,
                        $"{formula}ですが、計算結果がファイルに保存されていません。Excel で開いて保存し直すか、値に置き換えてください。"));
            }

            switch (source.Kind)
            {
                case CellKind.Date:
                    row.Add(row.CellMessage(MessageSeverity.Warning, kind, cell,
                        $"Excel の日付（シリアル値 {source.Number?.ToString(CultureInfo.InvariantCulture)}）として保存されているため、日付「{source.Text}」として読みました。"
                        + "「3/12」のような分数や文字のつもりであれば、セルの表示形式を「文字列」にして入力し直してください。",
                        blocksCommit: true));
                    break;
                case CellKind.Error:
                    row.Add(row.CellMessage(MessageSeverity.Error, kind, cell, $"エラー値「{source.Text}」が入っています。正しい値を入力してください。"));
                    break;
            }
        }

        _ = layout;
    }

    /// <summary>
    /// Rows of the same initiative with the same indicator are sub-rows of one indicator: each is named
    /// 「指標（label）」 with the label read from its baseline, actual or projection cell (（電子申請）県含む21団体 →
    /// 電子申請, 教員25名 → 教員). Where no label tells them apart, every row of the group gets an error.
    /// </summary>
    internal static void NameSubRows(List<ImportRow> rows)
    {
        foreach (var group in rows.Where(r => r.Indicator.Length > 0)
                     .GroupBy(r => (r.ParentKey, HeaderText.Key(r.Indicator), r.FiscalYear))
                     .Where(g => g.Count() > 1))
        {
            var members = group.ToList();
            string[]? labels = null;
            foreach (var column in new[] { ReportColumn.Baseline, ReportColumn.Actual, ReportColumn.Projection, ReportColumn.FinalTarget })
            {
                var candidate = members.Select(m => SubLabel(m.Text(column))).ToArray();
                if (candidate.All(l => l is not null) && candidate.Distinct(StringComparer.Ordinal).Count() == candidate.Length)
                {
                    labels = candidate!;
                    break;
                }
            }

            if (labels is null)
            {
                var list = string.Join("、", members.Select(m => m.Row + "行目"));
                foreach (var m in members)
                {
                    m.Add(m.RowMessage(MessageSeverity.Error,
                        $"{m.Place}の成果指標「{OneLine(m.Indicator)}」が複数の行（{list}）にあり、行を区別できません。"
                        + "同じ指標を分けて報告する場合は、基準値などの先頭に「（電子申請）」のように区分を書いてください。"));
                }

                continue;
            }

            for (var i = 0; i < members.Count; i++)
            {
                var name = members[i].Indicator;
                var suffix = "（" + labels[i] + "）";
                members[i].SubLabel = labels[i];
                members[i].Indicator = name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix;
            }
        }
    }

    /// <summary>The label at the start of a value cell: （電子申請）… → 電子申請; 教員25名 → 教員; null when none.</summary>
    internal static string? SubLabel(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        if (line.Length == 0)
        {
            return null;
        }

        if (line[0] is '（' or '(' or '【' or '[' or '［')
        {
            var close = line.IndexOfAny(['）', ')', '】', ']', '］'], 1);
            if (close > 1)
            {
                var inner = line[1..close].Trim();
                return inner.Length > 0 && !inner.Any(char.IsAsciiDigit) && !inner.Contains('年', StringComparison.Ordinal) ? inner : null;
            }

            return null;
        }

        var digit = 0;
        while (digit < line.Length && !char.IsAsciiDigit(line[digit]) && line[digit] is not (>= '０' and <= '９'))
        {
            digit++;
        }

        if (digit == 0 || digit == line.Length)
        {
            return null;
        }

        var label = line[..digit].Trim().TrimEnd('：', ':');
        return label.Length == 0 || Qualifiers.Contains(label) ? null : label;
    }

    /// <summary>Trims spaces and line breaks at the ends, keeping an ideographic space that indents a paragraph (「　令和元年度…」).</summary>
    internal static string TrimCell(string text) => text.Trim(' ', '\t', '\r', '\n');

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Shorten(string text)
    {
        var one = OneLine(text);
        return one.Length > 40 ? one[..40] + "…" : one;
    }
}
