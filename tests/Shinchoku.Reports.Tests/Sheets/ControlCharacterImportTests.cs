using System.Text;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Sheets;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Sheets;

/// <summary>
/// A NUL or another control character in any cell refuses the file with the cell, in CSV and xlsx alike, also far
/// past the first kilobytes that the file type is told from.
/// </summary>
public class ControlCharacterImportTests
{
    /// <summary>A CSV of 300 rows (about 12 KB), with <paramref name="text"/> in C<paramref name="row"/>.</summary>
    private static byte[] Csv(int row, string text)
    {
        var lines = new List<string> { "取組名,成果指標,実績値" };
        lines.AddRange(Enumerable.Range(2, 299).Select(i => $"取組{i},指標{i}の件数,{(i == row ? text : $"{i * 10}件")}"));
        return new UTF8Encoding(false).GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u001B")]
    [InlineData("\u0008")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    [InlineData("\u009F")]
    public void CsvCellWithAControlCharacter_PastTheFirst8KB_IsRefusedWithItsCell(string control)
    {
        var bytes = Csv(250, "\"2,500" + control + "件\"");
        Assert.True(Array.IndexOf(bytes, (byte)'2', 8192) > 8192); // row 250 lies past the sniffed head

        var reading = ImportReader.Read("進捗.csv", new MemoryStream(bytes));

        Assert.True(reading.IsRefused);
        Assert.False(reading.CanCommit);
        Assert.Contains("セル C250", reading.Refusal, StringComparison.Ordinal);
        Assert.Contains($"U+{(int)control[0]:X4}", reading.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCellWithNul_InTheFirstRows_IsRefusedWithItsCell_NotAsABinaryFile()
    {
        var reading = ImportReader.Read("進捗.csv", new MemoryStream(Csv(3, "30\0件")));
        Assert.Contains("セル C3", reading.Refusal, StringComparison.Ordinal);
        Assert.Contains("U+0000", reading.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCellWithTabsAndLineBreaks_IsRead()
    {
        var sheet = SpreadsheetFile.Read("進捗.csv", Csv(250, "\"2,500件\r\n\t（見込）\"")).Sheets.Single();
        Assert.Equal("2,500件\n\t（見込）", sheet.Text(250, 3));
    }

    [Theory]
    [InlineData("<si><t>1,234件_x0000_</t></si>", "A1", "U+0000")] // a shared string with Excel's escape of NUL
    [InlineData("<si><r><t>1,234</t></r><r><t>件_x001B_</t></r></si>", "A1", "U+001B")] // in a rich-text run
    [InlineData("<si><t>見込\u0085値</t></si>", "A1", "U+0085")] // C1 characters are valid XML: written as they are
    public void XlsxSharedStringWithAControlCharacter_IsRefusedWithItsCell(string si, string cell, string code)
    {
        var book = new RawXlsx { SharedStrings = si, SheetData = """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""" }.Build();

        var e = Assert.Throws<SpreadsheetRefusedException>(() => SpreadsheetFile.Read("進捗.xlsx", book));

        Assert.Contains($"シート「資料4-2」のセル {cell} に", e.Message, StringComparison.Ordinal);
        Assert.Contains(code, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XlsxInlineStringWithNul_IsRefusedWithItsCell()
    {
        var book = new RawXlsx { SheetData = """<row r="7"><c r="H7" t="inlineStr"><is><t>12_x0000_件</t></is></c></row>""" }.Build();
        var reading = ImportReader.Read("進捗.xlsx", new MemoryStream(book));
        Assert.Contains("セル H7 に制御文字 U+0000", reading.Refusal, StringComparison.Ordinal);
    }
}
