using System.Text;

namespace Shinchoku.Reports.Sheets;

/// <summary>
/// Reads a CSV file into a sheet: UTF-8 with or without a byte order mark, UTF-16 with one, or Shift_JIS
/// (CP932, what Japanese Excel writes for "CSV"), told apart by decoding strictly. Comma-separated, or tab-
/// separated when the first line has tabs and no commas. Quoted fields may hold commas, quotes ("") and line
/// breaks (RFC 4180). A leading ' that guards a text beginning with = + - @ (as Shinchoku writes it) is removed.
/// </summary>
internal static class CsvReader
{
    /// <summary>The encodings a CSV file can be in, as named in messages.</summary>
    internal enum TextEncoding
    {
        Utf8,
        Utf8WithBom,
        Utf16,
        ShiftJis,
    }

    /// <summary>Reads <paramref name="data"/>; throws <see cref="SpreadsheetRefusedException"/> for a file it will not read.</summary>
    public static Workbook Read(string fileName, byte[] data, ReadLimits limits)
    {
        var (text, _) = Decode(fileName, data);
        var sheetName = Path.GetFileNameWithoutExtension(fileName);
        var sheet = new Sheet(sheetName.Length == 0 ? "CSV" : sheetName);
        var delimiter = DetectDelimiter(text);
        var row = 1;
        var column = 1;
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var cells = 0;
        var i = 0;

        void EndField()
        {
            var value = field.ToString();
            field.Clear();
            if (!wasQuoted)
            {
                value = value.Trim('\uFEFF');
            }

            if (value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = value[1..];
            }

            if (value.Length > limits.MaxCellCharacters)
            {
                throw new SpreadsheetRefusedException(
                    $"ファイル「{fileName}」のセル {CellAddress.Of(row, column)}（{row:N0}行目・{CellAddress.ColumnLetters(Math.Min(column, CellAddress.MaxColumn))}列）の文字数（{value.Length:N0}文字）が、1つのセルに入る上限（{limits.MaxCellCharacters:N0}文字）を超えています。");
            }

            if (value.Length > 0)
            {
                if (row > limits.MaxRows)
                {
                    throw new SpreadsheetRefusedException($"ファイル「{fileName}」の {row:N0} 行目に値があります。取り込めるのは {limits.MaxRows:N0} 行目までです。");
                }

                if (column > CellAddress.MaxColumn)
                {
                    throw new SpreadsheetRefusedException($"ファイル「{fileName}」の {row:N0} 行目の列が多すぎます（上限 {CellAddress.MaxColumn:N0} 列）。");
                }

                if (++cells > limits.MaxCells)
                {
                    throw new SpreadsheetRefusedException($"ファイル「{fileName}」は値のあるセルが多すぎます（上限 {limits.MaxCells:N0} 個）。");
                }

                sheet.Set(row, column, new SheetCell(value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')));
            }

            wasQuoted = false;
            column++;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    continue;
                }

                field.Append(c);
                i++;
                continue;
            }

            if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
                i++;
            }
            else if (c == delimiter)
            {
                EndField();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                EndField();
                row++;
                column = 1;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (quoted)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」の {row:N0} 行目で始まる「\"」が閉じられないままファイルが終わっています。ファイルが途中までしか保存されていないか、引用符の使い方が正しくありません。");
        }

        if (field.Length > 0 || wasQuoted)
        {
            EndField();
        }

        return new Workbook(fileName, [sheet], []);
    }

    /// <summary>Decodes the bytes as UTF-8 (with or without BOM), UTF-16 (with BOM) or Shift_JIS, refusing anything else.</summary>
    internal static (string Text, TextEncoding Encoding) Decode(string fileName, byte[] data)
    {
        if (data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Strict(new UTF8Encoding(false, true), data, 3, fileName, "UTF-8"), TextEncoding.Utf8WithBom);
        }

        if (data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Strict(new UnicodeEncoding(false, false, true), data, 2, fileName, "UTF-16"), TextEncoding.Utf16);
        }

        if (data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Strict(new UnicodeEncoding(true, false, true), data, 2, fileName, "UTF-16"), TextEncoding.Utf16);
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(data), TextEncoding.Utf8);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Japanese Excel saves CSV in Shift_JIS (CP932).
        }

        try
        {
            return (ShiftJis.GetString(data), TextEncoding.ShiftJis);
        }
        catch (DecoderFallbackException e)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」の文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。CSV は UTF-8 か Shift_JIS で保存してください。", e);
        }
    }

    /// <summary>CP932 (Shift_JIS as Windows writes it), refusing bytes that are not valid in it.</summary>
    internal static Encoding ShiftJis { get; } = CreateShiftJis();

    private static Encoding CreateShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static string Strict(Encoding encoding, byte[] data, int skip, string fileName, string name)
    {
        try
        {
            return encoding.GetString(data, skip, data.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」は {name} と記されていますが、{name} として読めない部分があります。", e);
        }
    }

    private static char DetectDelimiter(string text)
    {
        var commas = 0;
        var tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == '\t')
            {
                tabs++;
            }
        }

        return tabs > 0 && commas == 0 ? '\t' : ',';
    }
}
