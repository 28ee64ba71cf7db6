using System.Globalization;
using System.Text;

namespace Shinchoku.Core.Parsing;

/// <summary>
/// The rule for control characters in text people write (values, narratives, names): the C0 controls, DEL and the
/// C1 controls (U+0000–U+001F, U+007F–U+009F) other than tab, line feed and carriage return. Nobody types them; a NUL
/// or an escape in a cell comes from a broken or hostile file, is invisible on screen and breaks the files others
/// read. They are refused where text comes in (imports, forms) and removed where text goes out (exports).
/// </summary>
public static class ControlCharacters
{
    /// <summary>True for a control character that text may not hold (tab and line breaks are allowed).</summary>
    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>The index of the first refused control character, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Why the text is refused, in Japanese, naming the first control character and where it stands
    /// (「制御文字 U+0000 が含まれています（3文字目）」); null when the text has none.
    /// </summary>
    public static string? Describe(string? text)
    {
        var index = IndexOf(text);
        if (index < 0)
        {
            return null;
        }

        var code = ((int)text![index]).ToString("X4", CultureInfo.InvariantCulture);
        return $"制御文字 U+{code} が含まれています（{index + 1:N0}文字目）";
    }

    /// <summary>The text without refused control characters, for writers of files others read.</summary>
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = IndexOf(text);
        if (index < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, index);
        for (var i = index + 1; i < text.Length; i++)
        {
            if (!IsRefused(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }
}
