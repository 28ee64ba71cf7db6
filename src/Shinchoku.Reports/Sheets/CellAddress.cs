using System.Globalization;

namespace Shinchoku.Reports.Sheets;

/// <summary>Column letters and A1 cell references as Excel prints them (A … Z, AA …; H7).</summary>
public static class CellAddress
{
    /// <summary>The largest column number Excel allows (XFD).</summary>
    public const int MaxColumn = 16384;

    /// <summary>The largest row number Excel allows.</summary>
    public const int MaxRow = 1048576;

    /// <summary>The letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string ColumnLetters(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, MaxColumn);
        Span<char> buffer = stackalloc char[3];
        var pos = buffer.Length;
        while (column > 0)
        {
            column--;
            buffer[--pos] = (char)('A' + column % 26);
            column /= 26;
        }

        return new string(buffer[pos..]);
    }

    /// <summary>The reference of a cell: (7, 8) → H7.</summary>
    public static string Of(int row, int column) => ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a reference such as H7 or $H$7 into 1-based row and column; false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        if (i < text.Length && text[i] == '$')
        {
            i++;
        }

        var letters = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            i++;
            if (++letters > 3)
            {
                return false;
            }
        }

        if (letters == 0 || column > MaxColumn)
        {
            return false;
        }

        if (i < text.Length && text[i] == '$')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            row = row * 10 + (text[i] - '0');
            i++;
            if (++digits > 7)
            {
                return false;
            }
        }

        return digits > 0 && i == text.Length && row is >= 1 and <= MaxRow;
    }

    /// <summary>Reads a range such as A3:A10 (or a single cell) into its corners.</summary>
    public static bool TryParseRange(ReadOnlySpan<char> text, out int firstRow, out int firstColumn, out int lastRow, out int lastColumn)
    {
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            var ok = TryParse(text, out firstRow, out firstColumn);
            lastRow = firstRow;
            lastColumn = firstColumn;
            return ok;
        }

        lastRow = lastColumn = 0;
        if (!TryParse(text[..colon], out firstRow, out firstColumn) || !TryParse(text[(colon + 1)..], out lastRow, out lastColumn))
        {
            return false;
        }

        if (lastRow < firstRow)
        {
            (firstRow, lastRow) = (lastRow, firstRow);
        }

        if (lastColumn < firstColumn)
        {
            (firstColumn, lastColumn) = (lastColumn, firstColumn);
        }

        return true;
    }
}
