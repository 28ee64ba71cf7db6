using System.IO.Compression;
using System.Text;

namespace Shinchoku.Reports.Tests.Support;

/// <summary>
/// Builds an .xlsx from XML written by hand, for what other tools write and the OpenXML SDK does not: Excel's
/// Strict Open XML namespaces, rich-text shared strings, inline strings, the 1904 date system, formulas with their
/// cached results, and characters no XML writer lets through (escaped as _xHHHH_).
/// </summary>
public sealed class RawXlsx
{
    public const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string TransitionalRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRels = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    /// <summary>True for Strict Open XML (ISO/IEC 29500 Strict), as Excel saves "Strict Open XML Spreadsheet".</summary>
    public bool IsStrict { get; init; }

    /// <summary>The workbook's date1904 flag (Excel for Mac before 2011, and books that came from it).</summary>
    public bool Date1904 { get; init; }

    /// <summary>The inside of sheetData: row elements.</summary>
    public required string SheetData { get; init; }

    /// <summary>The si elements of the shared string table, or null for a book without one.</summary>
    public string? SharedStrings { get; init; }

    /// <summary>The numFmts and cellXfs of the style sheet, or null for a book without one.</summary>
    public string? Styles { get; init; }

    public byte[] Build()
    {
        var main = IsStrict ? Strict : Transitional;
        var rels = IsStrict ? StrictRels : TransitionalRels;
        var types = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        var workbookRels = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/>""");
        var parts = new List<(string, string)>();
        if (SharedStrings is not null)
        {
            types.Append("""<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
            workbookRels.Append($"""<Relationship Id="rId2" Type="{rels}/sharedStrings" Target="sharedStrings.xml"/>""");
            parts.Add(("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{main}">{SharedStrings}</sst>"""));
        }

        if (Styles is not null)
        {
            types.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
            workbookRels.Append($"""<Relationship Id="rId3" Type="{rels}/styles" Target="styles.xml"/>""");
            parts.Add(("xl/styles.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{main}">{Styles}</styleSheet>"""));
        }

        types.Append("</Types>");
        workbookRels.Append("</Relationships>");
        var conformance = IsStrict ? " conformance=\"strict\"" : "";
        var date1904 = Date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
        parts.Add(("[Content_Types].xml", types.ToString()));
        parts.Add(("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
        parts.Add(("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rels}"{conformance}>{date1904}<sheets><sheet name="資料4-2" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
        parts.Add(("xl/_rels/workbook.xml.rels", workbookRels.ToString()));
        parts.Add(("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}" xmlns:r="{rels}"><sheetData>{SheetData}</sheetData></worksheet>"""));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(new UTF8Encoding(false).GetBytes(xml));
            }
        }

        return buffer.ToArray();
    }
}
