using Shinchoku.Reports.Sheets;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Layout;

/// <summary>
/// What the header of a sheet says: which column holds what, the rows the header takes, the fiscal years it
/// names, the table (4-1, 4-2, 4-3) and the title above it.
/// </summary>
public sealed class SheetLayout
{
    /// <summary>The sheet.</summary>
    public required Sheet Sheet { get; init; }

    /// <summary>The first row of the header.</summary>
    public required int HeaderFirstRow { get; init; }

    /// <summary>The last row of the header; data starts below it.</summary>
    public required int HeaderLastRow { get; init; }

    /// <summary>The column number of each recognised column.</summary>
    public required IReadOnlyDictionary<ReportColumn, int> Columns { get; init; }

    /// <summary>The header text of each recognised column, as written (line breaks kept).</summary>
    public required IReadOnlyDictionary<ReportColumn, string> Headers { get; init; }

    /// <summary>Columns with a header that is not one of the report's, which are not read.</summary>
    public required IReadOnlyList<(int Column, string Header)> Ignored { get; init; }

    /// <summary>The text above the header (資料４－２　個別施策…), or null.</summary>
    public string? Title { get; init; }

    /// <summary>The table: 4-1, 4-2 or 4-3, from the title, the sheet's name, or the columns.</summary>
    public required string Table { get; init; }

    /// <summary>The fiscal year reported on, from the 実績値/見込値/取組状況 headers; null when they name none.</summary>
    public FiscalYear? ReportYear { get; init; }

    /// <summary>The fiscal year of the baseline column, when named.</summary>
    public FiscalYear? BaselineYear { get; init; }

    /// <summary>The fiscal year of the interim target column, when named.</summary>
    public FiscalYear? InterimYear { get; init; }

    /// <summary>The fiscal year of the final target column, when named.</summary>
    public FiscalYear? FinalYear { get; init; }

    /// <summary>True when the sheet has the column.</summary>
    public bool Has(ReportColumn column) => Columns.ContainsKey(column);
}

/// <summary>
/// Finds the header of a progress sheet by its text, whatever fiscal years it names: a header broken over
/// lines, spread over two or three rows with merged cells, below a title row, with the legend in the 進捗率
/// header. A sheet without any header is not a report sheet (null); a header with a column missing or twice is
/// refused with a message naming the sheet, the row and the columns.
/// </summary>
public static class HeaderRecognizer
{
    private const int SearchRows = 40;

    private static readonly ReportColumn[] ValueLike =
        [ReportColumn.Baseline, ReportColumn.Actual, ReportColumn.Projection, ReportColumn.InterimTarget, ReportColumn.FinalTarget];

