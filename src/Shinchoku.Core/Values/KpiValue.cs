using System.Globalization;
using System.Text;
using Shinchoku.Core.Parsing;
using Shinchoku.Core.Time;

namespace Shinchoku.Core.Values;

/// <summary>What kind of thing a KPI cell holds.</summary>
public enum KpiValueKind
{
    /// <summary>Nothing was written (－, ―, ー, - or an empty cell).</summary>
    Nothing,

    /// <summary>A number with its unit (1,095,825件, 16.9％, 約2,500時間).</summary>
    Quantity,

    /// <summary>A ratio such as 209/447, compared as a fraction.</summary>
    Ratio,

    /// <summary>Several numbers in one cell: kinds counted together (県、52市町村) or parts with a total.</summary>
    Composite,

    /// <summary>A state in words (未整備, 全施設公開, 相談窓口等の設置).</summary>
    State,

    /// <summary>The value is not known (不明, 算出不可, 調査中); the reason text is kept.</summary>
    Unknown,

    /// <summary>Progress reporting was suspended for the indicator (進捗管理を停止している).</summary>
    Suspended,

    /// <summary>A target that gives a direction only (増加を目指します, 減少を目指す, 維持).</summary>
    DirectionGoal,
}

/// <summary>Qualifiers people write around a number; kept so the value prints back as written.</summary>
[Flags]
public enum QuantityQualifiers
{
    /// <summary>No qualifier.</summary>
    None = 0,

    /// <summary>約: approximately.</summary>
    Approximate = 1,

    /// <summary>延 or 延べ: a cumulative head-count (the same person counted on every occasion).</summary>
    Cumulative = 2,

    /// <summary>以上: at least.</summary>
    AtLeast = 4,

    /// <summary>以下: at most.</summary>
    AtMost = 8,

    /// <summary>未満: less than.</summary>
    LessThan = 16,

    /// <summary>超: more than.</summary>
    MoreThan = 32,

    /// <summary>程度: about (written after the number).</summary>
    About = 64,

    /// <summary>A kind named without a number in a count of several kinds (県 in 県、52市町村): one body.</summary>
    Implicit = 128,
}

/// <summary>
/// A KPI value as a person wrote it, parsed: the kind-specific part lives in the subclasses, and every value
/// keeps its label (【県民向け】, （電子申請）), its as-of note and its other notes, so nothing written is lost.
/// Values are immutable and compare by content; <see cref="ToString"/> prints them back the way the report does.
/// </summary>
public abstract class KpiValue : IEquatable<KpiValue>
{
    /// <summary>
    /// Numbers must be smaller than this in absolute value (10^15, 1,000兆), also after a unit's multiplier
    /// (5億円 is 500,000,000円). The largest figures a KPI needs are yen amounts of a prefecture or the
    /// nation (a prefectural budget is about 2兆円, 2×10^12), so this leaves ample room, while every sum,
    /// difference and progress ratio of accepted values stays far inside decimal's range (±7.9×10^28):
    /// (value − baseline) ÷ (target − baseline) is at most 2×10^15 ÷ 10^-6 = 2×10^21.
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>
    /// The most decimal places a number may be written with: 6. Reports print percentages to one or two
    /// places (0.58%); six leave room for rates per person without letting a pasted float (0.1 + 0.2 =
    /// 0.30000000000000004) or a value beyond decimal's precision be rounded silently: such text is refused.
    /// </summary>
    public const int MaxDecimalPlaces = 6;

    private static readonly string[] NoNotes = [];

    private protected KpiValue(string? label, AsOf? asOf, IReadOnlyList<string>? notes)
    {
        Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        AsOf = asOf;
        Notes = notes is null || notes.Count == 0 ? NoNotes : [.. notes];
    }

    /// <summary>What kind of value this is.</summary>
    public abstract KpiValueKind Kind { get; }

    /// <summary>Text written before the value that names it (在宅勤務実施者数, 【県民向け】, （電子申請）県含む), or null.</summary>
    public string? Label { get; }

    /// <summary>The as-of note written beside the value, or null.</summary>
    public AsOf? AsOf { get; }

    /// <summary>Notes written in brackets or after the value (（20団体）, （見込）), in order.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when the value has a number that can be compared (quantity, ratio, or composite with a total).</summary>
    public bool IsNumeric => Kind is KpiValueKind.Quantity or KpiValueKind.Ratio || (this is Composite c && c.Total is not null);

    /// <summary>Parses a cell as people write it; never throws. See <see cref="KpiValueParser"/>.</summary>
    public static ParseResult<KpiValue> Parse(string? text) => KpiValueParser.Parse(text);

    /// <summary>The value printed back the way the report writes it.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Label is not null)
        {
            sb.Append(Label).Append(LabelSeparator);
        }

