using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Rules;

public class ProgressPercentTests
{
    [Theory]
    [InlineData("257.906", "25,790%")]   // the KPI sentence said 25,791% where the calculation said 25790%
    [InlineData("0.999", "99%")]         // never 100% for a ○
    [InlineData("0.4999", "49%")]        // never 50% for a △
    [InlineData("0.5", "50%")]
    [InlineData("1", "100%")]
    [InlineData("0", "0%")]
    [InlineData("-0.004", "0%")]         // not "-0%"
    [InlineData("-0.015", "-1%")]
    [InlineData("1234.5678", "123,456%")]
    public void Format_CutsTowardsZero_WithThousandsSeparators(string progress, string expected) =>
        Assert.Equal(expected, ProgressPercent.Format(decimal.Parse(progress, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0件", "257,906件", "1,000件", "25,790%")]
    [InlineData("0件", "999件", "1,000件", "99%")]
    [InlineData("31件", "39件", "41件", "80%")]
    public void Explain_UsesTheSameRule(string baseline, string projection, string target, string percent)
    {
        var values = new ReportValues(P(baseline), P("－"), P(projection), P(target));
        var e = Evaluator.Evaluate(new Indicator(), values);
        Assert.Contains("= " + percent + " →", Evaluator.Explain(values, e), StringComparison.Ordinal);
        Assert.Equal(percent, ProgressPercent.Format(e.Progress!.Value));

        static KpiValue P(string text) => KpiValue.Parse(text).Value;
    }
}
