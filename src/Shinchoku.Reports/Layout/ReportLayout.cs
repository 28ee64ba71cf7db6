using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Layout;

/// <summary>The fiscal years a report table's header names.</summary>
/// <param name="Report">The year reported on (令和2年度実績値).</param>
/// <param name="Baseline">The year of the baseline column (基準値（令和元年度）), when named.</param>
/// <param name="Interim">The year of the interim target (中間目標（令和2年度達成見込）), when named.</param>
/// <param name="Final">The year of the final target (最終目標（令和３年度）), when named.</param>
public sealed record ReportYears(FiscalYear Report, FiscalYear? Baseline, FiscalYear? Interim, FiscalYear? Final);

/// <summary>
/// The printed layout of 資料4: which columns each table has, in order, their headers with the fiscal years
/// filled in, and their widths. 資料4-1 (波及効果の高いプロジェクト) has the interim target and whether it was
/// reached; 資料4-2 and 4-3 have the rating (進捗率) with its legend in the header.
/// </summary>
public static class ReportLayout
{
    /// <summary>The legend printed in the 進捗率 header.</summary>
    public const string Legend = "◎100%以上　○50%以上進捗　△50%未満進捗　ー進捗に増減なし　×減少";

    /// <summary>The tables of 資料4.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["4-1", "4-2", "4-3"];

    private static readonly ReportColumn[] Table41 =
    [
        ReportColumn.Area, ReportColumn.Section, ReportColumn.Initiative, ReportColumn.Indicator,
        ReportColumn.Baseline, ReportColumn.Actual, ReportColumn.Projection, ReportColumn.ProjectionBasis,
        ReportColumn.InterimTarget, ReportColumn.FinalTarget, ReportColumn.Status, ReportColumn.MissedReason,
        ReportColumn.Countermeasure, ReportColumn.Challenges, ReportColumn.Plan, ReportColumn.Question,
        ReportColumn.Trend, ReportColumn.InterimReached,
    ];

    private static readonly ReportColumn[] Table42 =
    [
        ReportColumn.Area, ReportColumn.Section, ReportColumn.Subsection, ReportColumn.Initiative, ReportColumn.Indicator,
        ReportColumn.Baseline, ReportColumn.Actual, ReportColumn.Projection, ReportColumn.ProjectionBasis,
        ReportColumn.FinalTarget, ReportColumn.Status, ReportColumn.Challenges, ReportColumn.Plan, ReportColumn.Question,
        ReportColumn.Trend, ReportColumn.Rating,
    ];

    /// <summary>Every column of any table, in the order of 資料4-1 with 小項目 and 進捗率 in their places (for CSV).</summary>
    public static IReadOnlyList<ReportColumn> AllColumns { get; } =
    [
        ReportColumn.Area, ReportColumn.Section, ReportColumn.Subsection, ReportColumn.Initiative, ReportColumn.Indicator,
        ReportColumn.Baseline, ReportColumn.Actual, ReportColumn.Projection, ReportColumn.ProjectionBasis,
        ReportColumn.InterimTarget, ReportColumn.FinalTarget, ReportColumn.Status, ReportColumn.MissedReason,
        ReportColumn.Countermeasure, ReportColumn.Challenges, ReportColumn.Plan, ReportColumn.Question,
        ReportColumn.Trend, ReportColumn.Rating, ReportColumn.InterimReached,
    ];

    /// <summary>The columns of a table, in printed order (4-1 its own; 4-2 and 4-3 the same).</summary>
    public static IReadOnlyList<ReportColumn> ColumnsOf(string table) => table == "4-1" ? Table41 : Table42;

    /// <summary>The table's title as printed: 資料４－２　個別施策.</summary>
    public static string Title(string table, string caption)
    {
        ArgumentNullException.ThrowIfNull(table);
        var wide = string.Concat(table.Select(c => c switch
        {
            >= '0' and <= '9' => (char)(c + 0xFEE0),
            '-' => '－',
            _ => c,
        }));
        return string.IsNullOrWhiteSpace(caption) ? "資料" + wide : $"資料{wide}　{caption}";
    }

    /// <summary>The header of a column as printed, with the fiscal years filled in and line breaks where the print breaks.</summary>
    public static string Header(ReportColumn column, ReportYears years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var fy = years.Report.ToString();
        return column switch
        {
            ReportColumn.Table => "資料",
            ReportColumn.Area => "大項目",
            ReportColumn.Section => "中項目",
            ReportColumn.Subsection => "小項目",
            ReportColumn.Initiative => "取組名",
            ReportColumn.Indicator => "成果指標",
            ReportColumn.Department => "所管課",
            ReportColumn.Baseline => years.Baseline is { } b ? $"基準値\n（{b}）" : "基準値",
            ReportColumn.Actual => $"{fy}\n実績値",
            ReportColumn.Projection => $"{fy}末\n見込値",
            ReportColumn.ProjectionBasis => "見込値の算出根拠",
            ReportColumn.InterimTarget => years.Interim is { } i ? $"中間目標\n（{i}\n達成見込）" : "中間目標",
            ReportColumn.FinalTarget => years.Final is { } f ? $"最終目標\n（{f}）" : "最終目標",
            ReportColumn.Status => $"{fy}の取組状況",
            ReportColumn.MissedReason => "中間目標が未達成（未達成見込）となった理由",
            ReportColumn.Countermeasure => "中間目標が未達成（未達成見込）の場合、状況改善のために検討している対策",
            ReportColumn.Challenges => "取組を行っている上での課題",
            ReportColumn.Plan => "今後の取組方針・対策",
            ReportColumn.Question => "取組を行っていく上でアドバイザリー会議で専門家に聞きたいこと",
            ReportColumn.Trend => $"基準値に対する\n{fy}の見込値\n（実績値）",
            ReportColumn.Rating => "進捗率\n" + Legend.Replace("　×", "\n×", StringComparison.Ordinal).Replace("　△", "\n△", StringComparison.Ordinal),
            ReportColumn.InterimReached => $"{fy}見込値（実績値）が中間目標到達",
            ReportColumn.Note => "備考",
            _ => column.Label(),
        };
    }

    /// <summary>The column's width in Excel's units (the width of the digit 0), chosen to read like the A3 print.</summary>
    public static double Width(ReportColumn column) => column switch
    {
        ReportColumn.Table => 6,
        ReportColumn.Area or ReportColumn.Section or ReportColumn.Subsection => 5,
        ReportColumn.Initiative => 16,
        ReportColumn.Indicator => 18,
        ReportColumn.Department => 10,
        ReportColumn.Baseline or ReportColumn.Projection => 13,
        ReportColumn.Actual => 14,
        ReportColumn.ProjectionBasis => 18,
        ReportColumn.InterimTarget or ReportColumn.FinalTarget => 11,
        ReportColumn.Status => 32,
        ReportColumn.MissedReason or ReportColumn.Countermeasure => 18,
        ReportColumn.Challenges or ReportColumn.Plan => 22,
        ReportColumn.Question => 20,
        ReportColumn.Trend => 10,
        ReportColumn.Rating => 14,
        ReportColumn.InterimReached => 10,
        ReportColumn.Note => 30,
        _ => 12,
    };

    /// <summary>True for the group columns printed as vertical text (大項目, 中項目, 小項目).</summary>
    public static bool IsVertical(ReportColumn column) => column is ReportColumn.Area or ReportColumn.Section or ReportColumn.Subsection;
}
