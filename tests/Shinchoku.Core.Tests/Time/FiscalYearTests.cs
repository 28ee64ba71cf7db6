using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shinchoku.Core.Parsing;
using Shinchoku.Core.Time;
using Xunit;

namespace Shinchoku.Core.Tests.Time;

public sealed class FiscalYearTests
{
    [Theory]
    [InlineData(1867)]
    [InlineData(9999)]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    public void Construction_OutOfRange_ThrowsNamingStartYear(int startYear)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(startYear));
        Assert.Equal("startYear", ex.ParamName);
    }

    [Fact]
    public void Construction_Default_IsFirstFiscalYearInRange()
    {
        Assert.Equal(FiscalYear.MinValue, default);
        Assert.Equal(1868, default(FiscalYear).StartYear);
    }

    [Fact]
    public void FirstAndLastDay_Fy2020_AreAprilFirstAndMarch31()
    {
        var fy = new FiscalYear(2020);
        Assert.Equal(new DateOnly(2020, 4, 1), fy.FirstDay);
        Assert.Equal(new DateOnly(2021, 3, 31), fy.LastDay);
    }

    [Theory]
    [InlineData(2020, 3, 31, false)]
    [InlineData(2020, 4, 1, true)]
    [InlineData(2021, 3, 31, true)]
    [InlineData(2021, 4, 1, false)]
    [InlineData(2020, 12, 31, true)]
    [InlineData(2021, 1, 1, true)]
    public void Contains_Boundaries_IncludeBothEnds(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, new FiscalYear(2020).Contains(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2020, 3, 31, 2019)]
    [InlineData(2020, 4, 1, 2020)]
    [InlineData(2021, 3, 31, 2020)]
    [InlineData(2019, 4, 30, 2019)]
    [InlineData(2019, 5, 1, 2019)]
    [InlineData(1868, 4, 1, 1868)]
    [InlineData(9999, 3, 31, 9998)]
    public void Of_Date_IsFiscalYearContainingIt(int year, int month, int day, int expectedStartYear)
    {
        var date = new DateOnly(year, month, day);
        var fy = FiscalYear.Of(date);
        Assert.Equal(expectedStartYear, fy.StartYear);
        Assert.True(fy.Contains(date));
    }

    [Theory]
    [InlineData(1868, 3, 31)]
    [InlineData(9999, 4, 1)]
    public void Of_DateOutsideRange_Throws(int year, int month, int day) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.Of(new DateOnly(year, month, day)));

    [Fact]
    public void NextPreviousPlusYears_MoveByYears()
    {
        var fy = new FiscalYear(2020);
        Assert.Equal(new FiscalYear(2021), fy.Next());
        Assert.Equal(new FiscalYear(2019), fy.Previous());
        Assert.Equal(new FiscalYear(2025), fy.PlusYears(5));
        Assert.Equal(new FiscalYear(2010), fy.PlusYears(-10));
    }

    [Fact]
    public void PlusYears_BeyondRange_ThrowsNamingYears()
    {
        Assert.Equal("years", Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.MaxValue.Next()).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.MinValue.Previous());
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.MinValue.PlusYears(int.MinValue));
    }

    [Fact]
    public void EqualityAndComparison_FollowStartYear()
    {
        var a = new FiscalYear(2019);
        var b = new FiscalYear(2020);
        Assert.True(a < b);
        Assert.True(a <= b);
        Assert.True(b > a);
        Assert.True(b >= a);
        Assert.True(a != b);
        Assert.True(a == new FiscalYear(2019));
        Assert.True(a.Equals((object)new FiscalYear(2019)));
        Assert.False(a.Equals("2019"));
        Assert.Equal(a.GetHashCode(), new FiscalYear(2019).GetHashCode());
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(((IComparable)b).CompareTo(a) > 0);
        Assert.True(((IComparable)b).CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => ((IComparable)b).CompareTo(2020));
    }

    [Theory]
    [InlineData(2020, "令和2年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    [InlineData(1927, "昭和2年度")]
    [InlineData(1926, "大正15年度")]
    [InlineData(1913, "大正2年度")]
    [InlineData(1912, "明治45年度")]
    [InlineData(1868, "明治元年度")]
    [InlineData(2118, "令和100年度")]
    public void ToString_NamesFiscalYearInEraOfItsFirstDay(int startYear, string expected) =>
        Assert.Equal(expected, new FiscalYear(startYear).ToString());

    [Fact]
    public void EraAndEraYear_Fy2019_AreReiwaOne()
    {
        var fy = new FiscalYear(2019);
        Assert.Same(JapaneseEra.Reiwa, fy.Era);
        Assert.Equal(1, fy.EraYear);
    }

    [Fact]
    public void ToEnglishString_WritesFy() => Assert.Equal("FY2020", new FiscalYear(2020).ToEnglishString());

    [Theory]
    [InlineData("令和2年度", 2020)]
    [InlineData("令和２年度", 2020)]
    [InlineData("令和元年度", 2019)]
    [InlineData("令和二年度", 2020)]
    [InlineData("令和十二年度", 2030)]
    [InlineData("平成三十年度", 2018)]
    [InlineData("平成30年度", 2018)]
    [InlineData("平成31年度", 2019)]
    [InlineData("平成元年度", 1989)]
    [InlineData("昭和63年度", 1988)]
    [InlineData("明治45年度", 1912)]
    [InlineData("大正元年度", 1912)]
    [InlineData("R2", 2020)]
    [InlineData("R2年度", 2020)]
    [InlineData("R元年度", 2019)]
    [InlineData("R元", 2019)]
    [InlineData("R02", 2020)]
    [InlineData("H30", 2018)]
    [InlineData("H30年度", 2018)]
    [InlineData("h30", 2018)]
    [InlineData("S63", 1988)]
    [InlineData("r2", 2020)]
    [InlineData("Ｒ２", 2020)]
    [InlineData("ｒ２年度", 2020)]
    [InlineData("2020年度", 2020)]
    [InlineData("２０２０年度", 2020)]
    [InlineData("FY2020", 2020)]
    [InlineData("fy2020", 2020)]
    [InlineData("FY 2020", 2020)]
    [InlineData("ＦＹ２０２０", 2020)]
    [InlineData("2020", 2020)]
    [InlineData("  令和2年度  ", 2020)]
    [InlineData("\u3000R2\u3000", 2020)]
    [InlineData("令和 2 年度", 2020)]
    [InlineData("令和100年度", 2118)]
    [InlineData("1868年度", 1868)]
    [InlineData("9998年度", 9998)]
    public void Parse_KnownForms_ReadsFiscalYear(string text, int expectedStartYear)
    {
        var result = FiscalYear.Parse(text);
        Assert.True(result.Success, string.Join(" / ", result.Messages));
        Assert.Equal(expectedStartYear, result.Value.StartYear);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Parse_FullWidthDigits_ReadsFiscalYear() => Assert.Equal(new FiscalYear(2020), FiscalYear.Parse("令和２年度").Value);

    [Fact]
    public void Parse_KanjiNumerals_ReadsFiscalYear() => Assert.Equal(new FiscalYear(2020), FiscalYear.Parse("令和二年度").Value);

    [Fact]
    public void Parse_Heisei31_IsReiwaGannen() => Assert.Equal(FiscalYear.Parse("令和元年度").Value, FiscalYear.Parse("平成31年度").Value);

    [Theory]
    [InlineData("平成32年度", 2020, "令和2年度")]
    [InlineData("平成41年度", 2029, "令和11年度")]
    [InlineData("H32", 2020, "令和2年度")]
    [InlineData("昭和64年度", 1989, "平成元年度")]
    [InlineData("大正16年度", 1927, "昭和2年度")]
    public void Parse_EndedEraUsedLater_ReadsWithDateOutsideEraWarning(string text, int expectedStartYear, string correctName)
    {
        var result = FiscalYear.Parse(text);
        Assert.True(result.Success);
        Assert.Equal(expectedStartYear, result.Value.StartYear);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ParseProblem.DateOutsideEra, warning.Problem);
        Assert.Contains($"「{text}」は{correctName}です", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", ParseProblem.Empty)]
    [InlineData("   ", ParseProblem.Empty)]
    [InlineData(null, ParseProblem.Empty)]
    [InlineData("令和0年度", ParseProblem.InvalidDate)]
    [InlineData("R0", ParseProblem.InvalidDate)]
    [InlineData("平成50年度", ParseProblem.InvalidDate)]
    [InlineData("平成42年度", ParseProblem.InvalidDate)]
    [InlineData("1867年度", ParseProblem.InvalidDate)]
    [InlineData("9999年度", ParseProblem.InvalidDate)]
    [InlineData("FY9999", ParseProblem.InvalidDate)]
    [InlineData("R99999999999", ParseProblem.InvalidDate)]
    [InlineData("令和2", ParseProblem.IncompleteDate)]
    [InlineData("令和2年度末", ParseProblem.TrailingText)]
    [InlineData("2020年度実績", ParseProblem.TrailingText)]
    [InlineData("令和2年", ParseProblem.Unrecognised)]
    [InlineData("2020年", ParseProblem.Unrecognised)]
    [InlineData("令和2年12月", ParseProblem.Unrecognised)]
    [InlineData("令和", ParseProblem.Unrecognised)]
    [InlineData("令和の取組", ParseProblem.Unrecognised)]
    [InlineData("R 2", ParseProblem.Unrecognised)]
    [InlineData("FY20", ParseProblem.Unrecognised)]
    [InlineData("20", ParseProblem.Unrecognised)]
    [InlineData("20200", ParseProblem.Unrecognised)]
    [InlineData("過去5年の平均値", ParseProblem.Unrecognised)]
    [InlineData("X2", ParseProblem.Unrecognised)]
    [InlineData("年度", ParseProblem.Unrecognised)]
    public void Parse_Invalid_FailsWithProblem(string? text, ParseProblem expected)
    {
        var result = FiscalYear.Parse(text);
        Assert.False(result.Success);
        Assert.Equal(expected, Assert.Single(result.Errors).Problem);
    }

    [Fact]
    public void Parse_EraYearZero_MessageQuotesTextInJapanese()
    {
        var error = Assert.Single(FiscalYear.Parse(" 令和０年度 ").Errors);
        Assert.Equal("「令和０年度」の年が正しくありません（令和は元年（1年）から始まります）。", error.Message);
    }

    [Fact]
    public void Parse_FarBeyondEndedEra_MessageNamesLastYear()
    {
        var error = Assert.Single(FiscalYear.Parse("平成50年度").Errors);
        Assert.Equal("「平成50年度」の年が正しくありません（平成は31年まで）。", error.Message);
    }

    [Fact]
    public void Parse_EveryFiscalYear_RoundTripsThroughBothForms()
    {
        for (var year = FiscalYear.MinStartYear; year <= FiscalYear.MaxStartYear; year++)
        {
            var fy = new FiscalYear(year);
            var japanese = FiscalYear.Parse(fy.ToString());
            Assert.True(japanese.Success && japanese.Value == fy && japanese.Messages.Count == 0, fy.ToString());
            Assert.Equal(fy, FiscalYear.Parse(fy.ToEnglishString()).Value);
        }
    }

    [Property(MaxTest = 2000)]
    public void Parse_AnyString_NeverThrows(string? text)
    {
        var result = FiscalYear.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.Equal(result.Value, FiscalYear.Parse(result.Value.ToString()).Value);
        }
    }

    [Property(MaxTest = 5000, Arbitrary = [typeof(DateLikeText)])]
    public void Parse_DateLikeString_NeverThrowsAndRoundTrips(string text)
    {
        var result = FiscalYear.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.Equal(result.Value, FiscalYear.Parse(result.Value.ToString()).Value);
        }
    }
}

/// <summary>
/// Strings made of the pieces dates are written with, half of them shaped like a note (bracket, era, year, month,
/// day, 末, word, bracket) with odd values, so that properties reach deep into the parsers.
/// </summary>
public static class DateLikeText
{
    private static readonly string[] Pieces =
    [
        "令和", "平成", "昭和", "大正", "明治", "令", "和", "元", "年", "度", "月", "日", "末", "現在", "時点", "実績", "累計",
        "R", "H", "S", "T", "M", "r", "Ｒ", "FY", "fy", "F", "0", "1", "2", "3", "9", "12", "13", "30", "31", "99", "2020", "1868",
        "9999", "０", "１", "２", "二", "十", "〇", ".", "/", "-", "~", "～", "〜", "(", ")", "（", "）", " ", "\u3000", "見込", "\uD800",
    ];

    // Each slot lists usual choices first and odd ones after; most picks are usual, so that many strings parse.
    private static readonly (string[] Usual, string[] Odd)[] Slots =
    [
        (["(", "（", ""], [" ( ", ")"]),
        (["令和", "平成", "R", "H", ""], ["昭和", "大正", "明治", "S", "r", "Ｒ", "FY", "令和 ", "M"]),
        (["元", "2", "12", "30", "31", "2020"], ["0", "２", "32", "41", "42", "45", "64", "99", "100", "二", "十二", "2019", "1868", "9998", "9999", "99999999999"]),
        (["年", "年度", ""], [".", "/", "年 "]),
        (["", "1", "4", "12"], ["2", "5", "13", "0", "１２", "十二", "11"]),
        (["月"], ["", ".", "/"]),
        (["", "1", "28"], ["7", "8", "29", "30", "31", "32", "0"]),
        (["日"], [""]),
    ];

    private static readonly (string[] Usual, string[] Odd)[] Tail =
    [
        (["", "末"], ["末日", " 末"]),
        (["", "現在", "時点", "実績", "累計"], ["見込", "現在時点"]),
        ([")", "）", ""], ["))"]),
    ];

    /// <summary>The arbitrary FsCheck uses for string parameters of properties that name this class.</summary>
    public static Arbitrary<string> Strings() => Gen.Frequency(
            (1, Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts))),
            (3, Gen.Choose(0, int.MaxValue).Select(Shaped)))
        .ToArbitrary();

    private static string Shaped(int seed)
    {
        var random = new Random(seed);
        var text = Pick(random, Slots, 0);
        if (random.Next(4) == 0)
        {
            text += (random.Next(3) switch { 0 => "～", 1 => "~", _ => "〜" }) + Pick(random, Slots, 1);
        }

        return text + Pick(random, Tail, 0);
    }

    private static string Pick(Random random, (string[] Usual, string[] Odd)[] slots, int from)
    {
        var text = "";
        for (var i = from; i < slots.Length; i++)
        {
            var (usual, odd) = slots[i];
            text += random.Next(6) == 0 ? odd[random.Next(odd.Length)] : usual[random.Next(usual.Length)];
        }

        return text;
    }
}
