using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Shinchoku.Core.Rules;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Tests.Export;

/// <summary>資料4 written as .xlsx: a valid workbook in the printed layout, read back to the same rows and marks.</summary>
public class ReportXlsxTests
{
    private static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        ReportXlsx.Write(document, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Workbook_IsValidOpenXml()
    {
        var bytes = Write(Documents.From(Documents.SeedReading()));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Workbook_HasThePrintedLayout()
    {
        var bytes = Write(Documents.From(Documents.SeedReading()));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["資料4-1", "資料4-2"], sheets.Select(s => s.Name!.Value));

        var names = workbook.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        Assert.Contains(names, n => n.Name == "_xlnm.Print_Titles" && n.Text == "'資料4-2'!$1:$2");

        var part = (WorksheetPart)workbook.GetPartById(sheets[1].Id!);
        var ws = part.Worksheet;
        var setup = ws.Elements<PageSetup>().Single();
        Assert.Equal(8u, setup.PaperSize!.Value); // A3
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        var pane = ws.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2d, pane.VerticalSplit!.Value);
        Assert.Equal(5d, pane.HorizontalSplit!.Value); // 大項目 中項目 小項目 取組名 成果指標

        var rows = ws.Descendants<Row>().ToList();
        var title = rows[0].Elements<Cell>().First().InlineString!.InnerText;
        Assert.Equal("資料４－２　個別施策", title);
        var headers = rows[1].Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
        Assert.Equal("基準値\n（令和元年度）", headers[5]);
        Assert.Equal("令和2年度\n実績値", headers[6]);
        Assert.Equal("最終目標\n（令和3年度）", headers[9]);
        Assert.StartsWith("進捗率\n◎100%以上", headers[^1], StringComparison.Ordinal);
        Assert.Contains("×減少", headers[^1], StringComparison.Ordinal);

        // Group columns merged: 大項目 over all 30 rows, 中項目 and 小項目 over their runs.
        var merges = ws.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains("A3:A32", merges);
        Assert.Contains(merges, m => m!.StartsWith("B3:B", StringComparison.Ordinal));
        Assert.True(rows.Skip(2).All(r => r.CustomHeight?.Value == true && r.Height!.Value >= 17.5));
        Assert.Empty(ws.Descendants<CellFormula>());
    }

    [Fact]
    public void RoundTrip_ReadsBackTheSameRows_AndEveryRowAgrees()
    {
        var first = Documents.SeedReading();
        var bytes = Write(Documents.From(first));
        var second = ImportReader.Read("export.xlsx", new MemoryStream(bytes));

        Assert.Null(second.Refusal);
        Assert.Equal(first.Rows.Count, second.Rows.Count);
        Assert.DoesNotContain(second.AllMessages, m => m.IsError);
        foreach (var (a, b) in first.Rows.Zip(second.Rows))
        {
            Assert.Equal(a.Indicator, b.Indicator);
            Assert.Equal((a.Area, a.Section, a.Subsection, a.Initiative), (b.Area, b.Section, b.Subsection, b.Initiative));
            foreach (var column in ReportLayout.ColumnsOf(a.Table).Where(c => !ReportColumns.Marks.Contains(c) && c != ReportColumn.Indicator))
            {
                Assert.Equal(a.Text(column), b.Text(column));
            }

            Assert.True(b.Consistency.Result == Consistency.Agrees, $"{b.Indicator}: {b.Consistency.Reason}");
        }

        Assert.Equal((2020, 2019, 2020, 2021), (second.Layouts[0].ReportYear?.StartYear, second.Layouts[0].BaselineYear?.StartYear, second.Layouts[0].InterimYear?.StartYear, second.Layouts[0].FinalYear?.StartYear));
    }

