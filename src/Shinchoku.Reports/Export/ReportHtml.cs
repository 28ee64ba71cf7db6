using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Shinchoku.Core.Time;
using Shinchoku.Reports.Layout;

namespace Shinchoku.Reports.Export;

/// <summary>What the print view shows besides the report.</summary>
public sealed record ReportHtmlOptions
{
    /// <summary>HTML placed above the report on screen and hidden in print (links to the downloads), or null.</summary>
    public string? ScreenHeaderHtml { get; init; }
}

/// <summary>
/// Writes 資料4 as one HTML document for the screen and for print: A3 landscape pages (CSS @page), the header
/// repeated on every page, group columns spanning their rows with vertical text as printed, marks centred, a
/// person's change marked ※ and explained below the table. All text is encoded; the document loads nothing
/// from elsewhere, so Chromium can print it to PDF from a file.
/// </summary>
public static class ReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; }
        .screen-header { padding: 1rem; border-bottom: 1px solid #767676; background: #f2f2f2; }
        .screen-header a { color: #0017c1; }
        main { padding: 1rem; }
        .doc-head p { margin: 0; color: #4d4d4d; }
        h1 { font-size: 1.5rem; margin: 0.25rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
        .scroll { overflow-x: auto; border: 1px solid #ccc; }
        .scroll:focus { outline: 3px solid #0017c1; outline-offset: 2px; }
        table { border-collapse: collapse; table-layout: fixed; width: 100%; min-width: 96rem; font-size: 0.8125rem; }
        th, td { border: 1px solid #1a1a1a; padding: 0.25rem 0.3rem; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: anywhere; }
        thead th { background: #e7e6e6; text-align: center; vertical-align: middle; font-weight: 700; }
        tbody th { font-weight: 400; }
        /* Vertical labels as printed, one character per line: a narrow column that wraps every character.
           (writing-mode would make the cell unbreakable across printed pages.) */
        td.vertical { word-break: break-all; overflow-wrap: anywhere; text-align: center; line-height: 1.15; padding: 0.25rem 0.1rem; }
        td.mark { text-align: center; vertical-align: middle; font-size: 1.25em; font-weight: 700; white-space: nowrap; }
        td.mark.word { font-size: 0.9em; white-space: normal; }
        td.overridden { background: #fff2cc; }
        .notes { margin: 0.5rem 0 0; padding: 0; list-style: none; font-size: 0.875rem; }
        @page { size: A3 landscape; margin: 8mm; }
        @media print {
          .screen-header { display: none; }
          main { padding: 0; }
          h1 { font-size: 12pt; margin: 0 0 2mm; }
          h2 { font-size: 11pt; margin: 0 0 2mm; }
          .scroll { overflow: visible; border: 0; }
          table { min-width: 0; font-size: 7pt; }
          thead { display: table-header-group; }
          /* No break-inside: avoid on rows: a row group spanned by 大項目 would become one unbreakable block. */
          section.report-table + section.report-table { break-before: page; }
          .notes { font-size: 7pt; }
        }
        """;

    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    public static void Write(ReportDocument document, TextWriter output, ReportHtmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new ReportHtmlOptions();
        var w = output;
        w.Write("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        w.Write(E($"{document.Title}｜{document.PlanName}"));
        w.Write("</title>\n<style>\n");
        w.Write(Css);
        w.Write("\n</style>\n</head>\n<body>\n");
        if (options.ScreenHeaderHtml is { } header)
        {
            w.Write("<header class=\"screen-header\">");
            w.Write(header);
            w.Write("</header>\n");
        }

        w.Write("<main>\n<div class=\"doc-head\"><p>");
        w.Write(E(document.PlanName));
        w.Write("</p><h1>");
        w.Write(E(document.Title));
        w.Write("</h1></div>\n");
        if (document.Tables.Count == 0)
        {
            w.Write("<p>この年度の進捗状況には、まだ成果指標がありません。</p>\n");
        }

        foreach (var table in document.Tables)
        {
            WriteTable(w, table);
        }

        w.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>The document as a string.</summary>
    public static string ToHtml(ReportDocument document, ReportHtmlOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(document, writer, options);
        return writer.ToString();
    }

    private static void WriteTable(TextWriter w, ReportTable table)
    {
        var id = "t" + table.Table.Replace('-', '_');
        var columns = table.Columns;
        var rows = table.Rows.ToList();
        var total = columns.Where(c => !ReportLayout.IsVertical(c)).Sum(ReportLayout.Width);
        // One landmark per table: the scrolling region named by the heading (a named section around it would be a second
        // region of the same name, which screen readers list twice: axe landmark-unique).
        w.Write($"<section class=\"report-table\">\n<h2 id=\"{id}\">{E(table.Title)}</h2>\n");
        w.Write($"<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}\">\n<table>\n<colgroup>");
        var verticalColumns = columns.Count(ReportLayout.IsVertical);
        foreach (var column in columns)
        {
            // Vertical label columns are one character wide; the others share the rest in their Excel proportions.
            var width = ReportLayout.IsVertical(column) ? "1.9em"
                : string.Create(CultureInfo.InvariantCulture, $"calc((100% - {verticalColumns * 1.9}em) * {ReportLayout.Width(column) / total:0.####})");
            w.Write($"<col style=\"width:{width}\">");
        }

        w.Write("</colgroup>\n<thead><tr>");
        foreach (var column in columns)
        {
            w.Write("<th scope=\"col\">");
            w.Write(E(ReportLayout.Header(column, table.Years)));
            w.Write("</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
        var groupLevels = columns.Where(c => ReportColumns.Groups.Contains(c)).ToList();
        var spans = new int[rows.Count, groupLevels.Count];
        for (var level = 0; level < groupLevels.Count; level++)
        {
            var start = 0;
            for (var i = 1; i <= rows.Count; i++)
            {
                if (i == rows.Count || Key(rows[i], groupLevels, level) != Key(rows[start], groupLevels, level))
                {
                    spans[start, level] = i - start;
                    start = i;
                }
            }
        }

        var notes = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            w.Write("<tr>");
            var level = 0;
            foreach (var column in columns)
            {
                if (ReportColumns.Groups.Contains(column))
                {
                    var span = spans[i, level++];
                    if (span == 0)
                    {
                        continue;
                    }

                    var vertical = ReportLayout.IsVertical(column) ? " class=\"vertical\"" : "";
                    var rowspan = span > 1 ? $" rowspan=\"{span}\"" : "";
                    w.Write($"<td{vertical}{rowspan}>{E(row.Text(column))}</td>");
                    continue;
                }

                var text = row.Text(column);
                if (column == ReportColumn.Indicator)
                {
                    w.Write($"<th scope=\"row\">{E(text)}</th>");
                }
                else if (ReportColumns.Marks.Contains(column))
                {
                    var classes = "mark" + (text.Length > 3 ? " word" : "") + (text.EndsWith(ReportMarks.OverrideMark, StringComparison.Ordinal) ? " overridden" : "");
                    w.Write($"<td class=\"{classes}\">{E(text)}</td>");
                }
                else
                {
                    w.Write($"<td>{E(text)}</td>");
                }
            }

            w.Write("</tr>\n");
            if (row.Note is { Length: > 0 } note)
            {
                notes.Add($"※ {row.Indicator.ReplaceLineEndings(" ")}: {note}");
            }
        }

        w.Write("</tbody>\n</table>\n</div>\n");
        if (notes.Count > 0)
        {
            w.Write("<ul class=\"notes\"><li>※ 印は、算出した評価を担当者が変更したもの、または見出しと異なる年度の目標です。</li>");
            foreach (var note in notes)
            {
                w.Write($"<li>{E(note)}</li>");
            }

            w.Write("</ul>\n");
        }

        w.Write("</section>\n");
    }

    private static string Key(ReportRow row, List<ReportColumn> levels, int level) =>
        string.Join('\u0001', levels.Take(level + 1).Select(row.Text));

    // Control characters are left out, as in every export (ControlCharacters); the encoder would write them as &#xN;.
    private static string E(string text) => Encoder.Encode(Core.Parsing.ControlCharacters.Remove(text));

    /// <summary>The report's default title: 令和2年度 進捗状況（資料4-1・4-2）.</summary>
    public static string DefaultTitle(FiscalYear fiscalYear, IEnumerable<string> tables) =>
        $"{fiscalYear} 進捗状況（資料{string.Join("・", tables)}）";
}
