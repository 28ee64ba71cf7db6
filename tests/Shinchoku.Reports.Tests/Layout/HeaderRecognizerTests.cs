using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;

namespace Shinchoku.Reports.Tests.Layout;

/// <summary>Headers as departments write them, whatever fiscal years they name.</summary>
public class HeaderRecognizerTests
{
    [Theory]
    [InlineData("基準値\n\n（令和元年度）", ReportColumn.Baseline)]
    [InlineData("令和５年度\n実績値", ReportColumn.Actual)]
    [InlineData("令和2年度末見込\n値", ReportColumn.Projection)]
    [InlineData("見込値の算出根拠", ReportColumn.ProjectionBasis)]
    [InlineData("中間目標\n（令和2年\n度達成見\n込）", ReportColumn.InterimTarget)]
    [InlineData("最終目標\n（令和７年度）", ReportColumn.FinalTarget)]
    [InlineData("目標値（R7）", ReportColumn.FinalTarget)]
    [InlineData("令和２年度の取組状況", ReportColumn.Status)]
    [InlineData("中間目標が未達成（未達\n成見込）となった理由", ReportColumn.MissedReason)]
    [InlineData("中間目標が未達成（未達成見込）の場合、状況改善のために検討している対策", ReportColumn.Countermeasure)]
    [InlineData("取組を行っている上での\n課題", ReportColumn.Challenges)]
    [InlineData("今後の取組方針・対策", ReportColumn.Plan)]
    [InlineData("取組を行っていく上でア\nドバイザリー会議で専門\n家に聞きたいこと", ReportColumn.Question)]
    [InlineData("基準値に対する\n令和2年度の見込\n値\n（実績値）", ReportColumn.Trend)]
    [InlineData("令和2年度見\n込値（実績\n値）が中間目\n標到達", ReportColumn.InterimReached)]
    [InlineData("進捗率\n◎100%以上　○50%以上進\n捗　△50%未満進捗　ー進\n捗に増減なし　×減少", ReportColumn.Rating)]
    [InlineData("大項目", ReportColumn.Area)]
    [InlineData("中項目", ReportColumn.Section)]
    [InlineData("小項目", ReportColumn.Subsection)]
    [InlineData("取組名", ReportColumn.Initiative)]
    [InlineData("主な取組", ReportColumn.Initiative)]
    [InlineData("成果指標", ReportColumn.Indicator)]
    [InlineData("所管課", ReportColumn.Department)]
    public void Header_IsRecognised(string header, ReportColumn expected) => Assert.Equal(expected, HeaderRecognizer.Match(HeaderText.Fold(header)));

    [Theory]
    [InlineData("基準値\n（令和元年度）", 2019)]
    [InlineData("令和５年度\n実績値", 2023)]
    [InlineData("最終目標（R7年度）", 2025)]
    [InlineData("2024年度末見込値", 2024)]
    [InlineData("見込値の算出根拠", null)]
    public void FiscalYear_IsReadFromTheHeader(string header, int? year) => Assert.Equal(year, HeaderText.FiscalYearIn(HeaderText.Fold(header))?.StartYear);

    [Theory]
    [InlineData("資料４－２　個別施策・推進を支える土台づくり", "4-2")]
    [InlineData("資料4-3", "4-3")]
    [InlineData("4-1", "4-1")]
    [InlineData("進捗状況", null)]
    public void Table_IsReadFromTheTitle(string title, string? table) => Assert.Equal(table, HeaderText.TableIn(title));

    [Theory]
    [InlineData("（電子申請）\n県含む21団体", "電子申請")]
    [InlineData("教員25名", "教員")]
    [InlineData("特別非常勤講師9名", "特別非常勤講師")]
    [InlineData("約2,500時間", null)]
    [InlineData("延8,341人", null)]
    [InlineData("25人\n（令和元年12月）", null)]
    [InlineData("(令和2年12月)", null)]
    public void SubLabel_IsReadFromTheValue(string text, string? label) => Assert.Equal(label, RowReader.SubLabel(text));
}
