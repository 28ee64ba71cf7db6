using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Shinchoku.Reports.Tests.Support;

/// <summary>A cell with more than text: a formula with its saved result, a number or date with a number format, furigana.</summary>
public sealed record CellSpec
{
    public string? Text { get; init; }
    public string? Formula { get; init; }
    public double? Number { get; init; }
    public string? NumberFormat { get; init; }
    public uint? BuiltInFormat { get; init; }
    public string? Phonetic { get; init; }
    public bool IsError { get; init; }
}

/// <summary>A sheet to build: rows of texts (null for an empty cell), merged ranges, and special cells.</summary>
public sealed class GridSheet(string name)
{
    public string Name { get; } = name;

    public List<string?[]> Rows { get; } = [];

    public List<string> Merges { get; } = [];

    public Dictionary<string, CellSpec> Special { get; } = [];

    public bool Hidden { get; init; }

    /// <summary>Appends a row and returns its number.</summary>
    public int Add(params string?[] cells)
    {
        Rows.Add(cells);
        return Rows.Count;
    }
}

/// <summary>
/// Builds .xlsx files with the OpenXML SDK, as Excel lays them out: shared strings, a style sheet with number
/// formats and wrapped text, merged cells. Independent of Shinchoku.Reports, so the reader is tested against
/// another writer.
/// </summary>
public static class SheetBuilder
{
    public static byte[] Xlsx(params GridSheet[] sheets) => Xlsx(sheets, inlineStrings: false);

    public static byte[] Xlsx(IReadOnlyList<GridSheet> sheets, bool inlineStrings)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var formats = sheets.SelectMany(s => s.Special.Values).Where(s => s.NumberFormat is not null).Select(s => s.NumberFormat!).Distinct().ToList();
            var builtIns = sheets.SelectMany(s => s.Special.Values).Where(s => s.BuiltInFormat is not null).Select(s => s.BuiltInFormat!.Value).Distinct().ToList();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles(formats, builtIns);
            var sst = new SharedStringTable();
            var index = new Dictionary<string, int>();
            var sheetList = workbookPart.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            uint id = 1;
            foreach (var grid in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < grid.Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    var cells = grid.Rows[r];
                    for (var c = 0; c < cells.Length; c++)
                    {
                        var reference = Shinchoku.Reports.Sheets.CellAddress.Of(r + 1, c + 1);
                        grid.Special.TryGetValue(reference, out var spec);
                        var text = spec?.Text ?? cells[c];
                        if (text is null && spec is null)
                        {
                            continue;
                        }

                        var cell = new Cell { CellReference = reference, StyleIndex = 1 };
                        if (spec?.Formula is not null)
                        {
                            cell.CellFormula = new CellFormula(spec.Formula);
                        }

                        if (spec?.Number is { } number)
                        {
                            cell.CellValue = new CellValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            if (spec.NumberFormat is not null)
                            {
                                cell.StyleIndex = (uint)(2 + formats.IndexOf(spec.NumberFormat));
                            }
                            else if (spec.BuiltInFormat is { } builtIn)
                            {
                                cell.StyleIndex = (uint)(2 + formats.Count + builtIns.IndexOf(builtIn));
                            }
                        }
                        else if (spec?.Formula is not null && text is not null)
                        {
                            cell.DataType = spec.IsError ? CellValues.Error : CellValues.String;
                            cell.CellValue = new CellValue(text);
                        }
                        else if (spec?.Formula is not null)
                        {
                            // A formula whose result was never saved.
                        }
                        else if (inlineStrings)
                        {
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new Text(text!) { Space = SpaceProcessingModeValues.Preserve });
                        }
                        else
                        {
                            var key = text! + "\u0000" + spec?.Phonetic;
                            if (!index.TryGetValue(key, out var i))
                            {
                                i = index.Count;
                                index.Add(key, i);
                                var item = new SharedStringItem(new Text(text!) { Space = SpaceProcessingModeValues.Preserve });
                                if (spec?.Phonetic is not null)
                                {
                                    item.Append(new PhoneticRun(new Text(spec.Phonetic)) { BaseTextStartIndex = 0, EndingBaseIndex = (uint)Math.Min(2, text!.Length) });
                                    item.Append(new PhoneticProperties { FontId = 0 });
                                }

                                sst.Append(item);
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        row.Append(cell);
                    }

                    data.Append(row);
                }

                var worksheet = new Worksheet(data);
                if (grid.Merges.Count > 0)
                {
                    worksheet.Append(new MergeCells(grid.Merges.Select(m => new MergeCell { Reference = m })));
                }

                part.Worksheet = worksheet;
                sheetList.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = id++,
                    Name = grid.Name,
                    State = grid.Hidden ? SheetStateValues.Hidden : null,
                });
            }

            if (!inlineStrings)
            {
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = sst;
            }
        }

        return stream.ToArray();
    }

    private static Stylesheet Styles(List<string> formats, List<uint> builtIns)
    {
        var numberingFormats = new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f }));
        var xfs = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true });
        foreach (var i in Enumerable.Range(0, formats.Count))
        {
            xfs.Append(new CellFormat { NumberFormatId = (uint)(164 + i), FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        }

        foreach (var builtIn in builtIns)
        {
            xfs.Append(new CellFormat { NumberFormatId = builtIn, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        }

        return new Stylesheet(
            numberingFormats,
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "游ゴシック" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            xfs);
    }
}
