using System.Text;

namespace Shinchoku.Reports.Tests.Support;

/// <summary>How a test sheet of the seed report is laid out.</summary>
public sealed record SeedLayout
{
    /// <summary>Group columns (and the indicator of sub-rows) as merged cells; otherwise written once and left blank below.</summary>
    public bool Merged { get; init; } = true;

    /// <summary>The title row (資料４－１　波及効果の高いプロジェクト) above the header.</summary>
    public bool Title { get; init; } = true;

    /// <summary>The header over two rows: 令和2年度 merged over 実績値 and 見込値, the other headers merged down.</summary>
    public bool TwoRowHeader { get; init; }

    /// <summary>The fiscal years the header names (report, baseline, interim, final): the print's 令和2/元/2/3年度 by default.</summary>
    public (string Report, string Baseline, string Interim, string Final) Years { get; init; } = ("令和2年度", "令和元年度", "令和2年", "令和３");

    /// <summary>Replace ↗ and ↘ by ↑ and ↓ (Shift_JIS has no ↗).</summary>
    public bool AsciiArrows { get; init; }
}

/// <summary>
/// The seed report's rows laid out as the printed 資料4-1 and 4-2 (headers as printed, broken over lines, the
/// legend in the 進捗率 header), as sheets for the OpenXML builder and as CSV text.
/// </summary>
public static class SeedSheets
{
    public static readonly string[] Columns41 =
        ["area", "section", "initiative", "indicator", "baseline", "actual", "projection", "basis", "interim", "final", "status", "missed", "counter", "challenges", "plan", "question", "trend", "interimReached"];

    public static readonly string[] Columns42 =
        ["area", "section", "subsection", "initiative", "indicator", "baseline", "actual", "projection", "basis", "final", "status", "challenges", "plan", "question", "trend", "rating"];

    public static string[] ColumnsOf(string table) => table == "4-1" ? Columns41 : Columns42;

    public static string Title(string table) => table == "4-1" ? "資料４－１　波及効果の高いプロジェクト" : "資料４－２　個別施策・推進を支える土台づくり";

