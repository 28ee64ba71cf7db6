using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Strategy;

/// <summary>
/// A 全国地方公共団体コード: five digits (two for the prefecture, three for the municipality, 000 for the
/// prefecture itself) and a check digit, e.g. 120006 for 千葉県. The check digit is verified.
/// </summary>
public readonly record struct LocalGovernmentCode
{
    private LocalGovernmentCode(string value) => Value = value;

    /// <summary>The six digits.</summary>
    public string Value { get; }

    /// <summary>The two-digit prefecture number (12 for 千葉県).</summary>
    public int PrefectureNumber => (Value[0] - '0') * 10 + (Value[1] - '0');

    /// <summary>True for a prefecture (municipality part 000).</summary>
    public bool IsPrefecture => Value[2] == '0' && Value[3] == '0' && Value[4] == '0';

    /// <summary>Reads a six-digit code (a five-digit code without its check digit is completed) and verifies the check digit.</summary>
    public static ParseResult<LocalGovernmentCode> Parse(string? text)
    {
        var t = JapaneseText.Fold(text ?? string.Empty);
        if (t.Length is not (5 or 6) || !t.All(char.IsAsciiDigit))
        {
            return ParseResult<LocalGovernmentCode>.Fail(ParseProblem.Unrecognised, $"「{text}」は全国地方公共団体コード（6桁の数字）ではありません。");
        }

        var prefecture = (t[0] - '0') * 10 + (t[1] - '0');
        if (prefecture is < 1 or > 47)
        {
            return ParseResult<LocalGovernmentCode>.Fail(ParseProblem.Unrecognised, $"「{text}」の都道府県番号（先頭2桁）は01～47です。");
        }

        var check = CheckDigit(t.AsSpan(0, 5));
        if (t.Length == 6 && t[5] - '0' != check)
        {
            return ParseResult<LocalGovernmentCode>.Fail(ParseProblem.Unrecognised, $"「{text}」の検査数字（6桁目）が正しくありません（正しくは{check}）。");
        }

        return ParseResult<LocalGovernmentCode>.Ok(new LocalGovernmentCode(string.Concat(t.AsSpan(0, 5), ((char)('0' + check)).ToString())));
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    // 総務省の定める検査数字: 各桁に 6,5,4,3,2 を掛けた和を 11 で割った余りを 11 から引いた数の下1桁。
    private static int CheckDigit(ReadOnlySpan<char> five)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (five[i] - '0') * (6 - i);
        }

        return (11 - sum % 11) % 10;
    }
}
