using System.IO.Compression;
using System.Text;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Sheets;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Tests.Sheets;

/// <summary>
/// The xlsx reader reads what officers' tools write, not only what Shinchoku writes: 資料4 re-saved by LibreOffice
/// Calc, Excel's Strict Open XML, rich-text shared strings, inline strings, the 1904 date system and formulas with
/// their cached results.
/// </summary>
public class XlsxInteropTests
{
    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LibreOffice", name));

    /// <summary>The reading must give the seed rows: every text, every group, the printed marks and how they compare.</summary>
    private static void AssertSameRows(ImportReading expected, ImportReading actual)
    {
        Assert.Null(actual.Refusal);
        Assert.DoesNotContain(actual.AllMessages, m => m.IsError);
        Assert.Equal(expected.Rows.Select(r => r.Indicator), actual.Rows.Select(r => r.Indicator));
        foreach (var (a, b) in expected.Rows.Zip(actual.Rows))
        {
            Assert.Equal((a.Table, a.Area, a.Section, a.Subsection, a.Initiative), (b.Table, b.Area, b.Section, b.Subsection, b.Initiative));
            foreach (var column in ReportLayout.ColumnsOf(a.Table).Where(c => !ReportColumns.Marks.Contains(c) && c != ReportColumn.Indicator))
            {
                Assert.Equal(a.Text(column), b.Text(column));
            }

            Assert.Equal((a.Printed, a.Consistency.Result), (b.Printed, b.Consistency.Result));
        }
    }

    [Fact]
    public void ExportResavedByLibreOffice_ReadsAsTheSameRows()
    {
        using var export = new MemoryStream();
        Shinchoku.Reports.Export.ReportXlsx.Write(Documents.From(Documents.SeedReading()), export);
        var original = ImportReader.Read("r2-export.xlsx", new MemoryStream(export.ToArray()));

        var reading = ImportReader.Read("r2-export-libreoffice.xlsx", new MemoryStream(Fixture("r2-export-libreoffice.xlsx")));

        AssertSameRows(original, reading);
        Assert.All(reading.Rows, r => Assert.Equal(Core.Rules.Consistency.Agrees, r.Consistency.Result));
        Assert.Equal(new FiscalYear(2020), reading.Layouts[0].ReportYear);
    }

    [Fact]
    public void LegacyBookResavedByLibreOffice_ReadsAsTheSameRows() =>
        AssertSameRows(Documents.SeedReading(), ImportReader.Read("r2-legacy-libreoffice.xlsx", new MemoryStream(Fixture("r2-legacy-libreoffice.xlsx"))));

    [Fact]
    public void FormulaAndDateSavedByLibreOffice_AreReadWithTheirCachedResult()
    {
        var sheet = SpreadsheetFile.Read("formulas.xlsx", Fixture("formulas-libreoffice.xlsx")).Sheets.Single();

        var formula = sheet.Cell(2, 3)!;
        Assert.Equal(("1050", "B2*1.05", true), (formula.Text, formula.Formula, formula.HasCachedValue));
        Assert.Equal(("1000", CellKind.Number), (sheet.Text(2, 2), sheet.Cell(2, 2)!.Kind));
        Assert.Equal(("令和3年3月31日", CellKind.Date), (sheet.Text(2, 4), sheet.Cell(2, 4)!.Kind));
    }

    [Fact]
    public void StrictOpenXml_ReadsAsTheSameRows()
    {
        var strict = ToStrict(SeedSheets.Book());
        Assert.Contains("purl.oclc.org/ooxml/spreadsheetml/main", PartText(strict, "xl/workbook.xml"), StringComparison.Ordinal);

        AssertSameRows(Documents.SeedReading(), ImportReader.Read("r2-strict.xlsx", new MemoryStream(strict)));
    }