        AppendBody(sb);
        foreach (var note in Notes)
        {
            sb.Append('（').Append(note).Append('）');
        }

        if (AsOf is not null)
        {
            sb.Append(AsOf.ToString());
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(KpiValue? other) =>
        other is not null
        && other.GetType() == GetType()
        && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && Equals(AsOf, other.AsOf)
        && Notes.SequenceEqual(other.Notes, StringComparer.Ordinal)
        && BodyEquals(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KpiValue);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Label, AsOf, Notes.Count, BodyHashCode());

    /// <summary>
    /// The number this value stands for when compared with another value in <paramref name="hint"/>'s unit:
    /// the quantity scaled by its unit's multiplier, the ratio as a fraction, a composite's total or its part
    /// in that unit. False when the value has no such number. Does not allocate.
    /// </summary>
    public virtual bool TryGetMagnitude(Unit hint, out decimal magnitude, out Unit unit)
    {
        magnitude = 0;
        unit = Unit.None;
        return false;
    }

    /// <summary>What stands between the label and the value when printed: a colon after 4～5月 or …計, so the label's number is not read as the value.</summary>
    private protected virtual string LabelSeparator => string.Empty;

    private protected abstract void AppendBody(StringBuilder sb);

    private protected abstract bool BodyEquals(KpiValue other);

    private protected abstract int BodyHashCode();

