using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Reports.Sheets;

/// <summary>The cell styles of the workbooks Shinchoku writes.</summary>
public enum XlsxStyle
{
    /// <summary>No formatting.</summary>
    Default = 0,

    /// <summary>The title row: bold, 14 pt.</summary>
    Title = 1,

    /// <summary>A header cell: bold, grey, bordered, centred, wrapped.</summary>
    Header = 2,

    /// <summary>A body cell: bordered, top-left, wrapped.</summary>
    Body = 3,

    /// <summary>A group cell printed as vertical text (大項目, 中項目, 小項目).</summary>
    Vertical = 4,

    /// <summary>A mark (↗ ◎ ○): bordered, centred, larger.</summary>
    Mark = 5,

    /// <summary>A mark a person changed: as <see cref="Mark"/>, on a pale yellow fill.</summary>
    MarkOverridden = 6,

    /// <summary>A note below a table: no border, not wrapped.</summary>
    Note = 7,

    /// <summary>A cell for the reader to fill in: as <see cref="Body"/>, on a pale blue fill, and not locked when the sheet is protected.</summary>
    Input = 8,
}

/// <summary>
/// A data validation of a range: an input message shown when a cell is selected and, for <see cref="MaxLength"/>,
/// a limit Excel enforces with <see cref="Error"/>.
/// </summary>
/// <param name="Range">The cells, as A1 references (「J5:J20」).</param>
/// <param name="PromptTitle">The input message's title (at most 32 characters in Excel).</param>
/// <param name="Prompt">The input message (at most 255 characters).</param>
/// <param name="MaxLength">The longest text allowed, or null for a message only.</param>
/// <param name="Error">What Excel says when the limit is passed.</param>
public sealed record XlsxValidation(string Range, string PromptTitle, string Prompt, int? MaxLength = null, string? Error = null);

/// <summary>How a sheet is viewed and printed.</summary>
public sealed record XlsxSheetOptions
{
    /// <summary>The column widths in Excel's units (the width of the digit 0), first column first.</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>Rows frozen at the top (the title and header).</summary>
    public int FrozenRows { get; init; }

    /// <summary>Columns frozen at the left (the group columns and the indicator).</summary>
    public int FrozenColumns { get; init; }

    /// <summary>The rows repeated at the top of every printed page (first, last), or null.</summary>
    public (int First, int Last)? PrintTitleRows { get; init; }

    /// <summary>True to print on A3 landscape, fitted to one page wide.</summary>
    public bool A3LandscapeFitToWidth { get; init; } = true;

    /// <summary>
    /// True to protect the sheet without a password: only <see cref="XlsxStyle.Input"/> cells can be changed. A guide for
    /// the person filling it in, not a safeguard: whoever reads the file back must check every cell it may not change.
    /// </summary>
    public bool Protected { get; init; }

    /// <summary>The data validations of the sheet.</summary>
    public IReadOnlyList<XlsxValidation> Validations { get; init; } = [];
}

