using FsCheck.Xunit;
using Shinchoku.Core.Parsing;
using Shinchoku.Core.Time;
using Xunit;

namespace Shinchoku.Core.Tests.Time;

public sealed class AsOfTests
{
    [Theory]
    [InlineData("(令和2年12月末現在)", AsOfKind.Month, 2020, 12, 0, true, AsOfQualifier.Present)]
    [InlineData("（令和2年12月1日現在）", AsOfKind.Date, 2020, 12, 1, false, AsOfQualifier.Present)]
    [InlineData("(令和2年11月時点)", AsOfKind.Month, 2020, 11, 0, false, AsOfQualifier.PointInTime)]
    [InlineData("(令和2年12月末)", AsOfKind.Month, 2020, 12, 0, true, AsOfQualifier.None)]
    [InlineData("(H30実績)", AsOfKind.FiscalYear, 2018, 0, 0, false, AsOfQualifier.Actual)]
    [InlineData("（令和元年度）", AsOfKind.FiscalYear, 2019, 0, 0, false, AsOfQualifier.None)]
    [InlineData("（令和元年度)", AsOfKind.FiscalYear, 2019, 0, 0, false, AsOfQualifier.None)]
    [InlineData("(平成31年3月31日)", AsOfKind.Date, 2019, 3, 31, false, AsOfQualifier.None)]
    [InlineData("(令和3年4月1日)", AsOfKind.Date, 2021, 4, 1, false, AsOfQualifier.None)]
    [InlineData("(令和元年12月)", AsOfKind.Month, 2019, 12, 0, false, AsOfQualifier.None)]
    [InlineData("(令和3年2月現在）", AsOfKind.Month, 2021, 2, 0, false, AsOfQualifier.Present)]
    [InlineData("（令和元年度実績）", AsOfKind.FiscalYear, 2019, 0, 0, false, AsOfQualifier.Actual)]
    [InlineData("（令和元年4月1日時点）", AsOfKind.Date, 2019, 4, 1, false, AsOfQualifier.PointInTime)]
    [InlineData("（令和2年9月末）", AsOfKind.Month, 2020, 9, 0, true, AsOfQualifier.None)]
    [InlineData("(令和2年3月末時点）", AsOfKind.Month, 2020, 3, 0, true, AsOfQualifier.PointInTime)]
    [InlineData("(令和２年１２月末現在)", AsOfKind.Month, 2020, 12, 0, true, AsOfQualifier.Present)]
    [InlineData("(2020年12月末現在)", AsOfKind.Month, 2020, 12, 0, true, AsOfQualifier.Present)]
    [InlineData("令和2年12月末現在", AsOfKind.Month, 2020, 12, 0, true, AsOfQualifier.Present)]
    [InlineData(" ( 令和2年12月 末 現在 ) ", AsOfKind.Month, 2020, 12, 0, true, AsOfQualifier.Present)]
    [InlineData("(R2.12.1現在)", AsOfKind.Date, 2020, 12, 1, false, AsOfQualifier.Present)]
    [InlineData("(2020/12/1時点)", AsOfKind.Date, 2020, 12, 1, false, AsOfQualifier.PointInTime)]
    [InlineData("(令和2年度末)", AsOfKind.FiscalYear, 2020, 0, 0, true, AsOfQualifier.None)]
    [InlineData("(R2年度)", AsOfKind.FiscalYear, 2020, 0, 0, false, AsOfQualifier.None)]
    [InlineData("(FY2020実績)", AsOfKind.FiscalYear, 2020, 0, 0, false, AsOfQualifier.Actual)]
    [InlineData("(2020年度)", AsOfKind.FiscalYear, 2020, 0, 0, false, AsOfQualifier.None)]
    [InlineData("(令和元年末現在)", AsOfKind.CalendarYear, 2019, 0, 0, true, AsOfQualifier.Present)]
    [InlineData("(令和2年12月累計)", AsOfKind.Month, 2020, 12, 0, false, AsOfQualifier.Cumulative)]
    [InlineData("(令和2年3月末日現在)", AsOfKind.Month, 2020, 3, 0, true, AsOfQualifier.Present)]
    public void Parse_NotesFromReports_ReadsPeriodAndQualifier(string text, AsOfKind kind, int year, int month, int day, bool isEnd, AsOfQualifier qualifier)
    {
        var result = AsOf.Parse(text);
        Assert.True(result.Success, string.Join(" / ", result.Messages));
        Assert.Empty(result.Messages);
        var asOf = result.Value;
        Assert.Equal(kind, asOf.Kind);
        Assert.Equal(year, asOf.Period.Year);
        Assert.Equal(month, asOf.Period.Month);
        Assert.Equal(day, asOf.Period.Day);
        Assert.Equal(isEnd, asOf.IsEnd);
        Assert.Equal(qualifier, asOf.Qualifier);
        Assert.False(asOf.IsRange);
        Assert.Equal(text.Trim(), asOf.Text);
    }

