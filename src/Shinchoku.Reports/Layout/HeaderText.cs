using System.Text;
using System.Text.RegularExpressions;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Layout;

/// <summary>Header and name text folded for comparison: full-width forms to ASCII, dashes to -, no white space.</summary>
public static partial class HeaderText
{
    /// <summary>
    /// Folds full-width ASCII forms (１, （, ％) to ASCII, dash variants to -, and removes every white space
    /// (line breaks and the ideographic space included): 「令和2年度末\n見込値」 → 「令和2年度末見込値」.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u2212' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' => '-',
                '\u301C' => '~',
                _ => raw,
            };
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The key two names are matched by: folded, and ー/－ variants between kana made one.</summary>
    public static string Key(string? text) => Fold(text).Replace('-', 'ー').Replace('\uFF70', 'ー');

    /// <summary>The fiscal year a header names (令和2年度, R2年度, 2020年度, FY2020); null when none.</summary>
    public static FiscalYear? FiscalYearIn(string folded)
    {
        var m = EraYear().Match(folded);
        if (m.Success)
        {
            var parsed = FiscalYear.Parse(m.Value);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        m = WesternYear().Match(folded);
        var year = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        if (m.Success && FiscalYear.Parse(year + "年度") is { Success: true } western)
        {
            return western.Value;
        }

        return null;
    }

    /// <summary>The table a title or sheet name names: 資料４－２ → 4-2, 4-1 → 4-1; null when none.</summary>
    public static string? TableIn(string? text)
    {
        var m = TableNumber().Match(Fold(text));
        return m.Success ? "4-" + m.Groups[1].Value : null;
    }

    [GeneratedRegex("(令和|平成|昭和|R|H)(元|[0-9]{1,2})年度", RegexOptions.CultureInvariant)]
    private static partial Regex EraYear();

    [GeneratedRegex("(?<![0-9])(?:FY([0-9]{4})|([0-9]{4})年度)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WesternYear();

    [GeneratedRegex("(?:資料)?4-([1-3])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TableNumber();
}
