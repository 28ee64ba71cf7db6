namespace Shinchoku.Core.Values;

/// <summary>
/// The unit written after a number (件, 人, 千枚, %, 件/月, kW …), kept as written. A leading 千, 万, 億 or 百万
/// is read as a multiplier of the unit that follows (千枚 = 1,000 枚), so that 405,823千枚 and 405,823,000枚 compare.
/// </summary>
public readonly record struct Unit
{
    private static readonly (string Prefix, decimal Scale)[] Multipliers =
    [
        ("百万", 1_000_000m),
        ("千", 1_000m),
        ("万", 10_000m),
        ("億", 100_000_000m),
    ];

    /// <summary>Creates a unit from its written form (full-width % is read as %).</summary>
    public Unit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Trim().Replace('％', '%');
        (BaseText, Scale) = Split(Text);
    }

    /// <summary>No unit was written (19,570).</summary>
    public static Unit None { get; } = new(string.Empty);

    /// <summary>Percent, written % or ％.</summary>
    public static Unit Percent { get; } = new("%");

    /// <summary>The unit as written, e.g. 千枚.</summary>
    public string Text { get; }

    /// <summary>The unit without its multiplier, e.g. 枚 for 千枚.</summary>
    public string BaseText { get; }

    /// <summary>The multiplier the unit carries: 1,000 for 千枚, 1 for 枚.</summary>
    public decimal Scale { get; }

    /// <summary>True when no unit was written.</summary>
    public bool IsNone => string.IsNullOrEmpty(Text);

    /// <summary>True when this is a percentage.</summary>
    public bool IsPercent => Text == "%";

    /// <summary>True when values in the two units can be compared without a warning (same base, or one has none).</summary>
    public bool IsCompatibleWith(Unit other) => IsNone || other.IsNone || string.Equals(BaseText, other.BaseText, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Text ?? string.Empty;

    private static (string BaseText, decimal Scale) Split(string text)
    {
        foreach (var (prefix, scale) in Multipliers)
        {
            // 千 alone is a multiplier of nothing; 千枚 is 1,000 sheets.
            if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (text[prefix.Length..], scale);
            }
        }

        return (text, 1m);
    }
}