    public static string Header(string column, SeedLayout layout)
    {
        var (report, baseline, interim, final) = layout.Years;
        return column switch
        {
            "area" => "大項目",
            "section" => "中項目",
            "subsection" => "小項目",
            "initiative" => "取組名",
            "indicator" => "成果指標",
            "baseline" => $"基準値\n\n（{baseline}）",
            "actual" => $"{report}\n実績値",
            "projection" => $"{report}末見込\n値",
            "basis" => "見込値の算出根拠",
            "interim" => $"中間目標\n（{interim}\n度達成見\n込）",
            "final" => $"最終目標\n\n（{final}\n年度）",
            "status" => $"{report}の取組状況",
            "missed" => "中間目標が未達成（未達\n成見込）となった理由",
            "counter" => "中間目標が未達成（未達\n成見込）の場合、状況改\n善のために検討している\n\n対策",
            "challenges" => "取組を行っている上での\n課題",
            "plan" => "今後の取組方針・対策",
            "question" => "取組を行っていく上でア\nドバイザリー会議で専門\n\n家に聞きたいこと",
            "trend" => $"基準値に対する\n{report}の見込\n値\n（実績値）",
            "interimReached" => $"{report}見\n込値（実績\n値）が中間目\n標到達",
            "rating" => "進捗率\n◎100%以上　○50%以上進\n捗　△50%未満進捗　ー進\n捗に増減なし　×減少",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    public static string Cell(SeedKpi row, string column, SeedLayout layout)
    {
        var text = column switch
        {
            "area" => row.Area,
            "section" => row.Section,
            "subsection" => row.Subsection ?? "",
            "initiative" => row.Initiative,
            "indicator" => row.Indicator,
            "baseline" => row.Baseline,
            "actual" => row.Actual,
            "projection" => row.Projection,
            "basis" => row.ProjectionBasis ?? "",
            "interim" => row.InterimTarget ?? "",
            "final" => row.FinalTarget,
            "status" => row.Status ?? "",
            "missed" => row.MissedReason ?? "",
            "counter" => row.Countermeasure ?? "",
            "challenges" => row.Challenges ?? "",
            "plan" => row.Plan ?? "",
            "question" => row.Question ?? "",
            "trend" => row.PrintedTrend ?? "",
            "interimReached" => row.PrintedInterimReached ?? "",
            "rating" => row.PrintedRating ?? "",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
        return layout.AsciiArrows ? text.Replace('↗', '↑').Replace('↘', '↓') : text;
    }

    /// <summary>The sheet of one table, laid out as printed.</summary>
    public static GridSheet Sheet(string table, SeedLayout? layout = null, string? name = null, IEnumerable<SeedKpi>? rows = null)
    {
        layout ??= new SeedLayout();
        var data = (rows ?? SeedKpis.Of(table)).ToList();
        var columns = ColumnsOf(table);
        var sheet = new GridSheet(name ?? table);
        if (layout.Title)
        {
            sheet.Add(Title(table));
            sheet.Add();
        }

        var headerRow = sheet.Rows.Count + 1;
        if (layout.TwoRowHeader)
        {
            var top = new string?[columns.Length];
            var bottom = new string?[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                switch (columns[c])
                {
                    case "actual":
                        top[c] = layout.Years.Report;
                        bottom[c] = "実績値";
                        break;
                    case "projection":
                        bottom[c] = "年度末見込値";
                        break;
                    default:
                        top[c] = Header(columns[c], layout);
                        sheet.Merges.Add($"{Col(c)}{headerRow}:{Col(c)}{headerRow + 1}");
                        break;
                }
            }

            var actual = Array.IndexOf(columns, "actual");
            sheet.Merges.Add($"{Col(actual)}{headerRow}:{Col(actual + 1)}{headerRow}");
            sheet.Add(top);
            sheet.Add(bottom);
        }
        else
        {
            sheet.Add(columns.Select(c => Header(c, layout)).ToArray());
        }

        var first = sheet.Rows.Count + 1;
        foreach (var row in data)
        {
            sheet.Add(columns.Select(c => (string?)Cell(row, c, layout)).Select(t => t?.Length == 0 ? null : t).ToArray());
        }

        // Group columns (and an indicator reported in sub-rows) span the rows they share.
        var groups = columns.Select((c, i) => (c, i)).Where(x => x.c is "area" or "section" or "subsection" or "initiative" or "indicator").ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var start = 0;
            for (var i = 1; i <= data.Count; i++)
            {
                if (i < data.Count && Same(data[i], data[start], groups.Take(g + 1).Select(x => x.c)))
                {
                    continue;
                }

                var column = groups[g].i;
                if (i - start > 1 && Cell(data[start], groups[g].c, layout).Length > 0)
                {
                    if (layout.Merged)
                    {
                        sheet.Merges.Add($"{Col(column)}{first + start}:{Col(column)}{first + i - 1}");
                    }

                    for (var k = start + 1; k < i; k++)
                    {
                        if (layout.Merged || groups[g].c != "indicator")
                        {
                            sheet.Rows[first + k - 1][column] = null;
                        }
                    }
                }

                start = i;
            }
        }

        return sheet;
    }

    /// <summary>A book with one sheet per table.</summary>
    public static byte[] Book(SeedLayout? layout = null, params string[] tables) =>
        SheetBuilder.Xlsx((tables.Length == 0 ? ["4-1", "4-2"] : tables).Select(t => Sheet(t, layout, "資料" + t)).ToArray());

    /// <summary>One table as CSV text (every cell written, no merges), quoted as Excel writes it.</summary>
    public static string Csv(string table, SeedLayout? layout = null)
    {
        layout ??= new SeedLayout { Title = false };
        var columns = ColumnsOf(table);
        var sb = new StringBuilder();
        sb.Append(string.Join(",", columns.Select(c => Quote(Header(c, layout))))).Append("\r\n");
        foreach (var row in SeedKpis.Of(table))
        {
            sb.Append(string.Join(",", columns.Select(c => Quote(Cell(row, c, layout))))).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static bool Same(SeedKpi a, SeedKpi b, IEnumerable<string> columns) =>
        columns.All(c => Cell(a, c, new SeedLayout()) == Cell(b, c, new SeedLayout()));

    private static string Col(int index) => Shinchoku.Reports.Sheets.CellAddress.ColumnLetters(index + 1);
}