    /// <summary>Formats a number with thousands separators, keeping the decimals as written (86.50).</summary>
    internal static string FormatNumber(decimal number)
    {
        var scale = (decimal.GetBits(number)[3] >> 16) & 0xFF;
        return number.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

/// <summary>A number with its unit and qualifiers: 1,095,825件, 約2,500時間, 延8,341人, 405，823千枚, 16.9％.</summary>
public sealed class Quantity : KpiValue
{
    /// <summary>Creates a quantity.</summary>
    public Quantity(decimal number, Unit unit, QuantityQualifiers qualifiers = QuantityQualifiers.None,
        string? label = null, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
        : base(label, asOf, notes)
    {
        Number = number;
        Unit = unit;
        Qualifiers = qualifiers;
    }

    /// <inheritdoc />
    public override KpiValueKind Kind => KpiValueKind.Quantity;

    /// <summary>The number as written (405,823 for 405，823千枚).</summary>
    public decimal Number { get; }

    /// <summary>The unit as written.</summary>
    public Unit Unit { get; }

    /// <summary>約, 延, 以上 … as written.</summary>
    public QuantityQualifiers Qualifiers { get; }

    /// <summary>The number times the unit's multiplier (405,823,000 for 405，823千枚).</summary>
    public decimal Magnitude => Number * Unit.Scale;

    /// <inheritdoc />
    public override bool TryGetMagnitude(Unit hint, out decimal magnitude, out Unit unit)
    {
        magnitude = Magnitude;
        unit = Unit;
        return true;
    }

    private protected override string LabelSeparator =>
        Label is { Length: > 0 } l && (char.IsAsciiDigit(l[^1]) || l[^1] is '月' or '計' or '~' or '～' or '日' or '年') ? "：" : string.Empty;

    private protected override void AppendBody(StringBuilder sb)
    {
        if ((Qualifiers & QuantityQualifiers.Implicit) != 0)
        {
            sb.Append(Unit.Text);
            return;
        }

        if ((Qualifiers & QuantityQualifiers.Cumulative) != 0)
        {
            sb.Append('延');
        }

        if ((Qualifiers & QuantityQualifiers.Approximate) != 0)
        {
            sb.Append('約');
        }

        sb.Append(FormatNumber(Number)).Append(Unit.Text);
        foreach (var (flag, word) in KpiValueParser.SuffixQualifiers)
        {
            if ((Qualifiers & flag) != 0)
            {
                sb.Append(word);
            }
        }
    }

    private protected override bool BodyEquals(KpiValue other) =>
        other is Quantity q && q.Number == Number && q.Unit == Unit && q.Qualifiers == Qualifiers;

    private protected override int BodyHashCode() => HashCode.Combine(Number, Unit, Qualifiers);
}

/// <summary>A ratio such as 59/465 (59 of 465 offices), compared as the fraction it stands for.</summary>
public sealed class Ratio : KpiValue
{
    /// <summary>Creates a ratio; the denominator must be positive.</summary>
    public Ratio(decimal numerator, decimal denominator, Unit unit = default,
        string? label = null, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
        : base(label, asOf, notes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        Numerator = numerator;
        Denominator = denominator;
        Unit = unit.Text is null ? Unit.None : unit;
    }

    /// <inheritdoc />
    public override KpiValueKind Kind => KpiValueKind.Ratio;

    /// <summary>The number before the slash.</summary>
    public decimal Numerator { get; }

    /// <summary>The number after the slash.</summary>
    public decimal Denominator { get; }

    /// <summary>A unit written after the ratio, usually none.</summary>
    public Unit Unit { get; }

    /// <summary>The fraction numerator ÷ denominator.</summary>
    public decimal Fraction => Numerator / Denominator;

    /// <summary>Compared with a percentage the ratio reads as one (209/447 = 46.8%); otherwise as a fraction.</summary>
    public override bool TryGetMagnitude(Unit hint, out decimal magnitude, out Unit unit)
    {
        if (hint.IsPercent)
        {
            magnitude = Fraction * 100m;
            unit = Unit.Percent;
        }
        else
        {
            magnitude = Fraction;
            unit = Unit;
        }

        return true;
    }

    private protected override void AppendBody(StringBuilder sb) =>
        sb.Append(FormatNumber(Numerator)).Append('/').Append(FormatNumber(Denominator)).Append(Unit.Text);

    private protected override bool BodyEquals(KpiValue other) =>
        other is Ratio r && r.Numerator == Numerator && r.Denominator == Denominator && r.Unit == Unit;

    private protected override int BodyHashCode() => HashCode.Combine(Numerator, Denominator, Unit);
}

/// <summary>
/// Several numbers in one cell. Either a count of several kinds (県、52市町村、1林業事業体: 54 bodies,
/// <see cref="IsEnumeration"/>), or labelled parts with a stated total (4～5月：57,891人 6～12月：7,900人
/// （4～12月計：65,791人）) or without one (主催6,576回 延べ参加人数36,503人). The parts are kept.
/// </summary>
public sealed class Composite : KpiValue
{
    /// <summary>Creates a composite of at least two parts.</summary>
    public Composite(IReadOnlyList<Quantity> parts, bool isEnumeration, Quantity? statedTotal = null,
        string? label = null, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
        : base(label, asOf, notes)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count < 2 && statedTotal is null)
        {
            throw new ArgumentException("A composite needs at least two parts, or one part and a stated total.", nameof(parts));
        }

        Parts = [.. parts];
        IsEnumeration = isEnumeration;
        StatedTotal = statedTotal;
        Total = statedTotal ?? SumIfAlike(Parts, isEnumeration);
    }

    /// <inheritdoc />
    public override KpiValueKind Kind => KpiValueKind.Composite;

    /// <summary>The parts in the order written.</summary>
    public IReadOnlyList<Quantity> Parts { get; }

    /// <summary>True for a count of several kinds separated by 、 (県、52市町村), totalled as bodies.</summary>
    public bool IsEnumeration { get; }

    /// <summary>The total written in the cell (…計：65,791人), or null.</summary>
    public Quantity? StatedTotal { get; }

    /// <summary>
    /// The number the cell stands for: the stated total; else the sum of the parts when they share a unit or
    /// count kinds of bodies; else null (parts of different measures, compared part by part).
    /// </summary>
    public Quantity? Total { get; }

    /// <inheritdoc />
    public override bool TryGetMagnitude(Unit hint, out decimal magnitude, out Unit unit)
    {
        if (Total is not null)
        {
            magnitude = Total.Magnitude;
            unit = Total.Unit;
            return true;
        }

        // Parts of different measures: compare the part in the unit the other side uses.
        for (var i = 0; i < Parts.Count; i++)
        {
            var part = Parts[i];
            if (!hint.IsNone && string.Equals(part.Unit.BaseText, hint.BaseText, StringComparison.Ordinal))
            {
                magnitude = part.Magnitude;
                unit = part.Unit;
                return true;
            }
        }

        magnitude = 0;
        unit = Unit.None;
        return false;
    }

    private protected override void AppendBody(StringBuilder sb)
    {
        for (var i = 0; i < Parts.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(IsEnumeration ? "、" : " ");
            }

            sb.Append(Parts[i].ToString());
        }

        if (StatedTotal is not null)
        {
            sb.Append(" （").Append(StatedTotal.ToString()).Append('）');
        }
    }

    private protected override bool BodyEquals(KpiValue other) =>
        other is Composite c && c.IsEnumeration == IsEnumeration && Equals(c.StatedTotal, StatedTotal)
        && c.Parts.SequenceEqual(Parts);

    private protected override int BodyHashCode() => HashCode.Combine(Parts.Count, IsEnumeration, StatedTotal);

    private static Quantity? SumIfAlike(IReadOnlyList<Quantity> parts, bool isEnumeration)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        var unit = parts[0].Unit;
        var sum = 0m;
        foreach (var part in parts)
        {
            if (!isEnumeration && part.Unit != unit)
            {
                return null;
            }

            sum += isEnumeration ? part.Number : part.Magnitude;
        }

        return new Quantity(sum, isEnumeration ? Unit.None : new Unit(unit.BaseText));
    }
}

/// <summary>A state in words (未整備, 全施設公開, 相談窓口等の設置): a target reached or not, not a number.</summary>
public sealed class StateValue : KpiValue
{
    /// <summary>Creates a state value.</summary>
    public StateValue(string text, string? label = null, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
        : base(label, asOf, notes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text.Trim();
    }

    /// <inheritdoc />
    public override KpiValueKind Kind => KpiValueKind.State;

    /// <summary>The state as written.</summary>
    public string Text { get; }

    /// <summary>True when both say the same state, ignoring white space, full/half width and a trailing 。.</summary>
    public bool SameStateAs(StateValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SameCanonical(Text, other.Text);
    }

    private protected override void AppendBody(StringBuilder sb) => sb.Append(Text);

    private protected override bool BodyEquals(KpiValue other) => other is StateValue s && string.Equals(s.Text, Text, StringComparison.Ordinal);

    private protected override int BodyHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>
    /// Compares the texts as JapaneseText.Fold would fold them, with every space removed and trailing 。 trimmed,
    /// without building the folded strings: evaluating a row allocates nothing.
    /// </summary>
    private static bool SameCanonical(string a, string b)
    {
        var aEnd = CanonicalEnd(a);
        var bEnd = CanonicalEnd(b);
        var i = 0;
        var j = 0;
        while (true)
        {
            while (i < aEnd && char.IsWhiteSpace(JapaneseText.FoldChar(a[i])))
            {
                i++;
            }

            while (j < bEnd && char.IsWhiteSpace(JapaneseText.FoldChar(b[j])))
            {
                j++;
            }

            if (i == aEnd || j == bEnd)
            {
                return i == aEnd && j == bEnd;
            }

            if (JapaneseText.FoldChar(a[i]) != JapaneseText.FoldChar(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>Where the canonical text ends: before the trailing run of white space and 。 (no folded character is 。).</summary>
    private static int CanonicalEnd(string text)
    {
        var end = text.Length;
        while (end > 0 && JapaneseText.FoldChar(text[end - 1]) is var c && (char.IsWhiteSpace(c) || c == '。'))
        {
            end--;
        }

        return end;
    }
}

/// <summary>No comparable value: nothing written, unknown (with its reason), or reporting suspended.</summary>
public sealed class NoValue : KpiValue
{
    private NoValue(KpiValueKind kind, string text, string? label = null, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
        : base(label, asOf, notes)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>Nothing written (－).</summary>
    public static NoValue Nothing { get; } = new(KpiValueKind.Nothing, "－");

    /// <inheritdoc />
    public override KpiValueKind Kind { get; }

    /// <summary>The text as written: the reason for an unknown value (算出不可, 今年度の状況については…), 進捗管理を停止している, or －.</summary>
    public string Text { get; }

    /// <summary>An unknown value with the reason as written.</summary>
    public static NoValue Unknown(string reason, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(KpiValueKind.Unknown, reason.Trim(), null, asOf, notes);
    }

    /// <summary>Reporting suspended, with the text as written.</summary>
    public static NoValue Suspended(string text, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new(KpiValueKind.Suspended, text.Trim(), null, asOf, notes);
    }

    private protected override void AppendBody(StringBuilder sb) => sb.Append(Text);

    private protected override bool BodyEquals(KpiValue other) =>
        other is NoValue n && n.Kind == Kind && string.Equals(n.Text, Text, StringComparison.Ordinal);

    private protected override int BodyHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}

/// <summary>A target that names a direction only: 増加を目指します, 減少を目指す, 維持.</summary>
public sealed class DirectionGoal : KpiValue
{
    /// <summary>Creates a direction-only target; the direction must be increase, decrease or maintain.</summary>
    public DirectionGoal(Rules.Direction direction, string text, string? label = null, AsOf? asOf = null, IReadOnlyList<string>? notes = null)
        : base(label, asOf, notes)
    {
        if (direction is not (Rules.Direction.Increase or Rules.Direction.Decrease or Rules.Direction.Maintain))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "A direction goal is to increase, decrease or maintain.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Direction = direction;
        Text = text.Trim();
    }

    /// <inheritdoc />
    public override KpiValueKind Kind => KpiValueKind.DirectionGoal;

    /// <summary>The direction the target names.</summary>
    public Rules.Direction Direction { get; }

    /// <summary>The target as written.</summary>
    public string Text { get; }

    private protected override void AppendBody(StringBuilder sb) => sb.Append(Text);

    private protected override bool BodyEquals(KpiValue other) =>
        other is DirectionGoal d && d.Direction == Direction && string.Equals(d.Text, Text, StringComparison.Ordinal);

    private protected override int BodyHashCode() => HashCode.Combine(Direction, StringComparer.Ordinal.GetHashCode(Text));
}
