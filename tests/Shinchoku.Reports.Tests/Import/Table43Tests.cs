using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Import;

/// <summary>
/// 資料4-3 (推進を支える土台づくり) prints no 取組名: its KPIs hang under the 小項目, or the 中項目 where there is none.
/// Sheets of our own making in that layout: without a 取組名 column, and with one left blank.
/// </summary>
public class Table43Tests
{
    public static TheoryData<bool, bool> Layouts => new() { { false, true }, { false, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Rows_WithoutInitiative_HangOnTheDeepestGroupLabel(bool blankInitiativeColumn, bool merged)
    {
        var reading = ImportReader.Read("4-3.xlsx", new MemoryStream(SheetBuilder.Xlsx(Table43Sheets.Sheet(blankInitiativeColumn, merged))));

        Assert.Null(reading.Refusal);
        Assert.Equal(0, reading.ErrorCount);
        Assert.True(reading.CanCommit, string.Join("\n", reading.AllMessages.Select(m => m.Text)));
        Assert.DoesNotContain(reading.AllMessages, m => m.Text.Contains("取組名", StringComparison.Ordinal));
        Assert.All(reading.Rows, r => Assert.Equal("4-3", r.Table));
        var places = reading.Rows.Select(r => (r.Indicator, r.ParentLevel, r.Parent)).ToList();
        Assert.Equal(
            [
                ("イベント参加者数", ReportColumn.Subsection, "DXに係る県民参加型イベントの実施"),
                ("講座の受講者数", ReportColumn.Subsection, "基本的な知識やスキルの向上促進"),
                ("講座の修了率", ReportColumn.Subsection, "基本的な知識やスキルの向上促進"),
                ("連携協定の締結数", ReportColumn.Section, Table43Sheets.Pillar2),
                ("マッチングの件数", ReportColumn.Section, Table43Sheets.Pillar2),
                ("研修の受講率", ReportColumn.Subsection, "情報セキュリティ対策の着実な実施"),
            ],
            places);
        Assert.All(reading.Rows, r => Assert.True(r.HangsOnGroup));
        Assert.Equal("中項目「② 共創の機会の創出」の直下（取組名なし）", reading.Rows[3].Place);
        Assert.All(reading.Rows, r => Assert.Equal(Table43Sheets.Foundation, r.Area));
    }

    [Fact]
    public void SameIndicatorName_UnderTwoGroups_AreTwoKpis_NotSubRows()
    {
        var sheet = Table43Sheets.Sheet();
        sheet.Rows[6][3] = "連携協定の締結数"; // under ② as well as row 6: two rows of one KPI, told apart by nothing
        sheet.Rows[7][3] = "イベント参加者数"; // under ③: the same name as under ①, another place
        var reading = ImportReader.Read("4-3.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));

        var errors = reading.AllMessages.Where(m => m.IsError).ToList();
        Assert.Equal([6, 7], errors.Select(m => m.Row!.Value).Order());
        Assert.All(errors, m => Assert.Contains("中項目「② 共創の機会の創出」の直下", m.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(reading.Rows[5].Messages, m => m.IsError);
    }

    [Fact]
    public void Row_WithoutAnyParent_IsRefused_WithTheReason()
    {
        var sheet = new GridSheet("資料4-3");
        sheet.Add("資料４－３　推進を支える土台づくり");
        sheet.Add(Table43Sheets.Header);
        sheet.Add(null, null, null, "イベント参加者数", "120人", "300人", "350人", "申込数から推計", "500人", "開催した。", "↗", "○");
        var reading = ImportReader.Read("4-3.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));

        var error = Assert.Single(reading.AllMessages, m => m.IsError);
        Assert.Contains("取組名も大項目・中項目・小項目も空欄です", error.Text, StringComparison.Ordinal);
        Assert.False(reading.CanCommit);
    }

    [Fact]
    public void BlankInitiative_OutsideTable43_IsReadUnderTheGroup_WithAWarning()
    {
        var sheet = SeedSheets.Sheet("4-2", name: "資料4-2");
        var reading0 = ImportReader.Read("4-2.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));
        var first = reading0.Rows[0];
        var column = Shinchoku.Reports.Sheets.CellAddress.ColumnLetters(reading0.Layouts[0].Columns[ReportColumn.Initiative]);
        sheet.Special[$"{column}{first.Row}"] = new CellSpec { Text = "" };
        sheet.Merges.RemoveAll(m => m.StartsWith(column + first.Row + ":", StringComparison.Ordinal));
        var reading = ImportReader.Read("4-2.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));

        var row = reading.Rows[0];
        Assert.True(row.HangsOnGroup);
        Assert.Contains(row.Messages, m => !m.IsError && !m.BlocksCommit && m.Text.Contains("取組名が空欄のため", StringComparison.Ordinal));
    }
}
