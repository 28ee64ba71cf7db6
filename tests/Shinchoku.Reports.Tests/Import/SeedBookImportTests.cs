using Shinchoku.Core.Rules;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Tests.Import;

/// <summary>The printed 資料4-1 and 4-2, rebuilt as sheets from the transcribed rows, read back row for row.</summary>
public class SeedBookImportTests
{
    public static TheoryData<string> Layouts => ["merged", "blank-below", "two-row-header", "no-title", "inline-strings"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void PrintedBook_ReadsEveryRow_WithItsValuesAndConsistency(string variant)
    {
        var layout = variant switch
        {
            "blank-below" => new SeedLayout { Merged = false },
            "two-row-header" => new SeedLayout { TwoRowHeader = true },
            "no-title" => new SeedLayout { Title = false },
            _ => new SeedLayout(),
        };
        var sheets = new[] { SeedSheets.Sheet("4-1", layout, "資料4-1"), SeedSheets.Sheet("4-2", layout, "資料4-2") };
        var bytes = SheetBuilder.Xlsx(sheets, inlineStrings: variant == "inline-strings");

        var reading = Read("r2.xlsx", bytes);

        Assert.Null(reading.Refusal);
        Assert.Equal(2, reading.Layouts.Count);
        Assert.Equal(["4-1", "4-2"], reading.Layouts.Select(l => l.Table));
        Assert.All(reading.Layouts, l => Assert.Equal(new FiscalYear(2020), l.ReportYear));
        Assert.Equal(new FiscalYear(2019), reading.Layouts[0].BaselineYear);
        Assert.Equal(new FiscalYear(2020), reading.Layouts[0].InterimYear);
        Assert.Equal(new FiscalYear(2021), reading.Layouts[0].FinalYear);
        Assert.Equal(SeedKpis.All.Count, reading.Rows.Count);
        Assert.DoesNotContain(reading.AllMessages, m => m.IsError);
        Assert.True(reading.CanCommit, string.Join("\n", reading.AllMessages.Select(m => m.Text)));

        foreach (var (seed, row) in SeedKpis.All.Zip(reading.Rows))
        {
            Assert.Equal(seed.Table, row.Table);
            Assert.Equal(seed.Area, row.Area);
            Assert.Equal(seed.Section, row.Section);
            Assert.Equal(seed.Subsection ?? "", row.Subsection);
            Assert.Equal(seed.Initiative, row.Initiative);
            Assert.Equal(seed.StoredName, row.Indicator);
            Assert.Equal(seed.Baseline, row.Text(ReportColumn.Baseline));
            Assert.Equal(seed.Actual, row.Text(ReportColumn.Actual));
            Assert.Equal(seed.Projection, row.Text(ReportColumn.Projection));
            Assert.Equal(seed.FinalTarget, row.Text(ReportColumn.FinalTarget));
            Assert.Equal(seed.Status ?? "", row.Text(ReportColumn.Status));
            var expected = seed.JudgedDifferently is null ? Consistency.Agrees : Consistency.Differs;
            Assert.True(expected == row.Consistency.Result, $"{seed}: {row.Consistency.Result} {row.Consistency.Reason}");
        }
    }

    [Fact]
    public void RowNumbers_AreTheSheetRows()
    {
        var reading = Read("r2.xlsx", SeedSheets.Book());
        var first = reading.Rows[0];
        Assert.Equal("資料4-1", first.Sheet);
        Assert.Equal(4, first.Row); // title, blank, header
        Assert.Equal("E4", first.Cells[ReportColumn.Baseline].Address);
    }

    [Fact]
    public void HeaderNamingOtherYears_IsRecognised_AndTheYearsRead()
    {
        var layout = new SeedLayout { Years = ("令和5年度", "令和4年度", "令和5年", "令和７") };
        var reading = Read("r5.xlsx", SheetBuilder.Xlsx(SeedSheets.Sheet("4-1", layout)));

        Assert.Null(reading.Refusal);
        var sheet = Assert.Single(reading.Layouts);
        Assert.Equal((2023, 2022, 2023, 2025), (sheet.ReportYear?.StartYear, sheet.BaselineYear?.StartYear, sheet.InterimYear?.StartYear, sheet.FinalYear?.StartYear));
        Assert.All(reading.Rows, r => Assert.Equal(new FiscalYear(2023), r.FiscalYear));
    }

    [Fact]
    public void FiscalYearGiven_DifferentFromHeader_IsRefused()
    {
        var reading = ImportReader.Read("r2.xlsx", new MemoryStream(SeedSheets.Book()), new ImportOptions { FiscalYear = new FiscalYear(2021) });
        Assert.Contains("令和3年度が指定されています", reading.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void SubRows_GetTheirLabelFromTheValueCells()
    {
        var reading = Read("r2.xlsx", SeedSheets.Book());
        var names = reading.Rows.Select(r => r.Indicator).ToList();
        Assert.Contains(SeedKpis.Row("4-2-09").StoredName, names);
        Assert.Contains(SeedKpis.Row("4-2-10").StoredName, names);
        Assert.Contains(SeedKpis.Row("4-1-09").StoredName, names);
        Assert.Contains(SeedKpis.Row("4-1-10").StoredName, names);
    }

    [Fact]
    public void SeveralLines_InACell_AreKept()
    {
        var reading = Read("r2.xlsx", SeedSheets.Book());
        var telework = reading.Rows[0];
        Assert.Equal("25人\n（令和元年12月）", telework.Text(ReportColumn.Baseline));
        Assert.Contains('\n', telework.Text(ReportColumn.Actual));
    }

    [Fact]
    public void Furigana_IsNotReadAsText()
    {
        var sheet = SeedSheets.Sheet("4-2", name: "4-2");
        sheet.Special["D4"] = new CellSpec { Text = SeedKpis.Row("4-2-01").Initiative, Phonetic = "ジドウシャ" };
        var reading = Read("r2.xlsx", SheetBuilder.Xlsx(sheet));
        Assert.Equal(SeedKpis.Row("4-2-01").Initiative, reading.Rows[0].Initiative);
    }

    internal static ImportReading Read(string name, byte[] bytes, ImportOptions? options = null) =>
        ImportReader.Read(name, new MemoryStream(bytes), options);
}
