using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Reminders;

/// <summary>One .eml message of the pickup folder, decoded for reading: file name, date, to, subject and text.</summary>
public sealed record StoredMail(string FileName, DateTimeOffset Date, string To, string From, string Subject, string Body);

/// <summary>
/// Reads the .eml files the pickup folder sender wrote (single-part text, as System.Net.Mail writes them):
/// headers unfolded with RFC 2047 encoded words decoded, the body decoded from base64 or quoted-printable.
/// </summary>
public static partial class MailFolder
{
    /// <summary>The messages in <paramref name="directory"/>, newest first.</summary>
    public static List<StoredMail> List(string directory) =>
        !Directory.Exists(directory) ? [] :
        [.. new DirectoryInfo(directory).GetFiles("*.eml").Select(f => Read(f.FullName, f.LastWriteTimeUtc))
            .OrderByDescending(m => m.Date).ThenBy(m => m.FileName, StringComparer.Ordinal)];

    /// <summary>The message <paramref name="fileName"/> of <paramref name="directory"/>, or null when there is none by that name.</summary>
    public static StoredMail? Find(string directory, string? fileName)
    {
        if (string.IsNullOrEmpty(fileName) || fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? Read(path, File.GetLastWriteTimeUtc(path)) : null;
    }

    private static StoredMail Read(string path, DateTime written)
    {
        var text = File.ReadAllText(path, Encoding.ASCII);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Unfold().Replace(head, " ").Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), DecodeWords(line[(colon + 1)..].Trim()));
            }
        }

        var date = headers.TryGetValue("Date", out var d) && DateTimeOffset.TryParse(StripComment().Replace(d, ""), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at : new DateTimeOffset(written, TimeSpan.Zero);
        var charset = headers.TryGetValue("Content-Type", out var type) && Charset().Match(type) is { Success: true } m ? m.Groups[1].Value : "utf-8";
        var bytes = headers.GetValueOrDefault("Content-Transfer-Encoding", "").ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => QuotedPrintable(SoftBreak().Replace(body, ""), underscoreIsSpace: false),
            _ => Encoding.UTF8.GetBytes(body),
        };
        return new StoredMail(Path.GetFileName(path), date, headers.GetValueOrDefault("To", ""), headers.GetValueOrDefault("From", ""),
            headers.GetValueOrDefault("Subject", ""), EncodingOf(charset).GetString(bytes).TrimEnd());
    }

    // Adjacent encoded words are decoded together: an encoder may split one character's bytes between them.
    private static string DecodeWords(string value)
    {
        var text = new StringBuilder();
        var pending = new List<byte>();
        var charset = "utf-8";
        var last = 0;
        foreach (Match m in EncodedWord().Matches(value))
        {
            var between = value[last..m.Index];
            if (between.Trim().Length > 0 || !string.Equals(m.Groups[1].Value, charset, StringComparison.OrdinalIgnoreCase))
            {
                text.Append(EncodingOf(charset).GetString([.. pending])).Append(pending.Count > 0 && between.Trim().Length == 0 ? "" : between);
                pending.Clear();
            }

            charset = m.Groups[1].Value;
            pending.AddRange(m.Groups[2].Value is "B" or "b" ? Convert.FromBase64String(m.Groups[3].Value) : QuotedPrintable(m.Groups[3].Value, underscoreIsSpace: true));
            last = m.Index + m.Length;
        }

        return text.Append(EncodingOf(charset).GetString([.. pending])).Append(value[last..]).ToString();
    }

    private static Encoding EncodingOf(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static byte[] QuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(underscoreIsSpace && text[i] == '_' ? " " : text[i].ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex Unfold();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"charset=""?([A-Za-z0-9_\-]+)")]
    private static partial Regex Charset();

    [GeneratedRegex(@"=\r\n")]
    private static partial Regex SoftBreak();

    [GeneratedRegex(@"\s*\([^)]*\)\s*$")]
    private static partial Regex StripComment();
}
