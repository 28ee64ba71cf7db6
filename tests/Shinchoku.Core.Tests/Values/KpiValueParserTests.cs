using Shinchoku.Core.Parsing;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Time;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Values;

public class KpiValueParserTests
{
    [Theory]
    [InlineData("1,095,825件", 1095825, "件")]
    [InlineData("405，823千枚", 405823, "千枚")]
    [InlineData("１，０００人", 1000, "人")]
    [InlineData("16.9％", 16.9, "%")]
    [InlineData("0.58%", 0.58, "%")]
    [InlineData("443,555kW", 443555, "kW")]
    [InlineData("404a", 404, "a")]
    [InlineData("449日", 449, "日")]
    [InlineData("65,667件/月", 65667, "件/月")]
    [InlineData("0件/年", 0, "件/年")]
    [InlineData("98手続", 98, "手続")]
    [InlineData("6項目", 6, "項目")]
    [InlineData("3市町", 3, "市町")]
    [InlineData("120事業所", 120, "事業所")]
    [InlineData("5,000千円", 5000, "千円")]
    [InlineData("19,570", 19570, "")]
    [InlineData("93地図", 93, "地図")]
    public void Parse_NumberWithUnit_ReadsQuantity(string text, double number, string unit)
    {
        var q = Assert.IsType<Quantity>(KpiValue.Parse(text).Value);
        Assert.Equal((decimal)number, q.Number);
        Assert.Equal(unit, q.Unit.Text);
    }

    [Fact]
    public void Parse_ThousandSheets_ComparesAsSheets()
    {
        var q = Assert.IsType<Quantity>(KpiValue.Parse("405，823千枚").Value);
        Assert.Equal(405_823_000m, q.Magnitude);
        Assert.Equal("枚", q.Unit.BaseText);
    }

    [Theory]
    [InlineData("約2,500時間", QuantityQualifiers.Approximate)]
    [InlineData("延8,341人", QuantityQualifiers.Cumulative)]
    [InlineData("延べ8,341人", QuantityQualifiers.Cumulative)]
    [InlineData("100%以上", QuantityQualifiers.AtLeast)]
    [InlineData("10人程度", QuantityQualifiers.About)]
    public void Parse_Qualifiers_AreKept(string text, QuantityQualifiers expected)
    {
        var q = Assert.IsType<Quantity>(KpiValue.Parse(text).Value);
        Assert.Equal(expected, q.Qualifiers);
    }

    [Theory]
    [InlineData("延15,3728人")]
    [InlineData("1,00人")]
    [InlineData("12,3456件")]
    [InlineData("1234,567件")]
    public void Parse_MisplacedDigitGroup_IsRefusedNotGuessed(string text)
    {
        var result = KpiValue.Parse(text);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ParseProblem.DigitGrouping, error.Problem);
        Assert.Contains("「" + text + "」", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2.3件", ParseProblem.MalformedNumber)]
    [InlineData("5/0", ParseProblem.InvalidRatio)]
    [InlineData("(令和2年12月末現在)", ParseProblem.Empty)]
    public void Parse_BadNumbers_FailWithProblem(string text, ParseProblem problem)
    {
        var result = KpiValue.Parse(text);
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Problem == problem);
    }

    [Fact]
    public void Parse_Ratio_ComparesAsFraction()
    {
        var r = Assert.IsType<Ratio>(KpiValue.Parse("209/447").Value);
        Assert.Equal(209m, r.Numerator);
        Assert.Equal(447m, r.Denominator);
        Assert.True(r.TryGetMagnitude(Unit.None, out var fraction, out _));
        Assert.Equal(209m / 447m, fraction);
        Assert.True(r.TryGetMagnitude(Unit.Percent, out var percent, out _));
        Assert.Equal(209m / 447m * 100m, percent);
    }

