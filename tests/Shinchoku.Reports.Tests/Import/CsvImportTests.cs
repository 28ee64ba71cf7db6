using System.Text;
using Shinchoku.Core.Rules;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Import;

/// <summary>The printed 資料4-2 as CSV in the encodings Japanese offices save it in.</summary>
public class CsvImportTests
{
    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "shift_jis", "utf-16"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Csv_InEachEncoding_ReadsEveryRow(string encoding)
    {
        var layout = new SeedLayout { Title = false, AsciiArrows = encoding == "shift_jis" };
        var text = SeedSheets.Csv("4-2", layout);
        byte[] bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(text),
            "utf-8-bom" => [.. new UTF8Encoding(true).GetPreamble(), .. new UTF8Encoding(false).GetBytes(text)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => ShiftJis().GetBytes(text),
        };

        var reading = ImportReader.Read("r2-4-2.csv", new MemoryStream(bytes));

        Assert.Null(reading.Refusal);
        Assert.Equal("4-2", Assert.Single(reading.Layouts).Table);
        Assert.Equal(SeedKpis.Of("4-2").Select(r => r.StoredName), reading.Rows.Select(r => r.Indicator));
        Assert.Equal(SeedKpis.Of("4-2").Select(r => r.Baseline), reading.Rows.Select(r => r.Text(ReportColumn.Baseline)));
        Assert.All(reading.Rows, r => Assert.Equal(Consistency.Agrees, r.Year.Consistency.Result));
    }

    [Fact]
    public void ShiftJisCsv_WithAnArrowItCannotHold_ReportsTheCell()
    {
        var text = SeedSheets.Csv("4-2").Replace("↗", "?", StringComparison.Ordinal);
        var reading = ImportReader.Read("r2.csv", new MemoryStream(ShiftJis().GetBytes(text)));
        var message = reading.Rows[0].Messages.Single(m => m.IsError);
        Assert.Equal("O", message.Column);
        Assert.Contains("「?」", message.Text, StringComparison.Ordinal);
        Assert.Contains("2行目 O列", message.Text, StringComparison.Ordinal);
    }

    private static Encoding ShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    }
}
