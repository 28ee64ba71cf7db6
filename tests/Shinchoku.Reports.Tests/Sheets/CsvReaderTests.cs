using System.Text;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Sheets;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Sheets;

/// <summary>
/// CSV as offices save it, and as a broken or hostile file has it: a quote left open must not swallow the rows
/// after it, a ragged row must not shift cells into other columns, and every refusal names the line.
/// </summary>
public class CsvReaderTests
{
    /// <summary>A 42-line CSV (a header and 41 rows of three fields), lines ended with CRLF as Excel writes them.</summary>
    private static List<string> FortyTwoLines() =>
        ["取組名,成果指標,実績値", .. Enumerable.Range(2, 41).Select(i => $"取組{i},指標{i},{i * 10}件")];

    private static byte[] Utf8(IEnumerable<string> lines) => new UTF8Encoding(false).GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static SpreadsheetRefusedException Refused(byte[] bytes) =>
        Assert.Throws<SpreadsheetRefusedException>(() => SpreadsheetFile.Read("進捗.csv", bytes));

    [Fact]
    public void FortyTwoLines_AreReadAsFortyTwoRows()
    {
        var sheet = SpreadsheetFile.Read("進捗.csv", Utf8(FortyTwoLines())).Sheets.Single();
        Assert.Equal(42, sheet.RowCount);
        Assert.Equal("420件", sheet.Text(42, 3));
    }

    [Theory]
    [InlineData(",\"abc", "閉じる「\"」の後に文字")] // opened at the end of the row, "closed" by a later quoted field
    [InlineData(",\"ab\"c", "閉じる「\"」の後に文字")] // text after the closing quote
    [InlineData(",ab\"c", "値の途中に「\"」")] // a stray quote inside an unquoted field
    public void UnbalancedQuoteInRowTwo_IsRefusedWithLineTwo(string bad, string why)
    {
        var lines = FortyTwoLines();
        lines[1] += bad;
        lines[10] = "取組11,\"指標11, 再掲\",110件"; // a later quoted field the open quote could pair with

        var e = Refused(Utf8(lines));

        Assert.Contains("の 2行目で", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedQuoteInRowTwo_RefusesTheWholeImport()
    {
        // Records, not lines: the header's quoted cells hold line breaks, so the second record starts on line 19.
        var lines = SeedSheets.Csv("4-2").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[1] += ",\"abc";

        var reading = ImportReader.Read("r2-4-2.csv", new MemoryStream(Utf8(lines)));

        Assert.True(reading.IsRefused);
        Assert.False(reading.CanCommit);
        Assert.Empty(reading.Rows);
        Assert.Contains("2行目（ファイルの19行目から）で", reading.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "取組5,指標5")] // a field missing
    [InlineData(17, "取組17,指標17,170件,余分")] // a field too many
    public void RaggedRow_IsRefusedWithItsLine(int line, string ragged)
    {
        var lines = FortyTwoLines();
        lines[line - 1] = ragged;

        var e = Refused(Utf8(lines));

        Assert.Contains($"{line}行目", e.Message, StringComparison.Ordinal);
        Assert.Contains("ほかの行は 3 項目", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteOpenedInRowTwoAndClosedInRowThree_RowsAreNotMerged()
    {
        var lines = FortyTwoLines();
        lines[1] = "取組2,指標2,\"20件";
        lines[2] = "取組3\",指標3,30件";

        var e = Refused(Utf8(lines));

        Assert.Contains("2行目（5項目）", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralRaggedRows_AreAllNamed()
    {
        var lines = FortyTwoLines();
        lines[4] = "取組5,指標5";
        lines[30] = "取組31";

        var e = Refused(Utf8(lines));

        Assert.Contains("5行目（2項目）", e.Message, StringComparison.Ordinal);
        Assert.Contains("31行目（1項目）", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedCellWithLineBreaksAndQuotes_IsOneCell_AndLaterRowsKeepTheirPlace()
    {
        var lines = FortyTwoLines();
        lines[1] = "取組2,\"指標2\r\n（電子申請, \"\"再掲\"\"）\n続き\",20件";

        var sheet = SpreadsheetFile.Read("進捗.csv", Utf8(lines)).Sheets.Single();

        Assert.Equal("指標2\n（電子申請, \"再掲\"）\n続き", sheet.Text(2, 2));
        Assert.Equal("20件", sheet.Text(2, 3));
        Assert.Equal("取組3", sheet.Text(3, 1));
        Assert.Equal(42, sheet.RowCount);
    }

    [Fact]
    public void ShiftJisFile_IsReadAsShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes("取組名,成果指標,実績値\r\n電子県庁,電子申請の件数,\"1,095,825件\"\r\n");

        var sheet = SpreadsheetFile.Read("進捗.csv", bytes).Sheets.Single();

        Assert.Equal("電子申請の件数", sheet.Text(2, 2));
        Assert.Equal("1,095,825件", sheet.Text(2, 3));
    }

    [Fact]
    public void Utf8WithBom_TheBomIsNotPartOfTheFirstCell()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Utf8(FortyTwoLines())).ToArray();

        var sheet = SpreadsheetFile.Read("進捗.csv", bytes).Sheets.Single();

        Assert.Equal("取組名", sheet.Text(1, 1));
        Assert.Equal(42, sheet.RowCount);
    }

    [Fact]
    public void TabSeparatedFile_IsReadByColumns()
    {
        var bytes = new UTF8Encoding(false).GetBytes("取組名\t成果指標\r\n電子県庁\t\"件数, 年間\"\r\n");
        var sheet = SpreadsheetFile.Read("進捗.csv", bytes).Sheets.Single();
        Assert.Equal("件数, 年間", sheet.Text(2, 2));
    }

    [Fact]
    public void LastLineWithoutLineBreak_IsRead()
    {
        var bytes = new UTF8Encoding(false).GetBytes("a,b\r\nc,d");
        var sheet = SpreadsheetFile.Read("進捗.csv", bytes).Sheets.Single();
        Assert.Equal("d", sheet.Text(2, 2));
    }

    [Fact]
    public void FormulaGuard_WrittenByTheExport_IsRemoved()
    {
        var bytes = new UTF8Encoding(false).GetBytes("a,b\r\n'=1+1,'-5\r\n");
        var sheet = SpreadsheetFile.Read("進捗.csv", bytes).Sheets.Single();
        Assert.Equal(("=1+1", "-5"), (sheet.Text(2, 1), sheet.Text(2, 2)));
    }

    [Fact]
    public void CellLongerThanTheLimit_IsRefused()
    {
        var bytes = new UTF8Encoding(false).GetBytes("a,b\r\nc," + new string('x', 50) + "\r\n");
        var e = Assert.Throws<SpreadsheetRefusedException>(() =>
            SpreadsheetFile.Read("進捗.csv", bytes, ReadLimits.Default with { MaxCellCharacters = 40 }));
        Assert.Contains("セル B2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsPastTheLimit_AreRefused()
    {
        var e = Assert.Throws<SpreadsheetRefusedException>(() =>
            SpreadsheetFile.Read("進捗.csv", Utf8(FortyTwoLines()), ReadLimits.Default with { MaxRows = 40 }));
        Assert.Contains("41 行目", e.Message, StringComparison.Ordinal);
    }
}
