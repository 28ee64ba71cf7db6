using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Strategy;

/// <summary>
/// The table of 資料4 an indicator is printed in: 4-1 (波及効果の高いプロジェクト, with the interim target and whether it
/// was reached), 4-2 or 4-3. Written 4-1, printed 資料4-1. The default value is 4-2, the table of an indicator that names none.
/// </summary>
public readonly struct ReportTableNumber : IEquatable<ReportTableNumber>, IComparable<ReportTableNumber>
{
    // Stored as the offset from 4-2 so that default(ReportTableNumber) is 4-2.
    private readonly int offset;

    private ReportTableNumber(int minor) => offset = minor - 2;

    /// <summary>資料4-1: the projects with the widest effect, with an interim target.</summary>
    public static ReportTableNumber Table41 { get; } = new(1);

    /// <summary>資料4-2: the other initiatives.</summary>
    public static ReportTableNumber Table42 { get; } = new(2);

    /// <summary>資料4-3.</summary>
    public static ReportTableNumber Table43 { get; } = new(3);

    /// <summary>The tables in printed order.</summary>
    public static IReadOnlyList<ReportTableNumber> All { get; } = [Table41, Table42, Table43];

    /// <summary>The number after 4- (1, 2 or 3).</summary>
    public int Minor => offset + 2;

    /// <summary>True for 資料4-1, whose rows carry the interim target and whether it was reached.</summary>
    public bool HasInterimTarget => Minor == 1;

    /// <summary>The name as printed above the table: 資料4-1.</summary>
    public string PrintedName => "資料" + ToString();

    /// <summary>Reads 4-1, ４－１, 資料4-1 or 資料４－１ (surrounding spaces ignored). Never throws.</summary>
    public static ParseResult<ReportTableNumber> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<ReportTableNumber>.Fail(ParseProblem.Empty, "資料の番号が入力されていません（4-1、4-2、4-3 のいずれか）。");
        }

        var folded = new string([.. JapaneseText.Fold(text).Select(c => JapaneseText.IsDash(c) ? '-' : c)]);
        var number = folded.StartsWith("資料", StringComparison.Ordinal) ? folded[2..].TrimStart() : folded;
        return number switch
        {
            "4-1" => ParseResult<ReportTableNumber>.Ok(Table41),
            "4-2" => ParseResult<ReportTableNumber>.Ok(Table42),
            "4-3" => ParseResult<ReportTableNumber>.Ok(Table43),
            _ => ParseResult<ReportTableNumber>.Fail(ParseProblem.Unrecognised, $"「{text.Trim()}」は資料の番号として読み取れません（4-1、4-2、4-3 のいずれか）。"),
        };
    }

    /// <summary>The number as written: 4-1.</summary>
    public override string ToString() => "4-" + (char)('0' + Minor);

    /// <inheritdoc />
    public bool Equals(ReportTableNumber other) => offset == other.offset;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReportTableNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => offset;

    /// <summary>Orders tables as printed: 4-1 before 4-2 before 4-3.</summary>
    public int CompareTo(ReportTableNumber other) => offset.CompareTo(other.offset);

    /// <summary>True when both are the same table.</summary>
    public static bool operator ==(ReportTableNumber left, ReportTableNumber right) => left.Equals(right);

    /// <summary>True when they are different tables.</summary>
    public static bool operator !=(ReportTableNumber left, ReportTableNumber right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> is printed first.</summary>
    public static bool operator <(ReportTableNumber left, ReportTableNumber right) => left.offset < right.offset;

    /// <summary>True when <paramref name="left"/> is printed after.</summary>
    public static bool operator >(ReportTableNumber left, ReportTableNumber right) => left.offset > right.offset;

    /// <summary>True when <paramref name="left"/> is printed first or is the same table.</summary>
    public static bool operator <=(ReportTableNumber left, ReportTableNumber right) => left.offset <= right.offset;

    /// <summary>True when <paramref name="left"/> is printed after or is the same table.</summary>
    public static bool operator >=(ReportTableNumber left, ReportTableNumber right) => left.offset >= right.offset;
}
