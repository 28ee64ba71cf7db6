using System.Text;

namespace Shinchoku.Core.Parsing;

/// <summary>Text clean-up shared by the parsers: people mix full-width and half-width forms freely.</summary>
internal static class JapaneseText
{
    /// <summary>
    /// Folds full-width ASCII forms (０-９, ，, ．, （）, ％, ／, ：, ～) to ASCII, the wave dash to ~, and every
    /// run of white space (ideographic space and line breaks included) to one space; trims the ends.
    /// Katakana and kanji are left alone.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = FoldChar(raw);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Folds one character as <see cref="Fold"/> does, without touching white space.</summary>
    public static char FoldChar(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\u301C' => '~', // 〜 wave dash, written for ～ on many keyboards
        '\u2212' => '-', // minus sign
        _ => c,
    };

    /// <summary>True for the marks people write for "nothing": － ― ー ‐ – — ─ and the ASCII hyphen.</summary>
    public static bool IsDash(char c) => c is '-' or '\uFF0D' or '\u2015' or '\u30FC' or '\u2010' or '\u2011'
        or '\u2012' or '\u2013' or '\u2014' or '\u2500' or '\u2212' or '\uFF70';

    /// <summary>True when the text, trimmed, is one dash of any kind.</summary>
    public static bool IsLoneDash(string text)
    {
        var t = text.AsSpan().Trim();
        return t.Length == 1 && IsDash(t[0]);
    }

    /// <summary>Reads a run of kanji numerals (一 … 九十九) as a number, or -1.</summary>
    public static int ParseKanjiNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return -1;
        }

        var total = 0;
        var current = 0;
        foreach (var c in s)
        {
            var digit = "〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = current * 10 + digit;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                return -1;
            }
        }

        return total + current;
    }
}