    /// <summary>The column a header text names, or null. The text is folded (see <see cref="HeaderText.Fold"/>).</summary>
    public static ReportColumn? Match(string folded)
    {
        if (folded.Length == 0)
        {
            return null;
        }

        static bool Has(string s, string part) => s.Contains(part, StringComparison.Ordinal);
        static bool Starts(string s, string part) => s.StartsWith(part, StringComparison.Ordinal);

        if (Has(folded, "中間目標") && (Has(folded, "到達") || Has(folded, "達成状況")))
        {
            return ReportColumn.InterimReached;
        }

        if (Starts(folded, "基準値に対する") || folded is "進捗" or "矢印" or "進捗(矢印)" or "進捗の矢印" or "傾向")
        {
            return ReportColumn.Trend;
        }

        if (Starts(folded, "進捗率") || folded is "評価" or "達成度" or "進捗評価")
        {
            return ReportColumn.Rating;
        }

        if (Has(folded, "算出根拠") || Has(folded, "見込値の根拠"))
        {
            return ReportColumn.ProjectionBasis;
        }

        if (Has(folded, "未達成") && Has(folded, "理由"))
        {
            return ReportColumn.MissedReason;
        }

        if (Has(folded, "未達成") && Has(folded, "対策"))
        {
            return ReportColumn.Countermeasure;
        }

        if (Starts(folded, "中間目標"))
        {
            return ReportColumn.InterimTarget;
        }

        if (Starts(folded, "最終目標") || Starts(folded, "目標値") || folded == "目標")
        {
            return ReportColumn.FinalTarget;
        }

        if (Starts(folded, "基準値") || folded == "基準")
        {
            return ReportColumn.Baseline;
        }

        if (Has(folded, "見込"))
        {
            return ReportColumn.Projection;
        }

        if (Has(folded, "実績"))
        {
            return ReportColumn.Actual;
        }

        if (Has(folded, "取組状況") || Has(folded, "取組の状況") || Has(folded, "実施状況"))
        {
            return ReportColumn.Status;
        }

        if (Has(folded, "課題"))
        {
            return ReportColumn.Challenges;
        }

        if (Has(folded, "専門家") || Has(folded, "聞きたい") || Has(folded, "アドバイザリー") || Has(folded, "有識者"))
        {
            return ReportColumn.Question;
        }

        if (Has(folded, "今後の取組") || Has(folded, "方針"))
        {
            return ReportColumn.Plan;
        }

        if (Starts(folded, "成果指標") || folded is "指標" or "指標名" or "KPI" or "KPI名")
        {
            return ReportColumn.Indicator;
        }

        if (Starts(folded, "取組名") || Starts(folded, "主な取組") || folded is "取組" or "施策名" or "事業名" or "施策")
        {
            return ReportColumn.Initiative;
        }

        if (Starts(folded, "大項目"))
        {
            return ReportColumn.Area;
        }

        if (Starts(folded, "中項目"))
        {
            return ReportColumn.Section;
        }

        if (Starts(folded, "小項目"))
        {
            return ReportColumn.Subsection;
        }

        if (Has(folded, "所管") || Has(folded, "担当課") || Has(folded, "担当部署") || folded is "担当" or "部署" or "課名")
        {
            return ReportColumn.Department;
        }

        if (folded is "資料" or "表" or "資料番号")
        {
            return ReportColumn.Table;
        }

        return folded is "備考" or "注記" or "注" ? ReportColumn.Note : null;
    }

    /// <summary>
    /// Reads the header of <paramref name="sheet"/>. Null when the sheet has no header row at all (a cover or an
    /// instructions sheet); throws <see cref="SpreadsheetRefusedException"/> for a header that cannot be read.
    /// </summary>
    public static SheetLayout? Recognize(Sheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var first = FindHeaderRow(sheet);
        if (first == 0)
        {
            return null;
        }

        var last = first;
        var width = sheet.ColumnCount;
        for (var c = 1; c <= width; c++)
        {
            if (sheet.MergeAt(first, c) is { } area && area.FirstRow == first)
            {
                last = Math.Max(last, Math.Min(area.LastRow, first + 2));
            }
        }

        // A second header row below without merges: its indicator cell empty and its cells headers too.
        while (last < first + 2 && last < sheet.RowCount && IsHeaderContinuation(sheet, last + 1))
        {
            last++;
        }

        // A row of group headers above (令和2年度 over 実績値 and 見込値).
        if (first > 1 && IsGroupHeaderRow(sheet, first - 1, width))
        {
            first--;
        }

        var columns = new Dictionary<ReportColumn, int>();
        var headers = new Dictionary<ReportColumn, string>();
        var found = new List<(ReportColumn Kind, int Column, string Text)>();
        var ignored = new List<(int, string)>();
        for (var c = 1; c <= width; c++)
        {
            var (text, parts, continuation) = ColumnHeader(sheet, first, last, c);
            if (text.Length == 0 || continuation)
            {
                continue;
            }

            var kind = Match(HeaderText.Fold(text));
            for (var p = parts.Count - 1; kind is null && p >= 0; p--)
            {
                kind = Match(HeaderText.Fold(parts[p]));
            }

            if (kind is { } k)
            {
                found.Add((k, c, text));
            }
            else
            {
                ignored.Add((c, text));
            }
        }

        var duplicates = found.GroupBy(f => f.Kind).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            var list = string.Join("、", duplicates.Select(g =>
                $"「{g.Key.Label()}」が {string.Join("・", g.Select(f => CellAddress.ColumnLetters(f.Column) + "列"))}"));
            throw new SpreadsheetRefusedException(
                $"シート「{sheet.Name}」の見出し（{first}行目）に同じ項目の列が複数あります（{list}）。どの列を読むか決められないため取り込みません。見出しを直してください。");
        }

