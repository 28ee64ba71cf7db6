using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Time;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Properties;

/// <summary>Properties of the KPI value parser over generated input.</summary>
public class KpiValueProperties
{
    // Characters people type in KPI cells, so that generated strings reach deep into the parser.
    private static readonly char[] CellChars =
        "0123456789０１２３４５６７８９,，.．/／%％()（）【】「」:：~～、 \n－―ー-▲+約延べ件人千万億枚円時間団体県市町村計月年度日末現在時点実績累計令和平成元HR不明停止進捗管理増加減少維持目指す以上".ToCharArray();

    public static Arbitrary<string> CellLikeText() =>
        Gen.Elements(CellChars).ArrayOf().Select(cs => new string(cs)).ToArbitrary();

    [Property(MaxTest = 2000)]
    public void Parse_NeverThrows_OnAnyString(string? text)
    {
        var result = KpiValue.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            Assert.True(Enum.IsDefined(result.Value.Kind), $"「{text}」: kind {result.Value.Kind}");
        }
    }

    [Property(MaxTest = 5000, Arbitrary = [typeof(KpiValueProperties)])]
    public void Parse_NeverThrows_OnCellLikeText(string text)
    {
        var result = KpiValue.Parse(text);
        ParseAssert.ValueOrJapaneseErrors(result, text);
        if (result.Success)
        {
            // Whatever was read can be printed and evaluated without throwing.
            _ = result.Value.ToString();
            _ = Evaluator.Evaluate(new ReportValues(result.Value, result.Value, result.Value, result.Value, result.Value), Direction.Increase);
        }
    }

    [Property(MaxTest = 3000, Arbitrary = [typeof(ValueGenerators)])]
    public void Format_ThenParse_GivesTheSameValue(KpiValue value)
    {
        var text = value.ToString();
        var parsed = KpiValue.Parse(text);
        Assert.True(parsed.Success, $"「{text}」: {string.Join(" / ", parsed.Messages)}");
        Assert.True(value.Equals(parsed.Value), $"「{text}」 → 「{parsed.Value}」");
    }
}

/// <summary>Generators of KPI values as the report writes them.</summary>
public static class ValueGenerators
{
    private static readonly string[] Units = ["件", "人", "名", "回", "時間", "団体", "箇所", "事業所", "戸", "校", "手続", "項目", "日", "a", "kW", "枚", "千枚", "円", "千円", "件/月", "%", "地図", "施設", ""];
    private static readonly string[] Labels = ["教員", "在宅勤務実施者数", "【県民向け】", "主催", "特別非常勤講師"];
    private static readonly string[] AsOfNotes = ["令和2年12月末現在", "令和2年12月1日現在", "令和2年11月時点", "H30実績", "令和元年度", "平成31年3月31日", "令和3年4月1日"];
    private static readonly string[] Kinds = ["市町村", "林業事業体", "企業"];
    private static readonly string[] States = ["未整備", "全施設公開", "相談窓口等の設置"];
    private static readonly QuantityQualifiers[] Qualifiers =
        [QuantityQualifiers.None, QuantityQualifiers.Approximate, QuantityQualifiers.Cumulative, QuantityQualifiers.AtLeast, QuantityQualifiers.Approximate | QuantityQualifiers.Cumulative];

    private static Gen<decimal> Numbers =>
        from whole in Gen.Choose(0, int.MaxValue)
        from scale in Gen.Choose(0, 3)
        from fraction in Gen.Choose(0, 999)
        select scale == 0 ? whole : whole + (fraction % (int)Math.Pow(10, scale)) / (decimal)Math.Pow(10, scale);

    private static Gen<AsOf?> AsOfs =>
        Gen.Elements(AsOfNotes).Select(t => (AsOf?)AsOf.Parse(t).Value).Or(Gen.Constant<AsOf?>(null));

    private static Gen<Quantity> Quantities =>
        from number in Numbers
        from unit in Gen.Elements(Units)
        from qualifiers in Gen.Elements(Qualifiers)
        select new Quantity(number, new Unit(unit), qualifiers);

    private static Gen<KpiValue> Values =>
        Gen.OneOf(
            from q in Quantities
            from label in Gen.Elements(Labels).Or(Gen.Constant<string>(null!))
            from asOf in AsOfs
            select (KpiValue)new Quantity(q.Number, q.Unit, q.Qualifiers, label, asOf),
            from n in Gen.Choose(0, 100000)
            from d in Gen.Choose(1, 100000)
            from asOf in AsOfs
            select (KpiValue)new Ratio(n, d, Unit.None, null, asOf),
            from counts in Gen.Choose(1, 60).ArrayOf().Where(a => a.Length is >= 1 and <= 3)
            select (KpiValue)new Composite(
                [new Quantity(1, new Unit("県"), QuantityQualifiers.Implicit), .. counts.Select((c, i) => new Quantity(c, new Unit(Kinds[i])))],
                isEnumeration: true),
            Gen.Elements(States).Select(s => (KpiValue)new StateValue(s)),
            Gen.Elements("増加を目指します。", "減少を目指す").Select(s => (KpiValue)KpiValue.Parse(s).Value),
            Gen.Constant((KpiValue)NoValue.Nothing));

    public static Arbitrary<KpiValue> KpiValues() => Values.ToArbitrary();

    private static Gen<T> Or<T>(this Gen<T> gen, Gen<T> other) => Gen.OneOf(gen, other);
}
