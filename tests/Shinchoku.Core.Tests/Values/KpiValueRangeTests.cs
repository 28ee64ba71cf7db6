using Shinchoku.Core.Parsing;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Values;

/// <summary>
/// Values are read exactly or refused with a message: within the documented range (absolute value under 10^15,
/// at most 6 decimal places) nothing is rounded, outside it nothing is stored, and no sign or point is guessed away.
/// </summary>
public class KpiValueRangeTests
{
    [Theory]
    [InlineData(".5件", "0.5")]
    [InlineData("-.5件", "-0.5")]
    [InlineData("．５件", "0.5")]
    [InlineData("-5件", "-5")]
    [InlineData("▲5件", "-5")]
    [InlineData("+5件", "5")]
    [InlineData("0.000001件", "0.000001")]
    [InlineData("0.100000%", "0.100000")]
    [InlineData("999,999,999,999,999件", "999999999999999")]
    [InlineData("999999999999999.999999円", "999999999999999.999999")]
    [InlineData("-999,999,999,999,999件", "-999999999999999")]
    [InlineData("9,999,999億円", "9999999")]
    [InlineData("000,000,000,000,000,001件", "1")]
    public void Parse_WithinTheRange_ReadsTheNumberExactly(string text, string expected)
    {
        var result = KpiValue.Parse(text);
        Assert.True(result.Success, string.Join(" / ", result.Messages));
        var q = Assert.IsType<Quantity>(result.Value);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), q.Number);
        Assert.Null(q.Label);
    }

    [Theory]
    [InlineData("79228162514264337593543950335件")]          // decimal.MaxValue
    [InlineData("79,228,162,514,264,337,593,543,950,335件")]
    [InlineData("1,000,000,000,000,000件")]                  // 10^15
    [InlineData("-1000000000000000件")]
    [InlineData("100000000000000000000000000000000000件")]   // beyond decimal
    [InlineData("0.0000000000000000000000000000001件")]      // would round to 0.0
    [InlineData("0.0000001件")]                             // 7 places
    [InlineData("16.90000000000001%")]                      // a pasted float
    [InlineData("10,000,000億円")]                           // 10^15 after the multiplier
    [InlineData("1,000,000,000,000千円")]
    [InlineData("999999999999999/0.000001")]               // a ratio standing for 10^21
    [InlineData("1/0.0000001")]
    [InlineData("県、999,999,999,999,999市町村、1企業")]       // a total of 10^15 + 1
    [InlineData("約79228162514264337593543950335件（令和2年12月末現在）")]
    public void Parse_OutsideTheRange_IsRefusedWithAMessage(string text)
    {
        var result = KpiValue.Parse(text);
        Assert.False(result.Success, $"「{text}」 was read as 「{(result.Success ? result.Value.ToString() : "")}」");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ParseProblem.OutOfRange, error.Problem);
        Assert.Contains("1,000兆", error.Message, StringComparison.Ordinal);
        Assert.Contains("6桁", error.Message, StringComparison.Ordinal);
        Assert.Contains("「" + text[..Math.Min(20, text.Length)], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--5件")]
    [InlineData("+-5件")]
    [InlineData("-+5件")]
    [InlineData("▲-5件")]
    [InlineData("..5件")]
    [InlineData(".-5件")]
    [InlineData("延べ-5人")]
    [InlineData("約.5件")]
    [InlineData("実績 --5件")]
    public void Parse_StraySignsOrPoints_AreRefusedNotStripped(string text)
    {
        var result = KpiValue.Parse(text);
        Assert.False(result.Success, $"「{text}」 was read as 「{(result.Success ? result.Value.ToString() : "")}」");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ParseProblem.MalformedNumber, error.Problem);
        Assert.Contains("「" + text + "」", error.Message, StringComparison.Ordinal);
        Assert.Contains("推測はしません", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1E+20")]          // what the xlsx reader gives for a General-format cell holding 10^20
    [InlineData("1.5E-07")]
    [InlineData("2e3件")]
    [InlineData("約1E+20件（令和2年12月末現在）")]
    public void Parse_ExponentNotation_IsRefusedNotReadAsAUnit(string text)
    {
        var result = KpiValue.Parse(text);
        Assert.False(result.Success, $"「{text}」 was read as 「{(result.Success ? result.Value.ToString() : "")}」");
        Assert.Contains(result.Errors, e => e.Problem == ParseProblem.MalformedNumber && e.Message.Contains("指数表記", StringComparison.Ordinal));
    }

    [Fact]
    public void Range_IsWhatTheDocumentationSays()
    {
        Assert.Equal(1_000_000_000_000_000m, KpiValue.MaxMagnitude);
        Assert.Equal(6, KpiValue.MaxDecimalPlaces);
        Assert.True(KpiValue.Parse("999,999,999,999,999.999999件").Success);
        Assert.False(KpiValue.Parse("999,999,999,999,999.9999999件").Success);
    }
}