    [Fact]
    public void StrictOpenXml_HandWritten_ReadsNumbersStylesAndSharedStrings()
    {
        var book = new RawXlsx
        {
            IsStrict = true,
            SharedStrings = "<si><t>電子申請の件数</t></si>",
            Styles = """<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0&quot;件&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>""",
            SheetData = """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1095825</v></c></row>""",
        }.Build();

        var sheet = SpreadsheetFile.Read("strict.xlsx", book).Sheets.Single();

        Assert.Equal(("電子申請の件数", "1,095,825件"), (sheet.Text(1, 1), sheet.Text(1, 2)));
    }

    [Fact]
    public void RichTextSharedString_IsItsRunsJoined_WithoutFurigana()
    {
        var book = new RawXlsx
        {
            SharedStrings = """<si><r><rPr><b/><sz val="10"/><rFont val="游ゴシック"/></rPr><t>令和</t></r><r><rPr><sz val="10"/></rPr><t>2</t></r><r><t xml:space="preserve">年度 実績値</t></r><rPh sb="0" eb="2"><t>レイワ</t></rPh><phoneticPr fontId="1"/></si>""",
            SheetData = """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""",
        }.Build();

        Assert.Equal("令和2年度 実績値", SpreadsheetFile.Read("rich.xlsx", book).Sheets.Single().Text(1, 1));
    }

    [Fact]
    public void InlineStrings_PlainAndRich_AreRead()
    {
        var book = new RawXlsx
        {
            SheetData = """<row r="3"><c r="A3" t="inlineStr"><is><t>1,234件</t></is></c><c r="B3" t="inlineStr"><is><r><t>約</t></r><r><rPr><b/></rPr><t>2,500</t></r><r><t>時間</t></r></is></c></row>""",
        }.Build();

        var sheet = SpreadsheetFile.Read("inline.xlsx", book).Sheets.Single();

        Assert.Equal(("1,234件", "約2,500時間"), (sheet.Text(3, 1), sheet.Text(3, 2)));
    }

    [Fact]
    public void SeedBookWithInlineStrings_ReadsAsTheSameRows() =>
        AssertSameRows(Documents.SeedReading(), ImportReader.Read("r2-inline.xlsx", new MemoryStream(
            SheetBuilder.Xlsx([SeedSheets.Sheet("4-1", null, "資料4-1"), SeedSheets.Sheet("4-2", null, "資料4-2")], inlineStrings: true))));

    [Theory]
    [InlineData(false, 44286, "令和3年3月31日")]
    [InlineData(true, 42824, "令和3年3月31日")] // the same day counted from 1904-01-01
    [InlineData(true, 44286, "令和7年4月1日")] // a 1900 serial read in a 1904 book is four years and a day later
    public void DateSerial_FollowsTheBooksDateSystem(bool date1904, int serial, string shown)
    {
        var book = new RawXlsx
        {
            Date1904 = date1904,
            Styles = """<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>""",
            SheetData = $"""<row r="1"><c r="A1" s="1"><v>{serial}</v></c></row>""",
        }.Build();

        var cell = SpreadsheetFile.Read("dates.xlsx", book).Sheets.Single().Cell(1, 1)!;

        Assert.Equal((shown, CellKind.Date), (cell.Text, cell.Kind));
    }

