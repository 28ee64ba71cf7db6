namespace Shinchoku.Reports.Sheets;

/// <summary>What the first bytes of a file say it is, whatever its name says.</summary>
public enum FileContent
{
    /// <summary>A zip package: an Office Open XML workbook or some other zip.</summary>
    Zip,

    /// <summary>An OLE2 compound file: an Excel 97-2003 book (.xls) or a password-protected workbook.</summary>
    Ole2,

    /// <summary>A PNG image.</summary>
    Png,

    /// <summary>A JPEG image.</summary>
    Jpeg,

    /// <summary>A GIF image.</summary>
    Gif,

    /// <summary>A PDF document.</summary>
    Pdf,

    /// <summary>Other binary data (NUL bytes in the first kilobytes).</summary>
    Binary,

    /// <summary>Text (no NUL bytes, or UTF-16 with its byte order mark).</summary>
    Text,

    /// <summary>Nothing at all.</summary>
    Empty,
}

/// <summary>Tells what a file is from its first bytes, to refuse a file that is not what its name says.</summary>
public static class FileSniffer
{
    /// <summary>Looks at the start of <paramref name="head"/> (a few kilobytes are enough).</summary>
    public static FileContent Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return FileContent.Empty;
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8) || head.StartsWith("PK\u0007\u0008"u8))
        {
            return FileContent.Zip;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileContent.Ole2;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return FileContent.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileContent.Jpeg;
        }

        if (head.StartsWith("GIF8"u8))
        {
            return FileContent.Gif;
        }

        if (head.StartsWith("%PDF"u8))
        {
            return FileContent.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return FileContent.Text;
        }

        return head[..Math.Min(head.Length, 8192)].Contains((byte)0) ? FileContent.Binary : FileContent.Text;
    }

    /// <summary>The Japanese name of what the file is, for messages.</summary>
    public static string Describe(FileContent content) => content switch
    {
        FileContent.Zip => "zip 形式のファイル",
        FileContent.Ole2 => "Excel 97-2003 形式（.xls）のブックか、パスワードで保護されたブック",
        FileContent.Png => "PNG 画像",
        FileContent.Jpeg => "JPEG 画像",
        FileContent.Gif => "GIF 画像",
        FileContent.Pdf => "PDF ファイル",
        FileContent.Binary => "テキストではないファイル",
        FileContent.Text => "テキストファイル",
        FileContent.Empty => "空のファイル",
        _ => "不明な形式のファイル",
    };
}