    [Fact]
    public void Parse_CountOfSeveralKinds_TotalsBodiesAndKeepsParts()
    {
        var c = Assert.IsType<Composite>(KpiValue.Parse("県、52市町村、1林業事業体").Value);
        Assert.True(c.IsEnumeration);
        Assert.Equal(["県", "市町村", "林業事業体"], c.Parts.Select(p => p.Unit.Text));
        Assert.Equal(54m, c.Total!.Number);
        Assert.Equal("県、52市町村、1林業事業体", c.ToString());
    }

    [Fact]
    public void Parse_MultiPartCell_UsesStatedTotalAndKeepsParts()
    {
        var c = Assert.IsType<Composite>(KpiValue.Parse("4～5月：57,891人 6～12月：7,900人 （4～12月計：65,791人）").Value);
        Assert.Equal([57891m, 7900m], c.Parts.Select(p => p.Number));
        Assert.Equal(["4~5月", "6~12月"], c.Parts.Select(p => p.Label));
        Assert.Equal(65791m, c.StatedTotal!.Number);
        Assert.Equal(65791m, c.Total!.Number);
    }

    [Fact]
    public void Parse_StatedTotalDisagreeingWithParts_WarnsAndUsesStatedTotal()
    {
        var result = KpiValue.Parse("4～5月：100人 6～12月：50人 （4～12月計：160人）");
        Assert.True(result.Success);
        Assert.Contains(result.Warnings, w => w.Problem == ParseProblem.TotalMismatch);
        Assert.Equal(160m, ((Composite)result.Value).Total!.Number);
    }

    [Fact]
    public void Parse_PartsOfDifferentMeasures_ComparesThePartInTheTargetUnit()
    {
        var c = Assert.IsType<Composite>(KpiValue.Parse("主催6,576回\n延べ参加人数\n36,503人\n（令和2年12月）").Value);
        Assert.Null(c.Total);
        Assert.True(c.TryGetMagnitude(new Unit("人"), out var people, out _));
        Assert.Equal(36503m, people);
        Assert.False(c.TryGetMagnitude(new Unit("件"), out _, out _));
        Assert.Equal(AsOfKind.Month, c.AsOf!.Kind);
    }

    [Theory]
    [InlineData("37%（20団体）", "20団体")]
    [InlineData("80%（試験課題数11）", "試験課題数11")]
    [InlineData("12人（見込）", "見込")]
    [InlineData("89.0%\n（過去5年の平均値）", "過去5年の平均値")]
    public void Parse_ParentheticalNotes_AreKept(string text, string note)
    {
        var value = KpiValue.Parse(text).Value;
        Assert.Equal([note], value.Notes);
    }

    [Theory]
    [InlineData("【県民向け】50%", "【県民向け】")]
    [InlineData("（電子申請）\n県含む21団体", "(電子申請) 県含む")]
    [InlineData("教員25名", "教員")]
    public void Parse_Labels_AreKept(string text, string label)
    {
        Assert.Equal(label, KpiValue.Parse(text).Value.Label);
    }

    [Theory]
    [InlineData("1,095,825件\n(令和元年11月現在)", 2019, 11, 30)]
    [InlineData("209/447\n（令和2年12月1日現在）", 2020, 12, 1)]
    [InlineData("60.6%\n(令和2年12月時点)", 2020, 12, 31)]
    [InlineData("1.29%\n（3878人：令和2年12月）", 2020, 12, 31)]
    [InlineData("2,662件\n(H30実績)", 2019, 3, 31)]
    [InlineData("60.6% 令和2年12月時点", 2020, 12, 31)]
    public void Parse_AsOfNote_IsReadBesideTheValue(string text, int year, int month, int day)
    {
        var value = KpiValue.Parse(text).Value;
        Assert.NotNull(value.AsOf);
        Assert.Equal(new DateOnly(year, month, day), value.AsOf.End);
    }

    [Fact]
    public void Parse_NoteWithDate_KeepsTheRestAsNote()
    {
        var value = KpiValue.Parse("1.29%\n（3878人：令和2年12月）").Value;
        Assert.Equal(["3878人"], value.Notes);
    }