    [Fact]
    public void Parse_FullWidthDigits_ReadsMonthEnd()
    {
        var asOf = AsOf.Parse("(令和２年１２月末現在)").Value;
        Assert.True(asOf.IsMonthEnd);
        Assert.Equal(new DateOnly(2020, 12, 31), asOf.End);
    }

    [Theory]
    [InlineData("(令和2年12月末現在", "「(令和2年12月末現在」の括弧が閉じていません。")]
    [InlineData("（令和元年度", "「（令和元年度」の括弧が閉じていません。")]
    [InlineData("令和元年度)", "「令和元年度)」の閉じ括弧に対応する開き括弧がありません。")]
    [InlineData("令和元年度）", "「令和元年度）」の閉じ括弧に対応する開き括弧がありません。")]
    public void Parse_UnbalancedBracket_ReadsWithWarning(string text, string message)
    {
        var result = AsOf.Parse(text);
        Assert.True(result.Success);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ParseProblem.UnbalancedBracket, warning.Problem);
        Assert.Equal(message, warning.Message);
    }

    [Fact]
    public void Parse_MonthWithout月_ReadsYearOnlyWithIncompleteDateWarning()
    {
        var result = AsOf.Parse("(令和元年11時点)");
        Assert.True(result.Success);
        Assert.Equal(AsOfKind.CalendarYear, result.Value.Kind);
        Assert.Equal(2019, result.Value.Period.Year);
        Assert.Equal(AsOfQualifier.PointInTime, result.Value.Qualifier);
        Assert.Equal(new DateOnly(2019, 12, 31), result.Value.End);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ParseProblem.IncompleteDate, warning.Problem);
        Assert.Equal("「令和元年11」は「11」の後に「月」がないため、年（令和元年）のみ読み取りました。", warning.Message);
    }

    [Theory]
    [InlineData("（平成30年度～令和2年12月累計）", 2018, 4, 1, 2020, 12, 31, AsOfKind.Month)]
    [InlineData("（平成30年度～令和2年度累計）", 2018, 4, 1, 2021, 3, 31, AsOfKind.FiscalYear)]
    [InlineData("(平成30年度〜令和2年度累計)", 2018, 4, 1, 2021, 3, 31, AsOfKind.FiscalYear)]
    [InlineData("(H30~R2累計)", 2018, 4, 1, 2021, 3, 31, AsOfKind.FiscalYear)]
    [InlineData("(令和2年4月 ～ 令和2年12月累計)", 2020, 4, 1, 2020, 12, 31, AsOfKind.Month)]
    public void Parse_Range_ReadsStartAndEnd(string text, int y1, int m1, int d1, int y2, int m2, int d2, AsOfKind endKind)
    {
        var result = AsOf.Parse(text);
        Assert.True(result.Success, string.Join(" / ", result.Messages));
        var asOf = result.Value;
        Assert.True(asOf.IsRange);
        Assert.Equal(AsOfQualifier.Cumulative, asOf.Qualifier);
        Assert.Equal(endKind, asOf.Kind);
        Assert.Equal(new DateOnly(y1, m1, d1), asOf.Start);
        Assert.Equal(new DateOnly(y2, m2, d2), asOf.End);
    }

    [Fact]
    public void Parse_RangeFromFiscalYearToMonth_KeepsBothPeriods()
    {
        var asOf = AsOf.Parse("（平成30年度～令和2年12月累計）").Value;
        Assert.Equal(AsOfPeriod.OfFiscalYear(new FiscalYear(2018)), asOf.From);
        Assert.Equal(AsOfPeriod.OfMonth(2020, 12), asOf.Period);
    }

    [Theory]
    [InlineData("(令和2年12月末現在)", 2020, 12, 1, 2020, 12, 31)]
    [InlineData("(令和2年2月現在)", 2020, 2, 1, 2020, 2, 29)]
    [InlineData("(令和3年2月末)", 2021, 2, 1, 2021, 2, 28)]
    [InlineData("(令和元年度)", 2019, 4, 1, 2020, 3, 31)]
    [InlineData("(令和2年12月1日現在)", 2020, 12, 1, 2020, 12, 1)]
    [InlineData("(平成31年3月31日)", 2019, 3, 31, 2019, 3, 31)]
    [InlineData("(令和元年11時点)", 2019, 1, 1, 2019, 12, 31)]
    public void StartAndEnd_CoverThePeriod(string text, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var asOf = AsOf.Parse(text).Value;
        Assert.Equal(new DateOnly(y1, m1, d1), asOf.Start);
        Assert.Equal(new DateOnly(y2, m2, d2), asOf.End);
    }

    [Theory]
    [InlineData("過去5年の平均値")]
    [InlineData("20団体")]
    [InlineData("(20団体)")]
    [InlineData("見込")]
    [InlineData("（見込）")]
    [InlineData("電子申請")]
    [InlineData("2020")]
    [InlineData("(1000件)")]
    [InlineData("1,000件")]
    [InlineData("(12月末現在)")]
    [InlineData("令和の取組")]
    [InlineData("(令和2年度から開始)")]
    [InlineData("(R2年度中に完了)")]
    [InlineData("(令和2年12月1日末)")]
    [InlineData("(令和2年12月末現在見込)")]
    [InlineData("Society5.0")]
    [InlineData("FY20")]
    [InlineData("(平成30年度～)")]
    [InlineData("(平成30年度～見込)")]
    [InlineData("((令和2年度))")]
    public void Parse_NotAnAsOfNote_FailsUnrecognised(string text)
    {
        var result = AsOf.Parse(text);
        Assert.False(result.Success);
        var error = Assert.Single(result.Messages);
        Assert.Equal(ParseProblem.Unrecognised, error.Problem);
        Assert.Contains($"「{text.Trim()}」", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("()")]
    [InlineData("（ ）")]
    [InlineData(null)]
    public void Parse_Empty_FailsEmpty(string? text) =>
        Assert.Equal(ParseProblem.Empty, Assert.Single(AsOf.Parse(text).Errors).Problem);

    [Theory]
    [InlineData("(令和2年13月末現在)", "「令和2年13月」の月が正しくありません（1～12）。")]
    [InlineData("(令和2年2月30日現在)", "「令和2年2月30日」の日が正しくありません（令和2年2月は29日まで）。")]
    [InlineData("(令和0年度)", "「令和0年度」の年が正しくありません（令和は元年（1年）から始まります）。")]
    [InlineData("(平成50年度)", "「平成50年度」の年が正しくありません（平成は31年まで）。")]
    [InlineData("(令和2年度～平成30年度累計)", "「(令和2年度～平成30年度累計)」の期間の始め（令和2年度）が終わり（平成30年度）より後です。")]
    [InlineData("(平成30年度～令和2年13月累計)", "「令和2年13月」の月が正しくありません（1～12）。")]
    public void Parse_ImpossibleDate_FailsInvalidDate(string text, string message)
    {
        var error = Assert.Single(AsOf.Parse(text).Errors);
        Assert.Equal(ParseProblem.InvalidDate, error.Problem);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_EndedEra_ReadsWithDateOutsideEraWarning()
    {
        var result = AsOf.Parse("(平成31年5月1日現在)");
        Assert.Equal(new DateOnly(2019, 5, 1), result.Value.End);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ParseProblem.DateOutsideEra, warning.Problem);
        Assert.StartsWith("「平成31年5月1日」は令和元年5月1日です", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(令和2年12月末現在)", "（令和2年12月末現在）", "令和2年12月末現在")]
    [InlineData("(令和２年１２月末現在)", "（令和2年12月末現在）", "令和2年12月末現在")]
    [InlineData("(2020年12月末現在)", "（令和2年12月末現在）", "令和2年12月末現在")]
    [InlineData("(H30実績)", "（平成30年度実績）", "平成30年度実績")]
    [InlineData("（令和元年度)", "（令和元年度）", "令和元年度")]
    [InlineData("(令和2年11月時点)", "（令和2年11月時点）", "令和2年11月時点")]
    [InlineData("(平成31年3月31日)", "（平成31年3月31日）", "平成31年3月31日")]
    [InlineData("(令和元年5月1日現在)", "（令和元年5月1日現在）", "令和元年5月1日現在")]
    [InlineData("(令和元年11時点)", "（令和元年時点）", "令和元年時点")]
    [InlineData("（平成30年度～令和2年12月累計）", "（平成30年度～令和2年12月累計）", "平成30年度～令和2年12月累計")]
    [InlineData("(令和2年度末)", "（令和2年度末）", "令和2年度末")]
    public void ToStringAndFormat_WriteTheReportForm(string text, string expected, string withoutBrackets)
    {
        var asOf = AsOf.Parse(text).Value;
        Assert.Equal(expected, asOf.ToString());
        Assert.Equal(expected, asOf.Format(brackets: true));
        Assert.Equal(withoutBrackets, asOf.Format(brackets: false));
    }

    [Theory]
    [InlineData("(令和2年12月末現在)")]
    [InlineData("（令和2年12月1日現在）")]
    [InlineData("(令和2年11月時点)")]
    [InlineData("(H30実績)")]
    [InlineData("（令和元年度）")]
    [InlineData("(平成31年3月31日)")]
    [InlineData("(令和元年11時点)")]
    [InlineData("(令和元年12月)")]
    [InlineData("（令和元年4月1日時点）")]
    [InlineData("（平成30年度～令和2年12月累計）")]
    [InlineData("（平成30年度～令和2年度累計）")]
    [InlineData("(2020年12月末現在)")]
    [InlineData("(令和元年末現在)")]
    [InlineData("(昭和64年1月)")]
    public void Parse_FormattedNote_RoundTrips(string text)
    {
        var asOf = AsOf.Parse(text).Value;
        var again = AsOf.Parse(asOf.ToString());
        Assert.Empty(again.Messages);
        Assert.Equal(asOf, again.Value);
        Assert.Equal(asOf, AsOf.Parse(asOf.Format(brackets: false)).Value);
    }

    [Fact]
    public void Equality_IgnoresTextAsWritten()
    {
        var a = AsOf.Parse("(令和2年12月末現在)").Value;
        var b = AsOf.Parse("（令和２年１２月末現在）").Value;
        Assert.NotEqual(a.Text, b.Text);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
    }

    [Theory]
    [InlineData("(令和2年12月末現在)", "(令和2年12月現在)")]
    [InlineData("(令和2年12月末現在)", "(令和2年12月末時点)")]
    [InlineData("(令和2年12月末現在)", "(令和2年11月末現在)")]
    [InlineData("(令和2年12月)", "(令和2年12月1日)")]
    [InlineData("(令和2年度)", "(令和2年)")]
    [InlineData("(令和2年度累計)", "(令和元年度～令和2年度累計)")]
    public void Equality_DiffersWhenAnyPartDiffers(string left, string right)
    {
        var a = AsOf.Parse(left).Value;
        var b = AsOf.Parse(right).Value;
        Assert.NotEqual(a, b);
        Assert.True(a != b);
        Assert.False(a.Equals(null));
        Assert.True(a != null);
    }

    [Fact]
    public void Create_FromParts_EqualsParsedNote()
    {
        var created = AsOf.Create(AsOfPeriod.OfMonth(2020, 12), AsOfQualifier.Cumulative, from: AsOfPeriod.OfFiscalYear(new FiscalYear(2018)));
        Assert.Equal(AsOf.Parse("（平成30年度～令和2年12月累計）").Value, created);
        Assert.Equal("（平成30年度～令和2年12月累計）", created.Text);
    }

    [Fact]
    public void Create_EndOfSingleDay_ThrowsNamingIsEnd() =>
        Assert.Equal("isEnd", Assert.Throws<ArgumentException>(() => AsOf.Create(AsOfPeriod.OfDate(new DateOnly(2020, 12, 1)), isEnd: true)).ParamName);

    [Fact]
    public void Create_RangeStartAfterEnd_ThrowsNamingFrom() =>
        Assert.Equal("from", Assert.Throws<ArgumentException>(() => AsOf.Create(AsOfPeriod.OfCalendarYear(2019), from: AsOfPeriod.OfFiscalYear(new FiscalYear(2020)))).ParamName);

    [Fact]
    public void Parse_Span_ReadsInsideOfABracket()
    {
        const string cell = "1,095,825件(令和2年12月末現在)";
        var open = cell.IndexOf('(', StringComparison.Ordinal);
        var result = AsOf.Parse(cell.AsSpan(open + 1, cell.Length - open - 2));
        Assert.Equal("令和2年12月末現在", result.Value.Text);
        Assert.Equal(new DateOnly(2020, 12, 31), result.Value.End);
    }

    [Fact]
    public void Period_OfFactories_ValidateRange()
    {
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => AsOfPeriod.OfMonth(2020, 13)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => AsOfPeriod.OfCalendarYear(1867)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => AsOfPeriod.OfDate(new DateOnly(1800, 1, 1)));
        Assert.Equal("0001-01-01", default(AsOfPeriod).ToString());
    }

    [Property(MaxTest = 2000)]
    public void Parse_AnyString_NeverThrows(string? text)
    {
        var result = AsOf.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.Equal(result.Value, AsOf.Parse(result.Value.ToString()).Value);
        }
    }

    [Property(MaxTest = 5000, Arbitrary = [typeof(DateLikeText)])]
    public void Parse_DateLikeString_NeverThrowsAndRoundTrips(string text)
    {
        var result = AsOf.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.Equal(result.Value, AsOf.Parse(result.Value.ToString()).Value);
        }
    }
}
