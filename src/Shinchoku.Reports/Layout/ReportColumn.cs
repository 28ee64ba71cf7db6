namespace Shinchoku.Reports.Layout;

/// <summary>The columns of the progress report (資料4-1, 4-2, 4-3) and of the legacy progress sheets.</summary>
public enum ReportColumn
{
    /// <summary>資料 (4-1, 4-2, 4-3) in a CSV that holds several tables.</summary>
    Table,

    /// <summary>大項目.</summary>
    Area,

    /// <summary>中項目.</summary>
    Section,

    /// <summary>小項目.</summary>
    Subsection,

    /// <summary>取組名.</summary>
    Initiative,

    /// <summary>成果指標.</summary>
    Indicator,

    /// <summary>所管課 (legacy sheets; the printed report has none).</summary>
    Department,

    /// <summary>基準値（令和元年度）.</summary>
    Baseline,

    /// <summary>令和2年度実績値.</summary>
    Actual,

    /// <summary>令和2年度末見込値.</summary>
    Projection,

    /// <summary>見込値の算出根拠.</summary>
    ProjectionBasis,

    /// <summary>中間目標（令和2年度達成見込）, 資料4-1.</summary>
    InterimTarget,

    /// <summary>最終目標（令和３年度）.</summary>
    FinalTarget,

    /// <summary>令和2年度の取組状況.</summary>
    Status,

    /// <summary>中間目標が未達成（未達成見込）となった理由, 資料4-1.</summary>
    MissedReason,

    /// <summary>中間目標が未達成（未達成見込）の場合、状況改善のために検討している対策, 資料4-1.</summary>
    Countermeasure,

    /// <summary>取組を行っている上での課題.</summary>
    Challenges,

    /// <summary>今後の取組方針・対策.</summary>
    Plan,

    /// <summary>取組を行っていく上でアドバイザリー会議で専門家に聞きたいこと.</summary>
    Question,

    /// <summary>基準値に対する令和2年度の見込値（実績値）: the trend arrow.</summary>
    Trend,

    /// <summary>進捗率 with its legend, 資料4-2 and 4-3.</summary>
    Rating,

    /// <summary>令和2年度見込値（実績値）が中間目標到達, 資料4-1.</summary>
    InterimReached,

    /// <summary>備考: notes Shinchoku writes beside a row (who changed a mark and why); read and ignored.</summary>
    Note,
}

/// <summary>The Japanese names of the columns, as short labels for messages.</summary>
public static class ReportColumns
{
    /// <summary>The group columns, outermost first: their values carry down to the rows below.</summary>
    public static IReadOnlyList<ReportColumn> Groups { get; } = [ReportColumn.Area, ReportColumn.Section, ReportColumn.Subsection, ReportColumn.Initiative];

    /// <summary>The columns whose cells are KPI values, parsed by Core.</summary>
    public static IReadOnlyList<ReportColumn> Values { get; } =
        [ReportColumn.Baseline, ReportColumn.Actual, ReportColumn.Projection, ReportColumn.InterimTarget, ReportColumn.FinalTarget];

    /// <summary>The columns that hold printed marks.</summary>
    public static IReadOnlyList<ReportColumn> Marks { get; } = [ReportColumn.Trend, ReportColumn.Rating, ReportColumn.InterimReached];

    /// <summary>A short Japanese name for messages: 基準値, 実績値, 進捗率 ….</summary>
    public static string Label(this ReportColumn column) => column switch
    {
        ReportColumn.Table => "資料",
        ReportColumn.Area => "大項目",
        ReportColumn.Section => "中項目",
        ReportColumn.Subsection => "小項目",
        ReportColumn.Initiative => "取組名",
        ReportColumn.Indicator => "成果指標",
        ReportColumn.Department => "所管課",
        ReportColumn.Baseline => "基準値",
        ReportColumn.Actual => "実績値",
        ReportColumn.Projection => "見込値",
        ReportColumn.ProjectionBasis => "見込値の算出根拠",
        ReportColumn.InterimTarget => "中間目標",
        ReportColumn.FinalTarget => "最終目標",
        ReportColumn.Status => "取組状況",
        ReportColumn.MissedReason => "中間目標が未達成となった理由",
        ReportColumn.Countermeasure => "未達成の場合の対策",
        ReportColumn.Challenges => "取組を行っている上での課題",
        ReportColumn.Plan => "今後の取組方針・対策",
        ReportColumn.Question => "専門家に聞きたいこと",
        ReportColumn.Trend => "進捗（矢印）",
        ReportColumn.Rating => "進捗率",
        ReportColumn.InterimReached => "中間目標到達",
        ReportColumn.Note => "備考",
        _ => column.ToString(),
    };
}
