using FsCheck.Xunit;
using Shinchoku.Core.Parsing;
using Shinchoku.Core.Time;
using Xunit;

namespace Shinchoku.Core.Tests.Time;

public sealed class JapaneseDateTests
{
    [Theory]
    [InlineData("令和", "R")]
    [InlineData("平成", "H")]
    [InlineData("昭和", "S")]
    [InlineData("大正", "T")]
    [InlineData("明治", "M")]
    [InlineData("R", "R")]
    [InlineData("r", "R")]
    [InlineData("Ｒ", "R")]
    [InlineData("ｈ", "H")]
    [InlineData(" s ", "S")]
    public void Era_Find_ByNameOrLetter(string text, string letter) =>
        Assert.Equal(letter[0], JapaneseEra.Find(text)?.Letter);

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("令")]
    [InlineData("Reiwa")]
    [InlineData("令和元年")]
    public void Era_Find_UnknownText_IsNull(string text) => Assert.Null(JapaneseEra.Find(text));

    [Theory]
    [InlineData(1868, 1, 1, "明治")]
    [InlineData(1912, 7, 29, "明治")]
    [InlineData(1912, 7, 30, "大正")]
    [InlineData(1926, 12, 25, "昭和")]
    [InlineData(1989, 1, 7, "昭和")]
    [InlineData(1989, 1, 8, "平成")]
    [InlineData(2019, 4, 30, "平成")]
    [InlineData(2019, 5, 1, "令和")]
    public void Era_At_Boundaries(int year, int month, int day, string name) =>
        Assert.Equal(name, JapaneseEra.At(new DateOnly(year, month, day)).Name);

    [Fact]
    public void Era_Heisei_HasLastYear31AndConvertsYears()
    {
        Assert.Equal(31, JapaneseEra.Heisei.LastYear);
        Assert.Null(JapaneseEra.Reiwa.LastYear);
        Assert.Equal(2018, JapaneseEra.Heisei.ToGregorianYear(30));
        Assert.Equal(2, JapaneseEra.Reiwa.ToEraYear(2020));
        Assert.Equal("令和元年", JapaneseEra.Reiwa.FormatYear(1));
        Assert.Equal(5, JapaneseEra.All.Count);
    }

    [Theory]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2020, 12, 1, "令和2年12月1日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1926, 12, 25, "昭和元年12月25日")]
    [InlineData(1926, 12, 24, "大正15年12月24日")]
    [InlineData(1912, 7, 30, "大正元年7月30日")]
    [InlineData(1912, 7, 29, "明治45年7月29日")]
    [InlineData(1868, 10, 23, "明治元年10月23日")]
    [InlineData(1868, 1, 1, "明治元年1月1日")]
    public void Format_Date_UsesEraInForceThatDay(int year, int month, int day, string expected) =>
        Assert.Equal(expected, JapaneseDate.Format(new DateOnly(year, month, day)));

    [Fact]
    public void Format_Before1868_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseDate.Format(new DateOnly(1867, 12, 31)));

    [Theory]
    [InlineData(2020, 12, "令和2年12月")]
    [InlineData(2019, 5, "令和元年5月")]
    [InlineData(2019, 4, "平成31年4月")]
    [InlineData(1989, 1, "昭和64年1月")]
    [InlineData(1989, 2, "平成元年2月")]
    public void FormatMonth_UsesEraOfFirstDay(int year, int month, string expected) =>
        Assert.Equal(expected, JapaneseDate.FormatMonth(year, month));

    [Theory]
    [InlineData(2020, 13, "month")]
    [InlineData(2020, 0, "month")]
    [InlineData(1867, 12, "year")]
    [InlineData(10000, 1, "year")]
    public void FormatMonth_OutOfRange_ThrowsNamingParameter(int year, int month, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseDate.FormatMonth(year, month)).ParamName);

    [Theory]
    [InlineData(2019, "令和元年")]
    [InlineData(2018, "平成30年")]
    [InlineData(1989, "平成元年")]
    [InlineData(2020, "令和2年")]
    public void FormatYear_UsesEraOfLastDay(int year, string expected) => Assert.Equal(expected, JapaneseDate.FormatYear(year));

    [Theory]
    [InlineData("令和2年12月1日", 2020, 12, 1)]
    [InlineData("令和２年１２月１日", 2020, 12, 1)]
    [InlineData("令和二年十二月一日", 2020, 12, 1)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("平成31年3月31日", 2019, 3, 31)]
    [InlineData("平成31年4月30日", 2019, 4, 30)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("昭和64年1月7日", 1989, 1, 7)]
    [InlineData("令和元年4月1日", 2019, 4, 1)]
    [InlineData("令和2年2月29日", 2020, 2, 29)]
    [InlineData("R2.12.1", 2020, 12, 1)]
    [InlineData("R02.01.05", 2020, 1, 5)]
    [InlineData("R2/12/1", 2020, 12, 1)]
    [InlineData("Ｒ２．１２．１", 2020, 12, 1)]
    [InlineData("H31.4.30", 2019, 4, 30)]
    [InlineData("2020年12月1日", 2020, 12, 1)]
    [InlineData("2020/12/1", 2020, 12, 1)]
    [InlineData("2020/12/01", 2020, 12, 1)]
    [InlineData("2020.12.1", 2020, 12, 1)]
    [InlineData("  令和 2 年 12 月 1 日 ", 2020, 12, 1)]
    [InlineData("明治元年10月23日", 1868, 10, 23)]
    public void Parse_KnownForms_ReadsDate(string text, int year, int month, int day)
    {
        var result = JapaneseDate.Parse(text);
        Assert.True(result.Success, string.Join(" / ", result.Messages));
        Assert.Equal(new DateOnly(year, month, day), result.Value);
        Assert.Empty(result.Messages);
    }

    [Theory]
    [InlineData("平成31年5月1日", 2019, 5, 1, "令和元年5月1日")]
    [InlineData("H31.5.1", 2019, 5, 1, "令和元年5月1日")]
    [InlineData("平成32年1月1日", 2020, 1, 1, "令和2年1月1日")]
    [InlineData("昭和64年1月8日", 1989, 1, 8, "平成元年1月8日")]
    public void Parse_DayAfterEraEnded_ReadsWithDateOutsideEraWarning(string text, int year, int month, int day, string correct)
    {
        var result = JapaneseDate.Parse(text);
        Assert.Equal(new DateOnly(year, month, day), result.Value);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ParseProblem.DateOutsideEra, warning.Problem);
        Assert.StartsWith($"「{text}」は{correct}です", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("令和2年2月30日", ParseProblem.InvalidDate)]
    [InlineData("令和3年2月29日", ParseProblem.InvalidDate)]
    [InlineData("令和2年4月31日", ParseProblem.InvalidDate)]
    [InlineData("令和2年12月32日", ParseProblem.InvalidDate)]
    [InlineData("令和2年12月0日", ParseProblem.InvalidDate)]
    [InlineData("令和2年13月1日", ParseProblem.InvalidDate)]
    [InlineData("令和2年0月1日", ParseProblem.InvalidDate)]
    [InlineData("令和0年1月1日", ParseProblem.InvalidDate)]
    [InlineData("平成50年1月1日", ParseProblem.InvalidDate)]
    [InlineData("R2.13.1", ParseProblem.InvalidDate)]
    [InlineData("2020/2/30", ParseProblem.InvalidDate)]
    [InlineData("1867/12/31", ParseProblem.InvalidDate)]
    [InlineData("令和2年12月", ParseProblem.IncompleteDate)]
    [InlineData("令和2年", ParseProblem.IncompleteDate)]
    [InlineData("令和2年12月1", ParseProblem.IncompleteDate)]
    [InlineData("令和2年度", ParseProblem.Unrecognised)]
    [InlineData("令和2年12月1日現在", ParseProblem.TrailingText)]
    [InlineData("2020-12-01", ParseProblem.Unrecognised)]
    [InlineData("12月1日", ParseProblem.Unrecognised)]
    [InlineData("電子申請", ParseProblem.Unrecognised)]
    [InlineData("", ParseProblem.Empty)]
    [InlineData(null, ParseProblem.Empty)]
    public void Parse_Invalid_FailsWithProblem(string? text, ParseProblem expected)
    {
        var result = JapaneseDate.Parse(text);
        Assert.False(result.Success);
        Assert.Equal(expected, result.Errors.First().Problem);
    }

    [Fact]
    public void Parse_MonthThirteen_MessageQuotesText() =>
        Assert.Equal("「令和2年13月1日」の月が正しくありません（1～12）。", Assert.Single(JapaneseDate.Parse("令和2年13月1日").Errors).Message);

    [Fact]
    public void Parse_February30_MessageNamesLastDay() =>
        Assert.Equal("「令和２年２月３０日」の日が正しくありません（令和2年2月は29日まで）。", Assert.Single(JapaneseDate.Parse("令和２年２月３０日").Errors).Message);

    [Fact]
    public void Parse_EveryDayFrom1868To2100_RoundTripsWithoutWarnings()
    {
        for (var date = new DateOnly(1868, 1, 1); date.Year <= 2100; date = date.AddDays(1))
        {
            var text = JapaneseDate.Format(date);
            var result = JapaneseDate.Parse(text);
            Assert.True(result.Success && result.Value == date && result.Messages.Count == 0, text);
        }
    }

    [Property(MaxTest = 2000)]
    public void Parse_AnyString_NeverThrows(string? text)
    {
        var result = JapaneseDate.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.Equal(result.Value, JapaneseDate.Parse(JapaneseDate.Format(result.Value)).Value);
        }
    }

    [Property(MaxTest = 5000, Arbitrary = [typeof(DateLikeText)])]
    public void Parse_DateLikeString_NeverThrowsAndRoundTrips(string text)
    {
        var result = JapaneseDate.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.Equal(result.Value, JapaneseDate.Parse(JapaneseDate.Format(result.Value)).Value);
        }
    }
}