/// <summary>
/// Writes an .xlsx workbook as a stream: each row goes straight into the zip as it is written, so memory stays
/// flat however many rows there are. Every text is written as a string cell (inline string), never as a
/// formula, so a text beginning with = + - @ stays text. Control characters are left out (<see cref="ControlCharacters"/>:
/// the file is for people and other programs, which must never receive a NUL); a literal _xHHHH_ is escaped as OOXML
/// requires. One sheet is open at a time.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    internal const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    internal const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        CloseOutput = true,
        // Control characters are removed before writing (CellText, the title, sheet names); the check would only cost time.
        CheckCharacters = false,
    };

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");
    private readonly ZipArchive zip;
    private readonly List<(string Name, (int, int)? PrintTitles)> sheets = [];
    private readonly string title;
    private SheetWriter? open;
    private bool finished;

    /// <summary>Starts a workbook written to <paramref name="output"/> (left open).</summary>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="title">The document title (shown in the file's properties).</param>
    public XlsxWriter(Stream output, string title = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        this.title = ControlCharacters.Remove(title);
    }

    /// <summary>Starts a sheet; the previous one must be disposed first.</summary>
    public SheetWriter AddSheet(string name, XlsxSheetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (open is not null)
        {
            throw new InvalidOperationException("Dispose the previous sheet before adding another.");
        }

        var safe = SheetName(ControlCharacters.Remove(name), sheets.Select(s => s.Name));
        sheets.Add((safe, options.PrintTitleRows));
        var entry = NewEntry($"xl/worksheets/sheet{sheets.Count}.xml");
        open = new SheetWriter(XmlWriter.Create(entry.Open(), Settings), options, sheets.Count == 1, () => open = null);
        return open;
    }

    /// <summary>Writes the workbook's remaining parts; called by <see cref="Dispose"/> if not called before.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        open?.Dispose();
        if (sheets.Count == 0)
        {
            using var empty = AddSheet("Sheet1", new XlsxSheetOptions());
        }

        finished = true;
        WritePart("[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            for (var i = 1; i <= sheets.Count; i++)
            {
                Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            Override(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
            Override(w, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
            w.WriteEndElement();

            static void Default(XmlWriter w, string ext, string type)
            {
                w.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
                w.WriteAttributeString("Extension", ext);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }

            static void Override(XmlWriter w, string part, string type)
            {
                w.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
                w.WriteAttributeString("PartName", part);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }
        });
        WritePart("_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRels);
            Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            Relationship(w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
            Relationship(w, "rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml");
            w.WriteEndElement();
        });
        WritePart("docProps/core.xml", w =>
        {
            const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
            const string dc = "http://purl.org/dc/elements/1.1/";
            w.WriteStartElement("cp", "coreProperties", cp);
            w.WriteAttributeString("xmlns", "dc", null, dc);
            w.WriteElementString("title", dc, title);
            w.WriteElementString("creator", dc, "Shinchoku");
            w.WriteEndElement();
        });
        WritePart("docProps/app.xml", w =>
        {
            w.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
            w.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "Shinchoku");
            w.WriteEndElement();
        });
        WritePart("xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRels);
            for (var i = 1; i <= sheets.Count; i++)
            {
                Relationship(w, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            }

            Relationship(w, $"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
            w.WriteEndElement();
        });
        WritePart("xl/workbook.xml", WriteWorkbook);
        WritePart("xl/styles.xml", WriteStyles);
        zip.Dispose();
    }

    /// <summary>Finishes the workbook.</summary>
    public void Dispose() => Finish();

    /// <summary>Makes a text fit for a cell: control characters left out, line ends as \n, a literal _xHHHH_ escaped as OOXML requires, at most 32,767 characters.</summary>
    public static string CellText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = ControlCharacters.Remove(text);
        var needs = false;
        foreach (var c in text)
        {
            if (c == '\r' || c == '_' || char.IsSurrogate(c))
            {
                needs = true;
                break;
            }
        }

        if (needs)
        {
            var sb = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    sb.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else if (c == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                    && !text.AsSpan(i + 2, 4).ContainsAnyExcept(HexDigits))
                {
                    sb.Append("_x005F_");
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                }
                else if (char.IsSurrogate(c))
                {
                    sb.Append('\uFFFD');
                }
                else
                {
                    sb.Append(c);
                }
            }

            text = sb.ToString();
        }

        return text.Length > 32767 ? text[..32766] + "…" : text;
    }

    /// <summary>A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the book.</summary>
    internal static string SheetName(string name, IEnumerable<string> taken)
    {
        var cleaned = new string((name ?? "").Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c).ToArray()).Trim('\'');
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet";
        }

        cleaned = cleaned.Length > 31 ? cleaned[..31] : cleaned;
        var set = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = cleaned;
        for (var n = 2; set.Contains(candidate); n++)
        {
            var suffix = "(" + n.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = (cleaned.Length + suffix.Length > 31 ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }

        return candidate;
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRels);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    // A fixed entry time (the zip format's earliest) makes the same workbook the same bytes, whenever it is written:
    // a material attached to a council meeting can be compared with the export byte for byte.
    private ZipArchiveEntry NewEntry(string path)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return entry;
    }

    private void WritePart(string path, Action<XmlWriter> write)
    {
        var entry = NewEntry(path);
        using var w = XmlWriter.Create(entry.Open(), Settings);
        w.WriteStartDocument(true);
        write(w);
        w.WriteEndDocument();
    }

    private void WriteWorkbook(XmlWriter w)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        w.WriteStartElement("bookViews", Main);
        w.WriteStartElement("workbookView", Main);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheets", Main);
        for (var i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        if (sheets.Any(s => s.PrintTitles is not null))
        {
            w.WriteStartElement("definedNames", Main);
            for (var i = 0; i < sheets.Count; i++)
            {
                if (sheets[i].PrintTitles is { } rows)
                {
                    w.WriteStartElement("definedName", Main);
                    w.WriteAttributeString("name", "_xlnm.Print_Titles");
                    w.WriteAttributeString("localSheetId", i.ToString(CultureInfo.InvariantCulture));
                    w.WriteString($"'{sheets[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!${rows.Item1}:${rows.Item2}");
                    w.WriteEndElement();
                }
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteStyles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);

        w.WriteStartElement("fonts", Main);
        w.WriteAttributeString("count", "4");
        Font(w, 10, bold: false);
        Font(w, 14, bold: true);
        Font(w, 10, bold: true);
        Font(w, 12, bold: true);
        w.WriteEndElement();

        w.WriteStartElement("fills", Main);
        w.WriteAttributeString("count", "5");
        Fill(w, "none", null);
        Fill(w, "gray125", null);
        Fill(w, "solid", "FFE7E6E6");
        Fill(w, "solid", "FFFFF2CC");
        Fill(w, "solid", "FFE8F1FB");
        w.WriteEndElement();

        w.WriteStartElement("borders", Main);
        w.WriteAttributeString("count", "2");
        w.WriteStartElement("border", Main);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            w.WriteStartElement(side, Main);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("border", Main);
        foreach (var side in new[] { "left", "right", "top", "bottom" })
        {
            w.WriteStartElement(side, Main);
            w.WriteAttributeString("style", "thin");
            w.WriteStartElement("color", Main);
            w.WriteAttributeString("auto", "1");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("diagonal", Main);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs", Main);
        w.WriteAttributeString("count", "1");
        Xf(w, 0, 0, 0, null, null, false, null, inCellXfs: false);
        w.WriteEndElement();

        w.WriteStartElement("cellXfs", Main);
        w.WriteAttributeString("count", "9");
        Xf(w, 0, 0, 0, null, null, false, null);                 // Default
        Xf(w, 1, 0, 0, "left", "center", false, null);          // Title
        Xf(w, 2, 2, 1, "center", "center", true, null);         // Header
        Xf(w, 0, 0, 1, "left", "top", true, null);              // Body
        Xf(w, 0, 0, 1, "center", "top", true, 255);             // Vertical
        Xf(w, 3, 0, 1, "center", "center", true, null);         // Mark
        Xf(w, 3, 3, 1, "center", "center", true, null);         // MarkOverridden
        Xf(w, 0, 0, 0, "left", "top", false, null);             // Note
        Xf(w, 0, 4, 1, "left", "top", true, null, unlocked: true); // Input
        w.WriteEndElement();

        w.WriteStartElement("cellStyles", Main);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle", Main);
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement();

        static void Font(XmlWriter w, int size, bool bold)
        {
            w.WriteStartElement("font", Main);
            if (bold)
            {
                w.WriteStartElement("b", Main);
                w.WriteEndElement();
            }

            w.WriteStartElement("sz", Main);
            w.WriteAttributeString("val", size.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteStartElement("name", Main);
            w.WriteAttributeString("val", "游ゴシック");
            w.WriteEndElement();
            w.WriteStartElement("family", Main);
            w.WriteAttributeString("val", "3");
            w.WriteEndElement();
            w.WriteStartElement("charset", Main);
            w.WriteAttributeString("val", "128");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Fill(XmlWriter w, string pattern, string? rgb)
        {
            w.WriteStartElement("fill", Main);
            w.WriteStartElement("patternFill", Main);
            w.WriteAttributeString("patternType", pattern);
            if (rgb is not null)
            {
                w.WriteStartElement("fgColor", Main);
                w.WriteAttributeString("rgb", rgb);
                w.WriteEndElement();
                w.WriteStartElement("bgColor", Main);
                w.WriteAttributeString("indexed", "64");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Xf(XmlWriter w, int font, int fill, int border, string? horizontal, string? vertical, bool wrap, int? rotation, bool inCellXfs = true, bool unlocked = false)
        {
            w.WriteStartElement("xf", Main);
            w.WriteAttributeString("numFmtId", "0");
            w.WriteAttributeString("fontId", font.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("fillId", fill.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("borderId", border.ToString(CultureInfo.InvariantCulture));
            if (inCellXfs)
            {
                w.WriteAttributeString("xfId", "0");
                if (font != 0)
                {
                    w.WriteAttributeString("applyFont", "1");
                }

                if (fill != 0)
                {
                    w.WriteAttributeString("applyFill", "1");
                }

                if (border != 0)
                {
                    w.WriteAttributeString("applyBorder", "1");
                }
            }

            if (unlocked)
            {
                w.WriteAttributeString("applyProtection", "1");
            }

            if (horizontal is not null || vertical is not null || wrap || rotation is not null)
            {
                w.WriteAttributeString("applyAlignment", "1");
                w.WriteStartElement("alignment", Main);
                if (horizontal is not null)
                {
                    w.WriteAttributeString("horizontal", horizontal);
                }

                if (vertical is not null)
                {
                    w.WriteAttributeString("vertical", vertical);
                }

                if (rotation is { } r)
                {
                    w.WriteAttributeString("textRotation", r.ToString(CultureInfo.InvariantCulture));
                }

                if (wrap)
                {
                    w.WriteAttributeString("wrapText", "1");
                }

                w.WriteEndElement();
            }

            if (unlocked)
            {
                w.WriteStartElement("protection", Main);
                w.WriteAttributeString("locked", "0");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }
    }
}

/// <summary>Writes the rows of one sheet, in order; merged areas are written when the sheet is disposed.</summary>
public sealed class SheetWriter : IDisposable
{
    private static readonly string[] Letters = Enumerable.Range(1, 256).Select(CellAddress.ColumnLetters).ToArray();
    private readonly XmlWriter w;
    private readonly XlsxSheetOptions options;
    private readonly Action onClose;
    private readonly List<MergedArea> merges = [];
    private int row;
    private int lastColumn;
    private bool rowOpen;
    private bool closed;

    internal SheetWriter(XmlWriter writer, XlsxSheetOptions options, bool selected, Action onClose)
    {
        w = writer;
        this.options = options;
        this.onClose = onClose;
        WriteStart(selected);
    }

    /// <summary>The row last started (1-based), 0 before the first.</summary>
    public int Row => row;

    /// <summary>Starts the next row, with its height in points (null: Excel's default).</summary>
    public void StartRow(double? height = null)
    {
        EndRow();
        row++;
        lastColumn = 0;
        rowOpen = true;
        w.WriteStartElement("row", XlsxWriter.Main);
        w.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        if (height is { } h)
        {
            w.WriteAttributeString("ht", Math.Round(Math.Min(409, Math.Max(1, h)), 2).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customHeight", "1");
        }
    }

    /// <summary>Writes a text cell in the current row (columns in increasing order); an empty text writes a styled empty cell.</summary>
    public void Text(int column, string? text, XlsxStyle style = XlsxStyle.Body)
    {
        if (!rowOpen || column <= lastColumn)
        {
            throw new InvalidOperationException("Start a row and write its cells left to right.");
        }

        lastColumn = column;
        w.WriteStartElement("c", XlsxWriter.Main);
        w.WriteAttributeString("r", Letter(column) + row.ToString(CultureInfo.InvariantCulture));
        if (style != XlsxStyle.Default)
        {
            w.WriteAttributeString("s", ((int)style).ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(text))
        {
            // Always a string cell: a text beginning with = + - @ is never read as a formula.
            w.WriteAttributeString("t", "inlineStr");
            w.WriteStartElement("is", XlsxWriter.Main);
            w.WriteStartElement("t", XlsxWriter.Main);
            var escaped = XlsxWriter.CellText(text);
            if (escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1])))
            {
                w.WriteAttributeString("xml", "space", null, "preserve");
            }

            w.WriteString(escaped);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>Merges a rectangle of cells (written when the sheet is closed).</summary>
    public void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        if (lastRow > firstRow || lastColumn > firstColumn)
        {
            merges.Add(new MergedArea(firstRow, firstColumn, lastRow, lastColumn));
        }
    }

    /// <summary>Closes the sheet: merged areas, print settings.</summary>
    public void Dispose()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        EndRow();
        w.WriteEndElement(); // sheetData
        if (options.Protected)
        {
            // No password: the protection keeps a person from changing by mistake what the reader refuses anyway.
            w.WriteStartElement("sheetProtection", XlsxWriter.Main);
            w.WriteAttributeString("sheet", "1");
            w.WriteAttributeString("objects", "1");
            w.WriteAttributeString("scenarios", "1");
            w.WriteAttributeString("formatColumns", "0");
            w.WriteAttributeString("formatRows", "0");
            w.WriteEndElement();
        }

        if (merges.Count > 0)
        {
            w.WriteStartElement("mergeCells", XlsxWriter.Main);
            w.WriteAttributeString("count", merges.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var m in merges)
            {
                w.WriteStartElement("mergeCell", XlsxWriter.Main);
                w.WriteAttributeString("ref", $"{CellAddress.Of(m.FirstRow, m.FirstColumn)}:{CellAddress.Of(m.LastRow, m.LastColumn)}");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (options.Validations.Count > 0)
        {
            w.WriteStartElement("dataValidations", XlsxWriter.Main);
            w.WriteAttributeString("count", options.Validations.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var v in options.Validations)
            {
                w.WriteStartElement("dataValidation", XlsxWriter.Main);
                if (v.MaxLength is not null)
                {
                    w.WriteAttributeString("type", "textLength");
                    w.WriteAttributeString("operator", "lessThanOrEqual");
                    w.WriteAttributeString("showErrorMessage", "1");
                    w.WriteAttributeString("errorTitle", XlsxWriter.CellText(v.PromptTitle));
                    w.WriteAttributeString("error", XlsxWriter.CellText(v.Error ?? ""));
                }

                w.WriteAttributeString("allowBlank", "1");
                w.WriteAttributeString("showInputMessage", "1");
                w.WriteAttributeString("promptTitle", XlsxWriter.CellText(v.PromptTitle));
                w.WriteAttributeString("prompt", XlsxWriter.CellText(v.Prompt));
                w.WriteAttributeString("sqref", v.Range);
                if (v.MaxLength is { } max)
                {
                    w.WriteElementString("formula1", XlsxWriter.Main, max.ToString(CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (options.A3LandscapeFitToWidth)
        {
            w.WriteStartElement("printOptions", XlsxWriter.Main);
            w.WriteAttributeString("horizontalCentered", "1");
            w.WriteEndElement();
        }

        w.WriteStartElement("pageMargins", XlsxWriter.Main);
        w.WriteAttributeString("left", "0.4");
        w.WriteAttributeString("right", "0.4");
        w.WriteAttributeString("top", "0.6");
        w.WriteAttributeString("bottom", "0.6");
        w.WriteAttributeString("header", "0.3");
        w.WriteAttributeString("footer", "0.3");
        w.WriteEndElement();
        if (options.A3LandscapeFitToWidth)
        {
            w.WriteStartElement("pageSetup", XlsxWriter.Main);
            w.WriteAttributeString("paperSize", "8"); // A3
            w.WriteAttributeString("fitToWidth", "1");
            w.WriteAttributeString("fitToHeight", "0");
            w.WriteAttributeString("orientation", "landscape");
            w.WriteEndElement();
            w.WriteStartElement("headerFooter", XlsxWriter.Main);
            w.WriteElementString("oddFooter", XlsxWriter.Main, "&C&P / &N");
            w.WriteEndElement();
        }

        w.WriteEndElement(); // worksheet
        w.WriteEndDocument();
        w.Dispose();
        onClose();
    }

    private static string Letter(int column) => column <= Letters.Length ? Letters[column - 1] : CellAddress.ColumnLetters(column);

    private void EndRow()
    {
        if (rowOpen)
        {
            w.WriteEndElement();
            rowOpen = false;
        }
    }

    private void WriteStart(bool selected)
    {
        w.WriteStartDocument(true);
        w.WriteStartElement("worksheet", XlsxWriter.Main);
        w.WriteAttributeString("xmlns", "r", null, XlsxWriter.RelNs);
        if (options.A3LandscapeFitToWidth)
        {
            w.WriteStartElement("sheetPr", XlsxWriter.Main);
            w.WriteStartElement("pageSetUpPr", XlsxWriter.Main);
            w.WriteAttributeString("fitToPage", "1");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("sheetViews", XlsxWriter.Main);
        w.WriteStartElement("sheetView", XlsxWriter.Main);
        if (selected)
        {
            w.WriteAttributeString("tabSelected", "1");
        }

        w.WriteAttributeString("workbookViewId", "0");
        if (options.FrozenRows > 0 || options.FrozenColumns > 0)
        {
            var topLeft = CellAddress.Of(options.FrozenRows + 1, options.FrozenColumns + 1);
            var pane = options.FrozenRows > 0 && options.FrozenColumns > 0 ? "bottomRight" : options.FrozenRows > 0 ? "bottomLeft" : "topRight";
            w.WriteStartElement("pane", XlsxWriter.Main);
            if (options.FrozenColumns > 0)
            {
                w.WriteAttributeString("xSplit", options.FrozenColumns.ToString(CultureInfo.InvariantCulture));
            }

            if (options.FrozenRows > 0)
            {
                w.WriteAttributeString("ySplit", options.FrozenRows.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteAttributeString("topLeftCell", topLeft);
            w.WriteAttributeString("activePane", pane);
            w.WriteAttributeString("state", "frozen");
            w.WriteEndElement();
            w.WriteStartElement("selection", XlsxWriter.Main);
            w.WriteAttributeString("pane", pane);
            w.WriteAttributeString("activeCell", topLeft);
            w.WriteAttributeString("sqref", topLeft);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheetFormatPr", XlsxWriter.Main);
        w.WriteAttributeString("defaultRowHeight", "13.5");
        w.WriteEndElement();
        if (options.ColumnWidths.Count > 0)
        {
            w.WriteStartElement("cols", XlsxWriter.Main);
            for (var i = 0; i < options.ColumnWidths.Count; i++)
            {
                w.WriteStartElement("col", XlsxWriter.Main);
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                w.WriteAttributeString("min", n);
                w.WriteAttributeString("max", n);
                w.WriteAttributeString("width", options.ColumnWidths[i].ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteStartElement("sheetData", XlsxWriter.Main);
    }
}
