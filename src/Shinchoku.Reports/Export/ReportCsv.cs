using System.Text;
using Shinchoku.Core.Parsing;
using Shinchoku.Reports.Layout;

namespace Shinchoku.Reports.Export;

/// <summary>
/// Writes 資料4 as one CSV table (UTF-8 with a byte order mark, so Excel opens it as UTF-8; CRLF line ends):
/// a 資料 column telling 4-1 from 4-2, every column of both layouts with the fiscal years in the header, the group
/// columns filled on every row, and a 備考 column with the reason of a changed mark. A text that begins with
/// = + - @, a tab or a carriage return is written with a leading ' so that no spreadsheet runs it as a formula;
/// control characters are never written (<see cref="Field"/>, which the open data CSV uses too).
/// </summary>
public static class ReportCsv
{
    private static readonly ReportColumn[] Columns = [ReportColumn.Table, .. ReportLayout.AllColumns, ReportColumn.Note];

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (left open).</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true) { NewLine = "\r\n" };
        var years = document.Tables.Count > 0 ? document.Tables[0].Years : new ReportYears(document.FiscalYear, null, null, null);
        if (document.Tables.FirstOrDefault(t => t.Years.Interim is not null) is { } withInterim)
        {
            years = years with { Interim = withInterim.Years.Interim };
        }

        WriteLine(writer, Columns.Select(c => c == ReportColumn.Rating ? "進捗率" : ReportLayout.Header(c, years).Replace("\n", "", StringComparison.Ordinal)));
        foreach (var table in document.Tables)
        {
            foreach (var row in table.Rows)
            {
                // A column the table's printed layout does not have stays empty (4-1 has no 進捗率; 4-2 no 中間目標).
                WriteLine(writer, Columns.Select(c => c switch
                {
                    ReportColumn.Table => table.Table,
                    ReportColumn.Note => row.Text(c),
                    _ => table.Columns.Contains(c) ? row.Text(c) : "",
                }));
            }
        }
    }

    /// <summary>
    /// A field as CSV writes it: control characters left out (<see cref="ControlCharacters"/>; removed first, so that
    /// a text hiding = behind a NUL is still guarded), guarded against formula injection, quoted where needed.
    /// </summary>
    public static string Field(string? text)
    {
        var value = ControlCharacters.Remove(text ?? "");
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny("\",\r\n") >= 0 || value != value.Trim())
        {
            return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value;
    }

    private static void WriteLine(StreamWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Field(field));
            first = false;
        }

        writer.WriteLine();
    }
}
