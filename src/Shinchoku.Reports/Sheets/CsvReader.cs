using System.Text;
using CsvHelper;
using Shinchoku.Core.Parsing;
using CsvParser = CsvHelper.CsvReader;

namespace Shinchoku.Reports.Sheets;

/// <summary>
/// Reads a CSV file into a sheet: UTF-8 with or without a byte order mark, UTF-16 with one, or Shift_JIS
/// (CP932, what Japanese Excel writes for "CSV"), told apart by decoding strictly. Comma-separated, or tab-
/// separated when the first line has tabs and no commas. Parsed by CsvHelper in strict RFC 4180 mode: quoted
/// fields may hold commas, quotes ("") and line breaks, but a quote left open, a stray quote or text after a
/// closing quote refuses the file with its line, as does a row with more or fewer fields than the others, and the
/// records must account for every line of the file; nothing is guessed. A leading ' that guards a text beginning
/// with = + - @ (as Shinchoku writes it) is removed. A cell holding a control character is refused with its cell.
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
        var options = new CsvReaderOptions
        {
            Separator = DetectDelimiter(text),
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            // Field counts are compared below, so that every ragged line is named, not only the first.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.Throw,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            MaxRecordSize = (int)Math.Min(int.MaxValue, limits.MaxFileBytes),
        };

        var records = new List<(int Row, int Line, int Fields, bool Blank)>();
        var controls = new List<string>();
        var cells = 0;
        var row = 0;
        var nextLine = 1;
        try
        {
            using var csv = CsvParser.FromText(text, options);
            while (csv.Read())
            {
                row++;
                var line = (int)csv.LineNumber;
                if (line != nextLine)
                {
                    throw LinesDisagree(fileName, nextLine, line);
                }

                nextLine = line + 1 + LineBreaks(csv.RawRecord);
                var blank = csv.FieldCount <= 1 && csv.RawRecord.IsEmpty;
                records.Add((row, line, csv.FieldCount, blank));
                for (var column = 1; column <= csv.FieldCount; column++)
                {
                    var value = Field(csv.GetString(column - 1));
                    if (value.Length == 0)
                    {
                        continue;
                    }

                    CheckLimits(fileName, limits, row, column, value.Length, ++cells);
                    if (ControlCharacters.Describe(value) is { } why && controls.Count <= SpreadsheetFile.MaxNamed)
                    {
                        controls.Add($"セル {CellAddress.Of(row, column)}（{Where(row, line)}）に{why}");
                    }

                    sheet.Set(row, column, new SheetCell(value));
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw Malformed(fileName, e);
        }

        // The records and the line breaks inside their quoted cells must account for every line of the file.
        var lines = LineBreaks(text) + (text.Length > 0 && text[^1] is not ('\n' or '\r') ? 1 : 0);
        if (records.Count > 0 && nextLine - 1 != lines)
        {
            throw LinesDisagree(fileName, lines, nextLine - 1);
        }

        CheckFieldCounts(fileName, records);
        if (controls.Count > 0)
        {
            throw SpreadsheetFile.ControlCharactersIn(fileName, controls);
        }

        return new Workbook(fileName, [sheet], []);
    }

    /// <summary>A field as the sheet holds it: a BOM left at the start removed, Shinchoku's ' guard removed, line ends as \n.</summary>
    private static string Field(string value)
    {
        value = value.Trim('\uFEFF');
        if (value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = value[1..];
        }

        return value.Contains('\r', StringComparison.Ordinal) ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : value;
    }

    private static void CheckLimits(string fileName, ReadLimits limits, int row, int column, int length, int cells)
    {
        if (length > limits.MaxCellCharacters)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」のセル {CellAddress.Of(row, Math.Min(column, CellAddress.MaxColumn))}（{row:N0}行目・{CellAddress.ColumnLetters(Math.Min(column, CellAddress.MaxColumn))}列）の文字数（{length:N0}文字）が、1つのセルに入る上限（{limits.MaxCellCharacters:N0}文字）を超えています。");
        }

        if (row > limits.MaxRows)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」の {row:N0} 行目に値があります。取り込めるのは {limits.MaxRows:N0} 行目までです。");
        }

        if (column > CellAddress.MaxColumn)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」の {row:N0} 行目の列が多すぎます（上限 {CellAddress.MaxColumn:N0} 列）。");
        }

        if (cells > limits.MaxCells)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」は値のあるセルが多すぎます（上限 {limits.MaxCells:N0} 個）。");
        }
    }

    /// <summary>
    /// Refuses rows whose number of fields differs from the file's usual number (the most common; the first row's on a
    /// tie): a missing or extra comma shifts every later cell into the wrong column. Blank lines are left alone.
    /// </summary>
    private static void CheckFieldCounts(string fileName, List<(int Row, int Line, int Fields, bool Blank)> records)
    {
        var counted = records.Where(r => !r.Blank).ToList();
        if (counted.Count == 0)
        {
            return;
        }

        var usual = counted.GroupBy(r => r.Fields).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(r => r.Row)).First().Key;
        var ragged = counted.Where(r => r.Fields != usual).Select(r => $"{Where(r.Row, r.Line)}（{r.Fields:N0}項目）").ToList();
        if (ragged.Count > 0)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」は行によって項目（列）の数が違います。ほかの行は {usual:N0} 項目ですが、{SpreadsheetFile.Named(ragged)} は違います。区切りの「,」が欠けているか余分にあると、以降の値が別の列に読まれてしまうため読み込みません。");
        }
    }

    private static SpreadsheetRefusedException Malformed(string fileName, CsvFormatException e)
    {
        var line = Where((int)Math.Max(1, e.RecordNumber), (int)e.LineNumber);
        // CsvHelper names the kind of problem only in its (English) message.
        var what = e.Message switch
        {
            var m when m.Contains("never closed", StringComparison.OrdinalIgnoreCase) => "始まる「\"」が閉じられないままファイルが終わっています",
            var m when m.Contains("after the closing quote", StringComparison.OrdinalIgnoreCase) => "「\"」で囲んだ値の閉じる「\"」の後に文字が続いています",
            var m when m.Contains("unquoted field", StringComparison.OrdinalIgnoreCase) => "「\"」で囲んでいない値の途中に「\"」があります",
            _ => "引用符「\"」の使い方が正しくありません",
        };
        return new SpreadsheetRefusedException(
            $"ファイル「{fileName}」の {line}で{what}。引用符の対応が崩れていると後ろの行が一つのセルに取り込まれてしまうため、ファイルを読み込みません。該当の行を確かめてください（値の中の「\"」は「\"\"」と二つ重ねます）。", e);
    }

    private static SpreadsheetRefusedException LinesDisagree(string fileName, long expected, long found) => new(
        $"ファイル「{fileName}」の行数（{expected:N0} 行）と読み取れた行（{found:N0} 行目まで）が合いません。ファイルが壊れているおそれがあるため読み込みません。");

    /// <summary>A row as a spreadsheet numbers it, with the file's line where quoted line breaks above make them differ.</summary>
    private static string Where(int row, int line) => line <= 0 || line == row ? $"{row:N0}行目" : $"{row:N0}行目（ファイルの{line:N0}行目から）";


    /// <summary>CR, LF and CR LF each count once.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n' || (utf8[i] == (byte)'\r' && (i + 1 == utf8.Length || utf8[i + 1] != (byte)'\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static int LineBreaks(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
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
