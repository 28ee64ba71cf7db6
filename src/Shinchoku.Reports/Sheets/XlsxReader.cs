using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Shinchoku.Reports.Sheets;

/// <summary>
/// Reads an Office Open XML workbook (.xlsx) into sheets of text, guarded against hostile files: the zip's
/// entry count, expanded size and compression ratio are checked before anything is expanded, every entry is
/// read through a stream that stops at its declared size, DTDs are refused, and macro books are refused
/// whatever their name. Shared strings (without their furigana), inline strings, numbers by their number
/// format, dates, booleans, errors, formulas (their saved result) and merged cells are read.
/// </summary>
internal sealed class XlsxReader
{
    private const string MainNamespaceSuffix = "spreadsheetml";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly string fileName;
    private readonly ReadLimits limits;
    private readonly ZipArchive zip;
    private readonly List<string> notices = [];
    private readonly List<string> controls = [];
    private long expanded;
    private int cellCount;
    private long mergedRows;
    private List<string> sharedStrings = [];
    private List<(int NumFmtId, string? Code, bool IsDate)> styles = [];
    private bool date1904;

    private XlsxReader(string fileName, ReadLimits limits, ZipArchive zip)
    {
        this.fileName = fileName;
        this.limits = limits;
        this.zip = zip;
    }

    /// <summary>Reads the workbook in <paramref name="data"/>; throws <see cref="SpreadsheetRefusedException"/> for a file it will not read.</summary>
    public static Workbook Read(string fileName, byte[] data, ReadLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(fileName, e);
        }

