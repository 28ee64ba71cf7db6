using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Import;

/// <summary>Formulas and date serials where values belong: read, shown with a message, and never saved as they are.</summary>
public class CellKindTests
{
    private static ImportReading WithSpecial(string reference, CellSpec spec)
    {
        var sheet = SeedSheets.Sheet("4-2", name: "4-2");
        sheet.Special[reference] = spec;
        return ImportReader.Read("r2.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));
    }

    [Fact]
    public void FormulaWithSavedResult_IsRead_WithAWarningThatBlocksSaving()
    {
        // H4: the projection of the first row, calculated.
        var reading = WithSpecial("H4", new CellSpec { Formula = "G4*1.01", Text = "60.76%" });
        var row = reading.Rows[0];
        Assert.Equal("60.76%", row.Text(ReportColumn.Projection));
        var message = Assert.Single(row.Messages);
        Assert.Equal(MessageSeverity.Warning, message.Severity);
        Assert.True(message.BlocksCommit);
        Assert.Equal("H", message.Column);
        Assert.Contains("数式「=G4*1.01」", message.Text, StringComparison.Ordinal);
        Assert.Contains("「60.76%」を読みました", message.Text, StringComparison.Ordinal);
        Assert.Contains("シート「4-2」4行目 H列（見込値）", message.Text, StringComparison.Ordinal);
        Assert.False(reading.CanCommit);
    }

    [Fact]
    public void FormulaWithoutSavedResult_IsAnError()
    {
        var sheet = SeedSheets.Sheet("4-2", name: "4-2");
        sheet.Rows[3][7] = null;
        sheet.Special["H4"] = new CellSpec { Formula = "G4*1.01" };
        var reading = ImportReader.Read("r2.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));
        var message = Assert.Single(reading.Rows[0].Messages);
        Assert.Equal(MessageSeverity.Error, message.Severity);
        Assert.Contains("計算結果がファイルに保存されていません", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DateSerial_IsReadAsADate_WithAWarningThatBlocksSaving()
    {
        // 3/12 typed into Excel becomes 12 March: serial 43902 (2020-03-12) in the actual's cell.
        var reading = WithSpecial("G4", new CellSpec { Number = 43902, BuiltInFormat = 56 });
        var row = reading.Rows[0];
        Assert.Equal("令和2年3月12日", row.Text(ReportColumn.Actual));
        var message = row.Messages.First(m => m.Column == "G");
        Assert.True(message.BlocksCommit);
        Assert.Contains("Excel の日付（シリアル値 43902）", message.Text, StringComparison.Ordinal);
        Assert.Contains("日付「令和2年3月12日」として読みました", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.6076, "0.00%", "60.76%")]
    [InlineData(1095825, "#,##0", "1,095,825")]
    [InlineData(12, "0\"件\"", "12件")]
    [InlineData(1234.5, "#,##0.0\"時間\"", "1,234.5時間")]
    [InlineData(86.5, "0.00", "86.50")]
    public void Numbers_AreReadAsShown(double number, string format, string shown)
    {
        var reading = WithSpecial("F4", new CellSpec { Number = number, NumberFormat = format });
        Assert.Equal(shown, reading.Rows[0].Text(ReportColumn.Baseline));
        Assert.DoesNotContain(reading.Rows[0].Messages, m => m.Column == "F" && m.BlocksCommit);
    }

    [Fact]
    public void ErrorValue_IsAnError()
    {
        var sheet = SeedSheets.Sheet("4-2", name: "4-2");
        sheet.Special["H4"] = new CellSpec { Formula = "1/0", Text = "#DIV/0!", IsError = true };
        var reading = ImportReader.Read("r2.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));
        Assert.Contains(reading.Rows[0].Messages, m => m.IsError);
    }

    [Fact]
    public void ValueTypo_IsAnErrorNamingSheetRowColumnAndCell()
    {
        var sheet = SeedSheets.Sheet("4-2", name: "資料4-2");
        sheet.Special["G5"] = new CellSpec { Text = "延15,3728千枚" };
        var reading = ImportReader.Read("r2.xlsx", new MemoryStream(SheetBuilder.Xlsx(sheet)));
        var message = Assert.Single(reading.Rows[1].Messages, m => m.IsError);
        Assert.Equal(("資料4-2", 5, "G", "延15,3728千枚"), (message.Sheet, message.Row, message.Column, message.CellText));
        Assert.StartsWith("シート「資料4-2」5行目 G列（実績値）: ", message.Text, StringComparison.Ordinal);
        Assert.Contains("延15,3728千枚", message.Text, StringComparison.Ordinal);
        Assert.Equal(1, reading.ErrorCount);
    }

    [Fact]
    public void HiddenSheet_IsLeftOut_WithANotice()
    {
        var bytes = SheetBuilder.Xlsx(SeedSheets.Sheet("4-2", name: "4-2"), new GridSheet("作業用") { Hidden = true });
        var reading = ImportReader.Read("r2.xlsx", new MemoryStream(bytes));
        Assert.Contains(reading.Messages, m => m.Text.Contains("非表示のシート「作業用」", StringComparison.Ordinal));
        Assert.Equal(30, reading.Rows.Count);
    }

    [Fact]
    public void EmptySheetBesideAReportSheet_IsSkipped_WithANotice()
    {
        var bytes = SheetBuilder.Xlsx(SeedSheets.Sheet("4-2", name: "4-2"), new GridSheet("Sheet2"));
        var reading = ImportReader.Read("r2.xlsx", new MemoryStream(bytes));
        Assert.Null(reading.Refusal);
        Assert.Contains(reading.Messages, m => m.Text.Contains("シート「Sheet2」は空", StringComparison.Ordinal));
    }
}
