using Shinchoku.Core.Strategy;

namespace Shinchoku.Core.Tests.Strategy;

public class StrategyValueTests
{
    [Theory]
    [InlineData("120006", "120006", true)]   // 千葉県
    [InlineData("12000", "120006", true)]
    [InlineData("121002", "121002", false)]  // 千葉市
    [InlineData("１２０００６", "120006", true)]
    [InlineData("131016", "131016", false)]  // 千代田区
    public void LocalGovernmentCode_Parse_VerifiesCheckDigit(string text, string expected, bool isPrefecture)
    {
        var code = LocalGovernmentCode.Parse(text).Value;
        Assert.Equal(expected, code.Value);
        Assert.Equal(isPrefecture, code.IsPrefecture);
    }

    [Theory]
    [InlineData("120007")]
    [InlineData("12000X")]
    [InlineData("480000")]
    [InlineData("")]
    public void LocalGovernmentCode_Parse_RefusesInvalidCodes(string text)
    {
        Assert.False(LocalGovernmentCode.Parse(text).Success);
    }

    [Theory]
    [InlineData("1.1", 1, 1)]
    [InlineData("1.1版", 1, 1)]
    [InlineData("第1.0版", 1, 0)]
    [InlineData("１．２版", 1, 2)]
    public void PlanVersion_Parse_ReadsLabels(string text, int major, int minor)
    {
        Assert.Equal(new PlanVersion(major, minor), PlanVersion.Parse(text).Value);
    }

    [Fact]
    public void PlanVersion_OrdersAndPrints()
    {
        Assert.True(new PlanVersion(1, 0) < new PlanVersion(1, 1));
        Assert.Equal("1.2版", new PlanVersion(1, 1).NextMinor().ToString());
        Assert.False(PlanVersion.Parse("版").Success);
    }
}