        using (zip)
        {
            try
            {
                return new XlsxReader(fileName, limits, zip).ReadWorkbook();
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(fileName, e);
            }
            catch (XmlException e)
            {
                throw new SpreadsheetRefusedException(
                    $"ファイル「{fileName}」の中身（XML）が壊れているため読み込めません（{e.LineNumber}行目付近）。Excel で開けるか確かめ、保存し直してください。", e);
            }
        }
    }

    private static SpreadsheetRefusedException Corrupt(string fileName, Exception e) =>
        new($"ファイル「{fileName}」は壊れているか、途中までしか保存されていないため読み込めません。Excel で開けるか確かめ、保存し直してください。", e);

    private Workbook ReadWorkbook()
    {
        CheckPackage();
        var workbookPath = FindWorkbookPath();
        var rels = ReadRelationships(workbookPath);
        foreach (var (type, target) in rels.Values)
        {
            if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
            {
                sharedStrings = ReadSharedStrings(target);
            }
            else if (type.EndsWith("/styles", StringComparison.Ordinal))
            {
                styles = ReadStyles(target);
            }
        }

        var sheets = new List<Sheet>();
        var entries = ReadSheetList(workbookPath);
        if (entries.Count > limits.MaxSheets)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」にはシートが {entries.Count:N0} 枚あり、上限の {limits.MaxSheets:N0} 枚を超えています。");
        }

        foreach (var (name, relId, state) in entries)
        {
            if (!rels.TryGetValue(relId, out var rel))
            {
                continue;
            }

            if (!rel.Type.EndsWith("/worksheet", StringComparison.Ordinal))
            {
                notices.Add($"シート「{name}」は表のシートではない（グラフなど）ため読み込みませんでした。");
                continue;
            }

            if (state is "hidden" or "veryHidden")
            {
                notices.Add($"非表示のシート「{name}」は読み込みませんでした。");
                continue;
            }

            sheets.Add(ReadSheet(name, rel.Target));
        }

        if (controls.Count > 0)
        {
            throw SpreadsheetFile.ControlCharactersIn(fileName, controls);
        }

        return new Workbook(fileName, sheets, notices);
    }

    /// <summary>Checks the zip as a whole before expanding anything: entry count, total size, ratios, macros.</summary>
    private void CheckPackage()
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxZipEntries)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」には部品（zip の項目）が {entries.Count:N0} 個あり、上限の {limits.MaxZipEntries:N0} 個を超えています。安全のため読み込みません。");
        }

        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > limits.MaxExpandedBytes)
            {
                throw new SpreadsheetRefusedException(
                    $"ファイル「{fileName}」は展開すると {Size(total)} を超え、上限（{Size(limits.MaxExpandedBytes)}）を超えます。圧縮爆弾（zip bomb）のおそれがあるため読み込みません。");
            }

            if (entry.Length > limits.RatioCheckFromBytes)
            {
                var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
                if (ratio > limits.MaxCompressionRatio)
                {
                    throw new SpreadsheetRefusedException(
                        $"ファイル「{fileName}」の部品「{entry.FullName}」は {Size(entry.CompressedLength)} から {Size(entry.Length)} に展開され、圧縮率が異常に高い（{ratio:N0}倍）ため、圧縮爆弾（zip bomb）のおそれがあり読み込みません。");
                }
            }

            var name = entry.FullName.ToLowerInvariant();
            if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal) || name.Contains("macrosheets/", StringComparison.Ordinal)
                || name.Contains("/activex/", StringComparison.Ordinal) || name.EndsWith("vbadata.xml", StringComparison.Ordinal))
            {
                throw Macro();
            }
        }

        var types = zip.GetEntry("[Content_Types].xml");
        if (types is null)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」は zip 形式ですが、Excel ブック（.xlsx）ではありません。");
        }

        var text = ReadEntryText(types);
        if (text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || text.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
        {
            throw Macro();
        }

        if (text.Contains("sheet.binary", StringComparison.OrdinalIgnoreCase))
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」は Excel バイナリブック（.xlsb）です。「Excel ブック（*.xlsx）」として保存し直してください。");
        }
    }

    private SpreadsheetRefusedException Macro() => new(
        $"ファイル「{fileName}」はマクロ（VBA など）を含むブックです。安全のため、マクロを含むブックは取り込みません。マクロを除いて「Excel ブック（*.xlsx）」として保存し直してください。");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("N1", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("N0", CultureInfo.InvariantCulture) + " KB";

    private string FindWorkbookPath()
    {
        var rootRels = zip.GetEntry("_rels/.rels");
        if (rootRels is not null)
        {
            foreach (var rel in ParseRelationships(rootRels, ""))
            {
                if (rel.Value.Type.EndsWith("/officeDocument", StringComparison.Ordinal) && zip.GetEntry(rel.Value.Target) is not null)
                {
                    return rel.Value.Target;
                }
            }
        }

        if (zip.GetEntry("xl/workbook.xml") is not null)
        {
            return "xl/workbook.xml";
        }

        throw new SpreadsheetRefusedException($"ファイル「{fileName}」は zip 形式ですが、Excel ブック（.xlsx）ではありません（ブックの本体がありません）。");
    }

    private Dictionary<string, (string Type, string Target)> ReadRelationships(string partPath)
    {
        var folder = Folder(partPath);
        var relsPath = folder + "_rels/" + partPath[folder.Length..] + ".rels";
        var entry = zip.GetEntry(relsPath);
        return entry is null ? [] : ParseRelationships(entry, folder);
    }

    private Dictionary<string, (string Type, string Target)> ParseRelationships(ZipArchiveEntry entry, string baseFolder)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var reader = OpenXml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("TargetMode") is not "External")
            {
                var id = reader.GetAttribute("Id");
                var type = reader.GetAttribute("Type");
                var target = reader.GetAttribute("Target");
                if (id is not null && type is not null && target is not null)
                {
                    result[id] = (type, Resolve(baseFolder, target));
                }
            }
        }

        return result;
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..(slash + 1)];
    }

    private static string Resolve(string baseFolder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseFolder + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return Uri.UnescapeDataString(string.Join('/', parts));
    }

    private List<(string Name, string RelId, string? State)> ReadSheetList(string workbookPath)
    {
        var list = new List<(string, string, string?)>();
        using var reader = OpenXml(Entry(workbookPath));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "workbookPr")
            {
                date1904 = reader.GetAttribute("date1904") is "1" or "true";
            }
            else if (reader.LocalName == "sheet")
            {
                var relId = RelationshipId(reader);
                var name = reader.GetAttribute("name");
                if (relId is not null && name is not null)
                {
                    list.Add((name, relId, reader.GetAttribute("state")));
                }
            }
        }

        return list;
    }

    private static string? RelationshipId(XmlReader reader)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == "id" && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }

        reader.MoveToElement();
        return null;
    }

    private List<string> ReadSharedStrings(string path)
    {
        var list = new List<string>();
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return list;
        }

        using var reader = OpenXml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                list.Add(ReadRichText(reader));
            }
        }

        return list;
    }

    /// <summary>
    /// Reads an si or is element: its t elements and the t of its runs, without phonetic runs (rPh, the furigana
    /// Japanese Excel keeps beside kanji). Leaves the reader on the element's end (or on the empty element).
    /// </summary>
    private static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var sb = new StringBuilder();
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "t":
                        sb.Append(reader.ReadElementContentAsString());
                        continue;
                    case "r":
                        break; // a run: step into it for its t
                    default:
                        reader.Skip(); // rPh, phoneticPr, rPr and anything else
                        continue;
                }
            }

            reader.Read();
        }

        return CleanText(sb.ToString());
    }

    /// <summary>Decodes the _xHHHH_ escapes of OOXML strings (Excel writes a carriage return as _x000D_) and ends lines with \n.</summary>
    internal static string CleanText(string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal))
        {
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                    && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    sb.Append((char)code);
                    i += 6;
                }
                else
                {
                    sb.Append(text[i]);
                }
            }

            text = sb.ToString();
        }

        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    private List<(int, string?, bool)> ReadStyles(string path)
    {
        var result = new List<(int, string?, bool)>();
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return result;
        }

        var formats = new Dictionary<int, string>();
        using var reader = OpenXml(entry);
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt":
                    if (int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
                    {
                        formats[id] = reader.GetAttribute("formatCode") ?? "";
                    }

                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    _ = int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var fmt);
                    var code = formats.GetValueOrDefault(fmt);
                    result.Add((fmt, code, NumberFormats.IsDate(fmt, code)));
                    break;
            }
        }

        return result;
    }

    private Sheet ReadSheet(string name, string path)
    {
        var sheet = new Sheet(name);
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return sheet;
        }

        using var reader = OpenXml(entry);
        var row = 0;
        var column = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "row":
                    row = int.TryParse(reader.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = 0;
                    break;
                case "c":
                    var reference = reader.GetAttribute("r");
                    if (reference is null || !CellAddress.TryParse(reference, out var cellRow, out column))
                    {
                        column++;
                        cellRow = row;
                    }

                    row = cellRow;
                    ReadCell(reader, sheet, row, column);
                    break;
                case "mergeCell":
                    if (CellAddress.TryParseRange(reader.GetAttribute("ref"), out var r1, out var c1, out var r2, out var c2))
                    {
                        mergedRows += sheet.AddMerge(new MergedArea(r1, c1, r2, c2));
                        if (mergedRows > limits.MaxMergedRows)
                        {
                            throw new SpreadsheetRefusedException($"ファイル「{fileName}」のシート「{name}」は結合セルが多すぎるため読み込めません。");
                        }
                    }

                    break;
            }
        }

        return sheet;
    }

    private void ReadCell(XmlReader reader, Sheet sheet, int row, int column)
    {
        var type = reader.GetAttribute("t") ?? "n";
        _ = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var styleIndex);
        if (reader.IsEmptyElement)
        {
            return;
        }

        string? formula = null;
        string? value = null;
        string? inline = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "f":
                        formula = reader.ReadElementContentAsString();
                        continue;
                    case "v":
                        value = reader.ReadElementContentAsString();
                        continue;
                    case "is":
                        inline = ReadRichText(reader);
                        break;
                    default:
                        reader.Skip();
                        continue;
                }
            }

            reader.Read();
        }

        if (value is null && inline is null && formula is null)
        {
            return;
        }

        if (row > limits.MaxRows)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」のシート「{sheet.Name}」の {row:N0} 行目に値があります。取り込めるのは {limits.MaxRows:N0} 行目までです。");
        }

        if (++cellCount > limits.MaxCells)
        {
            throw new SpreadsheetRefusedException($"ファイル「{fileName}」は値のあるセルが多すぎます（上限 {limits.MaxCells:N0} 個）。");
        }

        var cell = MakeCell(type, styleIndex, value, inline, sheet.Name, row, column);
        if (formula is not null)
        {
            // A writer that does not calculate (openpyxl, scripts) leaves the result empty: there is no saved value. A text
            // result is typed t="str" by Excel and Calc, so an empty <v> there is a calculated "" (=IF(A1="","",…)), not a missing one.
            var cached = !string.IsNullOrEmpty(value) || !string.IsNullOrEmpty(inline) || (type == "str" && value is not null);
            cell = cell with { Formula = formula, HasCachedValue = cached };
        }

        if (cell.Text.Length > limits.MaxCellCharacters)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」のシート「{sheet.Name}」のセル {CellAddress.Of(row, column)} の文字数（{cell.Text.Length:N0}文字）が、1つのセルに入る上限（{limits.MaxCellCharacters:N0}文字）を超えています。");
        }

        if (Core.Parsing.ControlCharacters.Describe(cell.Text) is { } why && controls.Count <= SpreadsheetFile.MaxNamed)
        {
            controls.Add($"シート「{sheet.Name}」のセル {CellAddress.Of(row, column)} に{why}");
        }

        sheet.Set(row, column, cell);
    }

    private SheetCell MakeCell(string type, int styleIndex, string? value, string? inline, string sheetName, int row, int column)
    {
        switch (type)
        {
            case "s":
                if (int.TryParse(value, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count)
                {
                    return new SheetCell(sharedStrings[index]);
                }

                throw new SpreadsheetRefusedException(
                    $"ファイル「{fileName}」のシート「{sheetName}」のセル {CellAddress.Of(row, column)} が、存在しない共有文字列を指しています。ファイルが壊れています。");
            case "inlineStr":
                return new SheetCell(inline ?? "");
            case "str":
                return new SheetCell(CleanText(value ?? ""));
            case "b":
                return new SheetCell(value is "1" or "true" ? "TRUE" : "FALSE", CellKind.Boolean);
            case "e":
                return new SheetCell(value ?? "#N/A", CellKind.Error);
            case "d":
                if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) && iso.Year >= 1868)
                {
                    return new SheetCell(Shinchoku.Core.Time.JapaneseDate.Format(DateOnly.FromDateTime(iso)), CellKind.Date);
                }

                return new SheetCell(value ?? "");
            default:
                if (value is null || value.Length == 0)
                {
                    return new SheetCell("");
                }

                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return new SheetCell(value);
                }

                var (fmt, code, isDate) = styleIndex >= 0 && styleIndex < styles.Count ? styles[styleIndex] : (0, null, false);
                return isDate
                    ? new SheetCell(NumberFormats.FormatDate(number, date1904, fmt, code), CellKind.Date) { Number = number }
                    : new SheetCell(NumberFormats.Format(number, fmt, code), CellKind.Number) { Number = number };
        }
    }

    private ZipArchiveEntry Entry(string path) => zip.GetEntry(path)
        ?? throw new SpreadsheetRefusedException($"ファイル「{fileName}」に必要な部品「{path}」がありません。ファイルが壊れています。");

    private XmlReader OpenXml(ZipArchiveEntry entry) => XmlReader.Create(Open(entry), XmlSettings);

    private string ReadEntryText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(Open(entry), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Opens an entry through a stream that refuses to expand past the entry's declared size or the file's budget.</summary>
    private BoundedStream Open(ZipArchiveEntry entry) => new(entry.Open(), entry.Length, this);

    private void Count(int bytes)
    {
        expanded += bytes;
        if (expanded > limits.MaxExpandedBytes)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{fileName}」は展開すると上限（{Size(limits.MaxExpandedBytes)}）を超えます。圧縮爆弾（zip bomb）のおそれがあるため読み込みません。");
        }
    }

    private sealed class BoundedStream(Stream inner, long declared, XlsxReader owner) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            if (read > declared)
            {
                throw new SpreadsheetRefusedException(
                    $"ファイル「{owner.fileName}」の部品が、記録された大きさ（{Size(declared)}）より大きく展開されました。改ざんされたファイルか圧縮爆弾（zip bomb）のおそれがあるため読み込みません。");
            }

            owner.Count(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
