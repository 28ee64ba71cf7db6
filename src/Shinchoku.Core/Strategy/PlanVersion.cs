using System.Globalization;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Strategy;

/// <summary>A strategy's version label (1.0版, 1.1版): the strategy grows every year (成長する戦略).</summary>
public readonly record struct PlanVersion : IComparable<PlanVersion>
{
    /// <summary>Creates a version; both parts must be zero or more.</summary>
    public PlanVersion(int major, int minor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        Major = major;
        Minor = minor;
    }

    /// <summary>The number before the point.</summary>
    public int Major { get; }

    /// <summary>The number after the point.</summary>
    public int Minor { get; }

    /// <summary>The next minor version (1.1 → 1.2), as the yearly revision makes it.</summary>
    public PlanVersion NextMinor() => new(Major, Minor + 1);

    /// <summary>Reads 1.1, 1.1版, 第1.1版, １．１版 or v1.1.</summary>
    public static ParseResult<PlanVersion> Parse(string? text)
    {
        var t = JapaneseText.Fold(text ?? string.Empty);
        if (t.StartsWith('第'))
        {
            t = t[1..];
        }

        if (t.StartsWith('v') || t.StartsWith('V'))
        {
            t = t[1..];
        }

        if (t.EndsWith('版'))
        {
            t = t[..^1];
        }

        var point = t.IndexOf('.', StringComparison.Ordinal);
        if (point > 0
            && int.TryParse(t.AsSpan(0, point), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(t.AsSpan(point + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return ParseResult<PlanVersion>.Ok(new PlanVersion(major, minor));
        }

        return ParseResult<PlanVersion>.Fail(ParseProblem.Unrecognised, $"「{text}」は版の表記（例: 1.1版）として読み取れません。");
    }

    /// <inheritdoc />
    public int CompareTo(PlanVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>True when <paramref name="left"/> is an earlier version.</summary>
    public static bool operator <(PlanVersion left, PlanVersion right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is a later version.</summary>
    public static bool operator >(PlanVersion left, PlanVersion right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is the same or an earlier version.</summary>
    public static bool operator <=(PlanVersion left, PlanVersion right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is the same or a later version.</summary>
    public static bool operator >=(PlanVersion left, PlanVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The label as printed on the document: 1.1版.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}版");
}