        foreach (var (kind, column, text) in found)
        {
            columns[kind] = column;
            headers[kind] = text;
        }

        var missing = new List<ReportColumn>();
        // 資料4-3 has no 取組名: its KPIs hang under the 小項目 or 中項目, so a group column stands in for it.
        var hasParent = columns.ContainsKey(ReportColumn.Initiative) || columns.ContainsKey(ReportColumn.Area)
            || columns.ContainsKey(ReportColumn.Section) || columns.ContainsKey(ReportColumn.Subsection);
        foreach (var required in new[] { ReportColumn.Initiative, ReportColumn.Indicator, ReportColumn.Baseline, ReportColumn.FinalTarget }
                     .Where(c => c != ReportColumn.Initiative || !hasParent))
        {
            if (!columns.ContainsKey(required))
            {
                missing.Add(required);
            }
        }

        if (!columns.ContainsKey(ReportColumn.Actual) && !columns.ContainsKey(ReportColumn.Projection))
        {
            missing.Add(ReportColumn.Actual);
        }

        if (missing.Count > 0)
        {
            throw new SpreadsheetRefusedException(
                $"シート「{sheet.Name}」の見出し（{first}行目）に{string.Join("", missing.Select(m => "「" + m.Label() + "」"))}の列がありません。資料4の様式の見出し（取組名・成果指標・基準値・実績値・見込値・最終目標など）が必要です。");
        }

        var reportYears = new List<(ReportColumn Kind, FiscalYear Year)>();
        foreach (var kind in new[] { ReportColumn.Actual, ReportColumn.Projection, ReportColumn.Status, ReportColumn.Trend, ReportColumn.InterimReached })
        {
            if (headers.TryGetValue(kind, out var text) && HeaderText.FiscalYearIn(HeaderText.Fold(text)) is { } year)
            {
                reportYears.Add((kind, year));
            }
        }

        if (reportYears.Select(y => y.Year).Distinct().Count() > 1)
        {
            var list = string.Join("、", reportYears.Select(y =>
                $"{CellAddress.ColumnLetters(columns[y.Kind])}列「{OneLine(headers[y.Kind])}」"));
            throw new SpreadsheetRefusedException(
                $"シート「{sheet.Name}」の見出しの年度が食い違っています（{list}）。どの年度の進捗か決められないため取り込みません。");
        }