    [Fact]
    public void Parse_UnbalancedBracket_IsReadWithWarning()
    {
        var result = KpiValue.Parse("60.6%(令和2年12月時点");
        Assert.True(result.Success);
        Assert.Contains(result.Warnings, w => w.Problem == ParseProblem.UnbalancedBracket);
        Assert.NotNull(result.Value.AsOf);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("－")]
    [InlineData("―")]
    [InlineData("ー")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData(null)]
    public void Parse_Dashes_AreNothing(string? text)
    {
        Assert.Equal(KpiValueKind.Nothing, KpiValue.Parse(text).Value.Kind);
    }

    [Theory]
    [InlineData("不明")]
    [InlineData("算出不可")]
    [InlineData("調査中")]
    [InlineData("構築中のため未定")]
    [InlineData("今年度の状況については来年度当初に調査の予定")]
    public void Parse_UnknownStatements_KeepTheReason(string text)
    {
        var value = Assert.IsType<NoValue>(KpiValue.Parse(text).Value);
        Assert.Equal(KpiValueKind.Unknown, value.Kind);
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData("進捗管理を停止している")]
    [InlineData("進捗管理の停止")]
    public void Parse_SuspendedReporting_IsSuspended(string text)
    {
        Assert.Equal(KpiValueKind.Suspended, KpiValue.Parse(text).Value.Kind);
    }

    [Theory]
    [InlineData("増加を目指します。", Direction.Increase)]
    [InlineData("増加を目指します", Direction.Increase)]
    [InlineData("減少を目指す", Direction.Decrease)]
    [InlineData("維持", Direction.Maintain)]
    [InlineData("現状維持", Direction.Maintain)]
    public void Parse_DirectionOnlyTargets_NameTheirDirection(string text, Direction direction)
    {
        var goal = Assert.IsType<DirectionGoal>(KpiValue.Parse(text).Value);
        Assert.Equal(direction, goal.Direction);
    }

    [Theory]
    [InlineData("未整備")]
    [InlineData("全施設公開")]
    [InlineData("相談窓口等の設置")]
    public void Parse_States_AreKeptAsWritten(string text)
    {
        var state = Assert.IsType<StateValue>(KpiValue.Parse(text).Value);
        Assert.Equal(text, state.Text);
    }

    [Fact]
    public void Parse_TextAfterValue_IsKeptAsNoteWithWarning()
    {
        var result = KpiValue.Parse("1校\n内容の充実に努めます");
        Assert.Equal(1m, ((Quantity)result.Value).Number);
        Assert.Equal(["内容の充実に努めます"], result.Value.Notes);
        Assert.Contains(result.Warnings, w => w.Problem == ParseProblem.TrailingText);
    }

    [Theory]
    [InlineData("1,095,825件\n(令和元年11月現在)", "1,095,825件（令和元年11月現在）")]
    [InlineData("405，823千枚", "405,823千枚")]
    [InlineData("約2,500時間", "約2,500時間")]
    [InlineData("延8,341人", "延8,341人")]
    [InlineData("86.50%", "86.50%")]
    [InlineData("59/465", "59/465")]
    [InlineData("－", "－")]
    [InlineData("37%（20団体）", "37%（20団体）")]
    [InlineData("4～5月：57,891人 6～12月：7,900人 （4～12月計：65,791人）", "4~5月：57,891人 6~12月：7,900人 （4~12月計：65,791人）")]
    public void Format_PrintsValueAsTheReportWritesIt(string text, string printed)
    {
        Assert.Equal(printed, KpiValue.Parse(text).Value.ToString());
    }

    [Fact]
    public void Parse_SameValueWrittenDifferently_IsEqual()
    {
        Assert.Equal(KpiValue.Parse("405，823千枚").Value, KpiValue.Parse("405,823千枚").Value);
        Assert.Equal(KpiValue.Parse("16.9％").Value, KpiValue.Parse("16.9%").Value);
        Assert.NotEqual(KpiValue.Parse("16.9%").Value, KpiValue.Parse("16.9人").Value);
    }
}