    [Fact]
    public void OverriddenMarks_AreMarked_AndExplainedBelowTheTable()
    {
        var reading = Documents.SeedReading();
        var row = reading.Rows.First(r => r.Table == "4-2");
        var changed = new RatingOverride(OverrideKind.Marks, "コロナ禍で比較できないため", "dx-admin", DateTimeOffset.UnixEpoch, rating: Rating.HalfOrMore);
        var table = new ReportTable("4-2", "個別施策", new ReportYears(new FiscalYear(2020), new FiscalYear(2019), null, new FiscalYear(2021)),
            [Documents.Row(row) with { Marks = ReportMarks.From(row.Computed, changed, false), Note = "算出した評価を変更（理由: コロナ禍で比較できないため）" }]);
        var bytes = Write(new ReportDocument("計画", new FiscalYear(2020), "令和2年度", [table]));

        var back = ImportReader.Read("x.xlsx", new MemoryStream(bytes));
        var read = Assert.Single(back.Rows);
        Assert.Equal("○※", read.Text(ReportColumn.Rating));
        Assert.True(read.PrintedAsOverridden);
        read.Evaluate(null, changed);
        Assert.Equal(Consistency.Agrees, read.Consistency.Result);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var texts = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<InlineString>().Select(s => s.InnerText).ToList();
        Assert.Contains(texts, t => t.Contains("コロナ禍で比較できないため", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.invalid\",\"詳細\")")]
    [InlineData("+81-43-223-2111")]
    [InlineData("-1,000件")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void FormulaLikeText_IsWrittenAsAStringCell_AndReadBackAsText(string text)
    {
        var row = new ReportRow { Area = "行政", Initiative = "取組", Indicator = "指標", Baseline = "1件", FinalTarget = "2件", Status = text, Question = text };
        var bytes = Write(new ReportDocument("計画", new FiscalYear(2020), "令和2年度", [new ReportTable("4-2", "行政", new ReportYears(new FiscalYear(2020), new FiscalYear(2019), null, new FiscalYear(2021)), [row])]));

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var ws = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Empty(ws.Descendants<CellFormula>());
            var cell = ws.Descendants<Cell>().Single(c => c.CellReference == "K3");
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        }

        var back = Assert.Single(ImportReader.Read("x.xlsx", new MemoryStream(bytes)).Rows);
        Assert.Equal(text.Replace('\r', '\n').Trim(' ', '\t', '\r', '\n'), back.Text(ReportColumn.Status));
    }

    [Fact]
    public void ControlCharacters_AreLeftOutOfThePrintedReport()
    {
        var row = new ReportRow { Area = "行政", Initiative = "取組", Indicator = "指標\u0085", Baseline = "1件", FinalTarget = "2件", Status = "進\u0001め\u001Bた" };
        var html = ReportHtml.ToHtml(new ReportDocument("計画", new FiscalYear(2020), "令和2年度", [new ReportTable("4-2", "行政", new ReportYears(new FiscalYear(2020), null, null, new FiscalYear(2021)), [row])]));
        Assert.Contains("進めた", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x(0?[0-8BCEF]|1[0-9A-F]|7F|8[0-9A-F]|9[0-9A-F]);", html); // &#xA; is a line break, kept
        Assert.True(Core.Parsing.ControlCharacters.IndexOf(html) < 0);
    }

    [Fact]
    public void ControlCharacters_AreLeftOut_AndLiteralEscapesSurviveTheRoundTrip()
    {
        var text = "a\u0001b _x0041_ c\r\n\0d\u0085";
        var row = new ReportRow { Area = "行政", Initiative = "取組", Indicator = "指標", Baseline = "1件", FinalTarget = "2件", Status = text };
        var bytes = Write(new ReportDocument("計画", new FiscalYear(2020), "令和2年度", [new ReportTable("4-2", "行政", new ReportYears(new FiscalYear(2020), null, null, new FiscalYear(2021)), [row])]));
        var back = Assert.Single(ImportReader.Read("x.xlsx", new MemoryStream(bytes)).Rows);
        Assert.Equal("ab _x0041_ c\nd", back.Text(ReportColumn.Status));
    }
}