        var title = FindTitle(sheet, first);
        var table = HeaderText.TableIn(title) ?? HeaderText.TableIn(sheet.Name)
            ?? (columns.ContainsKey(ReportColumn.InterimTarget) || columns.ContainsKey(ReportColumn.InterimReached) ? "4-1" : "4-2");
        return new SheetLayout
        {
            Sheet = sheet,
            HeaderFirstRow = first,
            HeaderLastRow = last,
            Columns = columns,
            Headers = headers,
            Ignored = ignored,
            Title = title,
            Table = table,
            ReportYear = reportYears.Count > 0 ? reportYears[0].Year : null,
            BaselineYear = YearOf(headers, ReportColumn.Baseline),
            InterimYear = YearOf(headers, ReportColumn.InterimTarget),
            FinalYear = YearOf(headers, ReportColumn.FinalTarget),
        };
    }

    /// <summary>True when the row repeats the header (a transcription of a printed page repeats it on every page).</summary>
    public static bool IsRepeatedHeader(SheetLayout layout, int row)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var indicator = HeaderText.Fold(layout.Sheet.Text(row, layout.Columns[ReportColumn.Indicator]));
        return Match(indicator) == ReportColumn.Indicator
            && layout.Columns.Count(c => c.Key != ReportColumn.Indicator && Match(HeaderText.Fold(layout.Sheet.Text(row, c.Value))) == c.Key) >= 2;
    }

    private static FiscalYear? YearOf(Dictionary<ReportColumn, string> headers, ReportColumn kind) =>
        headers.TryGetValue(kind, out var text) ? HeaderText.FiscalYearIn(HeaderText.Fold(text)) : null;

    private static string OneLine(string text) => text.ReplaceLineEndings("").Trim();

    private static int FindHeaderRow(Sheet sheet)
    {
        var rows = Math.Min(sheet.RowCount, SearchRows);
        for (var r = 1; r <= rows; r++)
        {
            var kinds = OwnKinds(sheet, r);
            if (!kinds.Contains(ReportColumn.Indicator) || kinds.Count < 2)
            {
                continue;
            }

            var valueLike = kinds.Count(k => ValueLike.Contains(k));
            var below = r < sheet.RowCount ? OwnKinds(sheet, r + 1).Count(k => ValueLike.Contains(k)) : 0;
            if (valueLike + below >= 2 || kinds.Count >= 4)
            {
                return r;
            }
        }

        return 0;
    }

    private static HashSet<ReportColumn> OwnKinds(Sheet sheet, int row)
    {
        var kinds = new HashSet<ReportColumn>();
        for (var c = 1; c <= sheet.ColumnCount; c++)
        {
            if (sheet.Cell(row, c) is { } cell && Match(HeaderText.Fold(cell.Text)) is { } kind)
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    private static bool IsHeaderContinuation(Sheet sheet, int row)
    {
        var headers = 0;
        for (var c = 1; c <= sheet.ColumnCount; c++)
        {
            if (sheet.Cell(row, c) is not { } cell || cell.Text.Trim().Length == 0)
            {
                continue;
            }

            if (Match(HeaderText.Fold(cell.Text)) is { } kind && kind != ReportColumn.Indicator)
            {
                headers++;
            }
            else
            {
                return false;
            }
        }

        return headers >= 1;
    }

    private static bool IsGroupHeaderRow(Sheet sheet, int row, int width)
    {
        var groups = 0;
        for (var c = 1; c <= width; c++)
        {
            if (sheet.Cell(row, c) is not { } cell || cell.Text.Trim().Length == 0)
            {
                continue;
            }

            var folded = HeaderText.Fold(cell.Text);
            if (folded.Contains("資料", StringComparison.Ordinal) || HeaderText.TableIn(folded) is not null)
            {
                return false;
            }

            if (sheet.MergeAt(row, c) is { } area && area.FirstRow == row && area.ColumnSpan >= 2 && area.ColumnSpan < Math.Max(3, width / 2))
            {
                groups++;
            }
            else
            {
                return false;
            }
        }

        return groups > 0;
    }

    /// <summary>The header text of a column over the header rows: its own cells, a merged cell spanning it in the same row, top to bottom.</summary>
    private static (string Text, List<string> Parts, bool ContinuationOnly) ColumnHeader(Sheet sheet, int first, int last, int column)
    {
        var parts = new List<string>();
        var continuation = true;
        for (var r = first; r <= last; r++)
        {
            string text;
            var fromLeft = false;
            if (sheet.MergeAt(r, column) is { } area)
            {
                if (area.FirstRow != r)
                {
                    continue; // the rest of a cell merged down from above, already counted
                }

                text = sheet.Cell(area.FirstRow, area.FirstColumn)?.Text ?? "";
                fromLeft = area.FirstColumn != column;
            }
            else
            {
                text = sheet.Cell(r, column)?.Text ?? "";
            }

            text = text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!fromLeft)
            {
                continuation = false;
            }

            if (parts.Count == 0 || parts[^1] != text)
            {
                parts.Add(text);
            }
        }

        return (string.Join("\n", parts), parts, parts.Count > 0 && continuation);
    }

    private static string? FindTitle(Sheet sheet, int headerRow)
    {
        for (var r = 1; r < headerRow; r++)
        {
            for (var c = 1; c <= sheet.ColumnCount; c++)
            {
                if (sheet.Cell(r, c)?.Text.Trim() is { Length: > 0 } text)
                {
                    return text;
                }
            }
        }

        return null;
    }
}
