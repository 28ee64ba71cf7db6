using System.Globalization;
using System.Text;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Sheets;

/// <summary>
/// Turns a number stored in a workbook into the text Excel shows for it, by the cell's number format:
/// 0.6076 with 0.00% is 60.76%, 1095825 with #,##0 is 1,095,825, 12 with 0"件" is 12件. Date formats are
/// recognised so that date serials are read as dates. Formats this does not know fall back to General.
/// </summary>
public static class NumberFormats
{
    private static readonly Dictionary<int, string> BuiltIn = new()
    {
        [0] = "General",
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [5] = "\"¥\"#,##0;\"¥\"-#,##0",
        [6] = "\"¥\"#,##0;[Red]\"¥\"-#,##0",
        [7] = "\"¥\"#,##0.00;\"¥\"-#,##0.00",
        [8] = "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00",
        [9] = "0%",
        [10] = "0.00%",
        [11] = "0.00E+00",
        [12] = "# ?/?",
        [13] = "# ??/??",
        [37] = "#,##0 ;(#,##0)",
        [38] = "#,##0 ;[Red](#,##0)",
        [39] = "#,##0.00;(#,##0.00)",
        [40] = "#,##0.00;[Red](#,##0.00)",
        [48] = "##0.0E+0",
        [49] = "@",
    };

    /// <summary>
    /// True when the format shows a date or time: the built-in date formats (14–22, 45–47, and the Japanese
    /// ones 27–36 and 50–58) or a format code with y, m, d, h, s, g or e outside quotes.
    /// </summary>
    public static bool IsDate(int numFmtId, string? code)
    {
        if (numFmtId is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }

        if (code is null || BuiltIn.ContainsKey(numFmtId) && numFmtId < 164)
        {
            return false;
        }

        var section = FirstSection(code);
        var s = StripLiterals(section, keepElapsed: true);
        for (var i = 0; i < s.Length; i++)
        {
            var c = char.ToLowerInvariant(s[i]);
            if (c == 'e' && i + 1 < s.Length && s[i + 1] is '+' or '-')
            {
                i++; // scientific notation, not the era year
                continue;
            }

            if (c is 'y' or 'm' or 'd' or 'h' or 's' or 'g' or 'e')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text Excel shows for <paramref name="value"/> in the given format (General when unknown).</summary>
    public static string Format(double value, int numFmtId, string? code)
    {
        if (code is null && !BuiltIn.TryGetValue(numFmtId, out code))
        {
            code = "General";
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "#NUM!";
        }

        var net = ToDotNet(code);
        if (net is null)
        {
            return General(value);
        }

        try
        {
            var number = value is > -7.9e27 and < 7.9e27 ? (object)(decimal)value : value;
            var text = number is decimal d ? d.ToString(net, CultureInfo.InvariantCulture) : value.ToString(net, CultureInfo.InvariantCulture);
            return text.Trim();
        }
        catch (FormatException)
        {
            return General(value);
        }
    }

    /// <summary>Excel's General format: up to 15 significant digits, no thousands separator.</summary>
    public static string General(double value)
    {
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>The date an Excel serial stands for (1900 date system, or 1904 when the workbook says so).</summary>
    public static DateTime? SerialToDate(double serial, bool date1904)
    {
        if (double.IsNaN(serial) || serial < 0 || serial > 2958465)
        {
            return null;
        }

        if (date1904)
        {
            return new DateTime(1904, 1, 1).AddDays(serial);
        }

        // Excel counts 1900-02-29, a day that never was: serials from 61 on are one day late.
        var start = serial < 61 ? new DateTime(1899, 12, 31) : new DateTime(1899, 12, 30);
        return serial < 1 && serial > 0 ? new DateTime(1899, 12, 30).AddDays(serial) : start.AddDays(serial);
    }

    /// <summary>A date serial as a Japanese era date (令和2年12月1日), with the time where the format shows one.</summary>
    public static string FormatDate(double serial, bool date1904, int numFmtId, string? code)
    {
        if (SerialToDate(serial, date1904) is not { } date || date.Year < 1868)
        {
            return General(serial);
        }

        var showsTime = numFmtId is (>= 18 and <= 22) or (>= 45 and <= 47) || (code is not null && StripLiterals(FirstSection(code), keepElapsed: true).Contains('h', StringComparison.OrdinalIgnoreCase));
        var showsDate = numFmtId is not ((>= 18 and <= 21) or (>= 45 and <= 47)) && serial >= 1;
        var time = date.ToString("H:mm", CultureInfo.InvariantCulture);
        if (!showsDate)
        {
            return time;
        }

        var day = JapaneseDate.Format(DateOnly.FromDateTime(date));
        return showsTime && date.TimeOfDay != TimeSpan.Zero ? day + " " + time : day;
    }

    private static string FirstSection(string code)
    {
        var inQuote = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    inQuote = !inQuote;
                    break;
                case '\\' when !inQuote:
                    i++;
                    break;
                case ';' when !inQuote:
                    return code[..i];
            }
        }

        return code;
    }

    /// <summary>The format code without quoted text, escaped characters, [colour]/[$-411] brackets and General.</summary>
    private static string StripLiterals(string code, bool keepElapsed)
    {
        var sb = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                var end = code.IndexOf('"', i + 1);
                i = end < 0 ? code.Length : end;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c == '[')
            {
                var end = code.IndexOf(']', i + 1);
                var inner = end < 0 ? "" : code[(i + 1)..end];
                if (keepElapsed && inner.Length > 0 && inner.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                {
                    sb.Append(inner);
                }

                i = end < 0 ? code.Length : end;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Replace("General", "", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Rewrites an Excel number format as a .NET custom format, which shares 0 # , . % E+ and quoted literals:
    /// brackets ([Red], [$-411], conditions) are dropped, _x becomes a space, *x fill is dropped, ? becomes #.
    /// Null for General, text (@) and fractions, which are shown as General.
    /// </summary>
    private static string? ToDotNet(string code)
    {
        if (code.Length == 0 || code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@" || code.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var sb = new StringBuilder(code.Length + 8);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var end = code.IndexOf('"', i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    sb.Append(code, i, end - i + 1);
                    i = end;
                    break;
                case '\\':
                    if (i + 1 < code.Length)
                    {
                        sb.Append('\\').Append(code[++i]);
                    }

                    break;
                case '[':
                    var close = code.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    i = close;
                    break;
                case '_':
                    sb.Append(' ');
                    i++;
                    break;
                case '*':
                    i++;
                    break;
                case '?':
                    sb.Append('#');
                    break;
                case '@':
                    break;
                default:
                    if (c is 'G' or 'g' && string.Compare(code, i, "General", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return null;
                    }

                    if (char.IsAsciiLetter(c) && c is not ('E' or 'e'))
                    {
                        sb.Append('\\').Append(c);
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        var result = sb.ToString();
        return result.Any(ch => ch is '0' or '#') ? result : null;
    }
}