    [Fact]
    public void Formulas_AreReadAsTheirCachedResults_OfEveryType()
    {
        var book = new RawXlsx
        {
            Styles = """<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>""",
            SheetData = """
                <row r="2"><c r="A2"><v>1000</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>2000</v></c><c r="C2" t="str"><f>TEXT(A2,"#,##0")&amp;"件"</f><v>1,000件</v></c><c r="D2" s="1"><f>A2/1600</f><v>0.625</v></c></row>
                <row r="3"><c r="A3"><v>7</v></c><c r="B3"><f t="shared" si="0"/><v>14</v></c><c r="C3" t="b"><f>A3&gt;5</f><v>1</v></c><c r="D3" t="e"><f>A3/0</f><v>#DIV/0!</v></c><c r="E3"><f>A3*3</f></c></row>
                """,
        }.Build();

        var sheet = SpreadsheetFile.Read("formulas.xlsx", book).Sheets.Single();

        Assert.Equal(("2000", "A2*2"), (sheet.Text(2, 2), sheet.Cell(2, 2)!.Formula));
        Assert.Equal(("14", ""), (sheet.Text(3, 2), sheet.Cell(3, 2)!.Formula)); // shared: the formula is on B2
        Assert.Equal("1,000件", sheet.Text(2, 3));
        Assert.Equal("62.50%", sheet.Text(2, 4));
        Assert.Equal(("TRUE", CellKind.Boolean), (sheet.Text(3, 3), sheet.Cell(3, 3)!.Kind));
        Assert.Equal(("#DIV/0!", CellKind.Error), (sheet.Text(3, 4), sheet.Cell(3, 4)!.Kind));
        Assert.All(new[] { (2, 2), (3, 2), (2, 3), (2, 4), (3, 3), (3, 4) }, rc => Assert.True(sheet.Cell(rc.Item1, rc.Item2)!.HasCachedValue));
        Assert.False(sheet.Cell(3, 5)!.HasCachedValue); // a formula without a saved result has no value to read
    }

    [Fact]
    public void FormulaWhoseCachedResultIsAnEmptyText_HasItsCachedValue()
    {
        // Excel and Calc save =IF(A2="","",A2*2) on a blank row as t="str" with an empty <v>; openpyxl saves an
        // uncalculated formula without t and with an empty <v>: only the latter has no result.
        var book = new RawXlsx
        {
            SheetData = """<row r="2"><c r="B2" t="str"><f>IF(A2="","",A2*2)</f><v></v></c><c r="C2"><f>A2*2</f><v></v></c><c r="D2" t="str"><f>A2&amp;""</f><v/></c></row>""",
        }.Build();

        var sheet = SpreadsheetFile.Read("empty-results.xlsx", book).Sheets.Single();

        Assert.Equal(("", true), (sheet.Cell(2, 2)!.Text, sheet.Cell(2, 2)!.HasCachedValue));
        Assert.False(sheet.Cell(2, 3)!.HasCachedValue);
        Assert.True(sheet.Cell(2, 4)!.HasCachedValue);
    }

    [Fact]
    public void IsoDateCell_AsStrictOpenXmlAllows_IsReadAsADate()
    {
        var book = new RawXlsx
        {
            IsStrict = true,
            SheetData = """<row r="1"><c r="A1" t="d"><v>2021-03-31T00:00:00</v></c></row>""",
        }.Build();

        var cell = SpreadsheetFile.Read("iso-date.xlsx", book).Sheets.Single().Cell(1, 1)!;

        Assert.Equal(("令和3年3月31日", CellKind.Date), (cell.Text, cell.Kind));
    }

    /// <summary>A transitional workbook rewritten in Strict Open XML's namespaces, as Excel saves "Strict Open XML Spreadsheet".</summary>
    private static byte[] ToStrict(byte[] transitional)
    {
        using var input = new ZipArchive(new MemoryStream(transitional), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd()
                    .Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", RawXlsx.Strict, StringComparison.Ordinal)
                    .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships", StringComparison.Ordinal)
                    .Replace("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main", StringComparison.Ordinal);
                if (entry.FullName == "xl/workbook.xml")
                {
                    text = text.Replace("<x:workbook ", "<x:workbook conformance=\"strict\" ", StringComparison.Ordinal)
                        .Replace("<workbook ", "<workbook conformance=\"strict\" ", StringComparison.Ordinal);
                }

                using var stream = zip.CreateEntry(entry.FullName).Open();
                stream.Write(new UTF8Encoding(false).GetBytes(text));
            }
        }

        return output.ToArray();
    }

    private static string PartText(byte[] book, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(book), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
