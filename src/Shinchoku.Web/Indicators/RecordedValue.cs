using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// A value as a person wrote it, kept beside its parsed form: the kind, the comparable number and unit,
/// and the as-of date. The text is the truth; the parsed columns serve queries and are recomputed from it.
/// </summary>
public sealed record RecordedValue
{
    /// <summary>A new empty value. Always a new instance: EF Core tracks an owned value by reference, so two places never share one.</summary>
    public static RecordedValue Empty() => new() { Text = "", Kind = KpiValueKind.Nothing };

    /// <summary>The text as entered.</summary>
    public required string Text { get; init; }

    public KpiValueKind Kind { get; init; }

    public decimal? Magnitude { get; init; }

    public string? Unit { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>Records <paramref name="text"/>; the parse result says whether it could be read.</summary>
    public static (RecordedValue Value, Shinchoku.Core.Parsing.ParseResult<KpiValue> Parse) From(string? text)
    {
        var t = (text ?? "").Trim();
        var parsed = KpiValue.Parse(t);
        return (Of(new YearValue(t, parsed.GetValueOrDefault(), null)), parsed);
    }

    /// <summary>Records a value a KPI's year has already read (nothing is parsed again).</summary>
    public static RecordedValue Of(YearValue read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Value is not { } value)
        {
            return new RecordedValue { Text = read.Text, Kind = KpiValueKind.Nothing };
        }

        decimal? magnitude = value.TryGetMagnitude(Core.Values.Unit.None, out var m, out var unit) ? m : null;
        return new RecordedValue
        {
            Text = read.Text,
            Kind = value.Kind,
            Magnitude = magnitude,
            Unit = magnitude is null || unit.IsNone ? null : unit.Text,
            AsOf = value.AsOf?.End,
        };
    }
}
