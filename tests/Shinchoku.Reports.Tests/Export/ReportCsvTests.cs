using System.Text;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Tests.Export;

/// <summary>資料4 as CSV: UTF-8 with BOM, formula injection guarded, read back to the same rows.</summary>
public class ReportCsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+81", "'+81")]
    [InlineData("-5%", "'-5%")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("－", "－")]
    [InlineData("1,095,825件\n(令和元年11月現在)", "\"1,095,825件\n(令和元年11月現在)\"")]
    public void Field_GuardsFormulas_AndQuotes(string text, string expected) => Assert.Equal(expected, ReportCsv.Field(text));

    [Theory]
    [InlineData("2,500\0件", "\"2,500件\"")]
    [InlineData("\0=1+1", "'=1+1")] // a NUL in front does not hide a formula from the guard
    [InlineData("\u001B[2J取組状況\u0085", "[2J取組状況")]
    [InlineData("\u007F-5%", "'-5%")]
    public void Field_NeverWritesControlCharacters(string text, string expected) => Assert.Equal(expected, ReportCsv.Field(text));

    [Fact]
    public void Csv_HasABom_AndReadsBackWithEveryRowAgreeing()
    {
        var first = Documents.SeedReading();
        using var stream = new MemoryStream();
        ReportCsv.Write(Documents.From(first), stream);
        var bytes = stream.ToArray();
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));

        var second = ImportReader.Read("export.csv", new MemoryStream(bytes));
        Assert.Null(second.Refusal);
        Assert.Equal(first.Rows.Select(r => (r.Table, r.Indicator)), second.Rows.Select(r => (r.Table, r.Indicator)));
        Assert.All(second.Rows, r => Assert.Equal(Shinchoku.Core.Rules.Consistency.Agrees, r.Consistency.Result));
        Assert.Equal(first.Rows.Select(r => r.Text(ReportColumn.Status)), second.Rows.Select(r => r.Text(ReportColumn.Status)));
    }

    [Fact]
    public void FormulaLikeText_RoundTripsThroughCsv()
    {
        var row = new ReportRow { Area = "行政", Initiative = "取組", Indicator = "指標", Baseline = "1件", FinalTarget = "2件", Status = "=cmd|' /C calc'!A0" };
        using var stream = new MemoryStream();
        ReportCsv.Write(new ReportDocument("計画", new FiscalYear(2020), "令和2年度", [new ReportTable("4-2", "行政", new ReportYears(new FiscalYear(2020), new FiscalYear(2019), null, new FiscalYear(2021)), [row])]), stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains(",'=cmd|' /C calc'!A0,", text, StringComparison.Ordinal);
        var back = Assert.Single(ImportReader.Read("x.csv", new MemoryStream(stream.ToArray())).Rows);
        Assert.Equal("=cmd|' /C calc'!A0", back.Text(ReportColumn.Status));
    }
}
