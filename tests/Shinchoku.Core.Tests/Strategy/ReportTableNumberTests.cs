using Shinchoku.Core.Parsing;
using Shinchoku.Core.Strategy;
using Xunit;

namespace Shinchoku.Core.Tests.Strategy;

public sealed class ReportTableNumberTests
{
    [Theory]
    [InlineData("4-1", "4-1", "資料4-1", true)]
    [InlineData(" 4-2 ", "4-2", "資料4-2", false)]
    [InlineData("４－３", "4-3", "資料4-3", false)]
    [InlineData("資料4-1", "4-1", "資料4-1", true)]
    [InlineData("資料４－２", "4-2", "資料4-2", false)]
    public void Parse_AsPeopleWriteIt_ReadsTheTable(string text, string written, string printed, bool interim)
    {
        var parsed = ReportTableNumber.Parse(text);

        Assert.True(parsed.Success);
        Assert.Equal(written, parsed.Value.ToString());
        Assert.Equal(printed, parsed.Value.PrintedName);
        Assert.Equal(interim, parsed.Value.HasInterimTarget);
    }

    [Theory]
    [InlineData(null, ParseProblem.Empty)]
    [InlineData("  ", ParseProblem.Empty)]
    [InlineData("4-4", ParseProblem.Unrecognised)]
    [InlineData("資料5", ParseProblem.Unrecognised)]
    [InlineData("4-12", ParseProblem.Unrecognised)]
    public void Parse_NotATable_FailsWithAMessageNamingTheTables(string? text, ParseProblem problem)
    {
        var parsed = ReportTableNumber.Parse(text);

        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(problem, error.Problem);
        Assert.Contains("4-1、4-2、4-3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsTable42_AndTablesOrderAsPrinted()
    {
        Assert.Equal(ReportTableNumber.Table42, default);
        Assert.Equal([ReportTableNumber.Table41, ReportTableNumber.Table42, ReportTableNumber.Table43], ReportTableNumber.All.Order());
        Assert.True(ReportTableNumber.Table41 < ReportTableNumber.Table43);
    }
}
