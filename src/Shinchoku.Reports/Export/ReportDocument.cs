using Shinchoku.Core.Rules;
using Shinchoku.Reports.Layout;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Export;

/// <summary>A progress report (資料4) to write: the plan, the fiscal year, and its tables in order.</summary>
/// <param name="PlanName">The strategy's name (千葉県ICT戦略（前戦略）).</param>
/// <param name="FiscalYear">The fiscal year reported on.</param>
/// <param name="Title">The report's title (令和2年度 進捗状況（資料4-1・4-2）).</param>
/// <param name="Tables">The tables, 4-1 before 4-2 before 4-3.</param>
public sealed record ReportDocument(string PlanName, FiscalYear FiscalYear, string Title, IReadOnlyList<ReportTable> Tables);

/// <summary>One table of 資料4 and its rows. The rows may be produced lazily: writers read them once, in order.</summary>
/// <param name="Table">4-1, 4-2 or 4-3.</param>
/// <param name="Caption">What follows 資料４－２ in the title (個別施策).</param>
/// <param name="Years">The fiscal years the header names.</param>
/// <param name="Rows">The rows, grouped by 大項目, 中項目, 小項目 and 取組 as printed.</param>
public sealed record ReportTable(string Table, string Caption, ReportYears Years, IEnumerable<ReportRow> Rows)
{
    /// <summary>The title as printed: 資料４－２　個別施策.</summary>
    public string Title => ReportLayout.Title(Table, Caption);

    /// <summary>The columns, in printed order.</summary>
    public IReadOnlyList<ReportColumn> Columns => ReportLayout.ColumnsOf(Table);
}

/// <summary>One KPI row as printed: every cell's text as people wrote it, and the marks.</summary>
public sealed record ReportRow
{
    /// <summary>大項目.</summary>
    public string Area { get; init; } = "";

    /// <summary>中項目.</summary>
    public string Section { get; init; } = "";

    /// <summary>小項目.</summary>
    public string Subsection { get; init; } = "";

    /// <summary>取組名.</summary>
    public string Initiative { get; init; } = "";

    /// <summary>成果指標.</summary>
    public string Indicator { get; init; } = "";

    /// <summary>基準値.</summary>
    public string Baseline { get; init; } = "";

    /// <summary>実績値.</summary>
    public string Actual { get; init; } = "";

    /// <summary>見込値.</summary>
    public string Projection { get; init; } = "";

    /// <summary>見込値の算出根拠.</summary>
    public string ProjectionBasis { get; init; } = "";

    /// <summary>中間目標.</summary>
    public string InterimTarget { get; init; } = "";

    /// <summary>最終目標.</summary>
    public string FinalTarget { get; init; } = "";

    /// <summary>取組状況.</summary>
    public string Status { get; init; } = "";

    /// <summary>中間目標が未達成となった理由.</summary>
    public string MissedReason { get; init; } = "";

    /// <summary>未達成の場合の対策.</summary>
    public string Countermeasure { get; init; } = "";

    /// <summary>取組を行っている上での課題.</summary>
    public string Challenges { get; init; } = "";

    /// <summary>今後の取組方針・対策.</summary>
    public string Plan { get; init; } = "";

    /// <summary>専門家に聞きたいこと.</summary>
    public string Question { get; init; } = "";

    /// <summary>The marks as printed, with ※ on a mark a person changed.</summary>
    public ReportMarks Marks { get; init; } = ReportMarks.None;

    /// <summary>A note for the footnotes below the table (why a mark was changed, a target year other than the header's), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The text of a column's cell.</summary>
    public string Text(ReportColumn column) => column switch
    {
        ReportColumn.Area => Area,
        ReportColumn.Section => Section,
        ReportColumn.Subsection => Subsection,
        ReportColumn.Initiative => Initiative,
        ReportColumn.Indicator => Indicator,
        ReportColumn.Baseline => Baseline,
        ReportColumn.Actual => Actual,
        ReportColumn.Projection => Projection,
        ReportColumn.ProjectionBasis => ProjectionBasis,
        ReportColumn.InterimTarget => InterimTarget,
        ReportColumn.FinalTarget => FinalTarget,
        ReportColumn.Status => Status,
        ReportColumn.MissedReason => MissedReason,
        ReportColumn.Countermeasure => Countermeasure,
        ReportColumn.Challenges => Challenges,
        ReportColumn.Plan => Plan,
        ReportColumn.Question => Question,
        ReportColumn.Trend => Marks.Trend,
        ReportColumn.Rating => Marks.Rating,
        ReportColumn.InterimReached => Marks.InterimReached,
        ReportColumn.Note => Note ?? "",
        _ => "",
    };
}

/// <summary>
/// The marks of a row as the report prints them: the computed marks, or a person's override of them with ※
/// beside each mark changed; 不明 and 進捗管理の停止 written in every mark column, as the print does.
/// </summary>
/// <param name="Trend">↗ → ↘, (↗) when read from the actual, 不明, 進捗管理の停止, or "".</param>
/// <param name="Rating">◎ ○ △ ー ×, 不明, 進捗管理の停止, or "".</param>
/// <param name="InterimReached">○ ×, 不明, 進捗管理の停止, or "" (資料4-1).</param>
/// <param name="Overridden">True when a person changed the marks.</param>
public sealed record ReportMarks(string Trend, string Rating, string InterimReached, bool Overridden)
{
    /// <summary>The footnote mark written beside a mark a person changed.</summary>
    public const string OverrideMark = "※";

    /// <summary>No marks.</summary>
    public static ReportMarks None { get; } = new("", "", "", false);

    /// <summary>The marks shown for a computed evaluation and an optional override; interim only where the row has an interim target.</summary>
    public static ReportMarks From(Evaluation computed, RatingOverride? ratingOverride, bool hasInterimTarget)
    {
        var word = ratingOverride?.Kind switch
        {
            OverrideKind.Unknown => "不明",
            OverrideKind.Suspended => "進捗管理の停止",
            _ => ratingOverride is null ? computed.Reason switch
            {
                NotRatedReason.ValueUnknown => "不明",
                NotRatedReason.ReportingSuspended => "進捗管理の停止",
                NotRatedReason.Unevaluable => Evaluation.UnevaluableWords,
                _ => null,
            } : null,
        };
        var mark = ratingOverride is null ? "" : OverrideMark;
        if (word is not null)
        {
            return new ReportMarks(word + mark, word + mark, hasInterimTarget ? word + mark : "", ratingOverride is not null);
        }

        var shown = new EffectiveMarks(computed, ratingOverride);
        var trend = shown.Trend is { } t ? t.Glyph(computed.FromActual) : "";
        var rating = shown.Rating is { } r ? r.Glyph() : "";
        var interim = hasInterimTarget && shown.InterimReached is { } i ? MarkGlyphs.InterimGlyph(i) : "";
        if (ratingOverride is not null)
        {
            trend += ratingOverride.Trend is not null && trend.Length > 0 ? mark : "";
            rating += ratingOverride.Rating is not null && rating.Length > 0 ? mark : "";
            interim += ratingOverride.InterimReached is not null && interim.Length > 0 ? mark : "";
        }

        return new ReportMarks(trend, rating, interim, ratingOverride is not null);
    }
}
