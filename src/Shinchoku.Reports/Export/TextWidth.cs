namespace Shinchoku.Reports.Export;

/// <summary>Estimates how many lines a text takes in a column, to give rows a height that reads like the print.</summary>
internal static class TextWidth
{
    /// <summary>Points per line of 10 pt text, and the padding of a row.</summary>
    public const double LinePoints = 13.5;

    /// <summary>The width of a character in Excel's units: 1 for ASCII and half-width kana, 2 for the rest (kanji, kana, full-width).</summary>
    public static int Of(char c) => c is (>= ' ' and <= '~') or (>= '\uFF61' and <= '\uFF9F') ? 1 : 2;

    /// <summary>The lines <paramref name="text"/> takes in a column <paramref name="width"/> units wide (at least 1).</summary>
    public static int Lines(string text, double width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        var usable = Math.Max(2, (int)Math.Floor(width * 1.1) - 1);
        var lines = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines += Math.Max(1, (current + usable - 1) / usable);
                current = 0;
                continue;
            }

            current += Of(c);
        }

        lines += Math.Max(1, (current + usable - 1) / usable);
        return lines;
    }

    /// <summary>The row height in points for a number of lines, within Excel's limit of 409.</summary>
    public static double Height(int lines) => Math.Min(409, lines * LinePoints + 4);
}
