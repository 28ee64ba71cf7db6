using System.IO.Compression;
using System.Text;

namespace Shinchoku.Reports.Tests.Support;

/// <summary>The corpus of files an import must refuse, built in memory.</summary>
public static class BadFiles
{
    /// <summary>A valid book cut in half.</summary>
    public static byte[] Truncated() => SeedSheets.Book()[..(SeedSheets.Book().Length / 2)];

    /// <summary>A zip whose one entry expands from about 200 KB to 200 MB of zeros.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 200; i++)
            {
                s.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A zip with 5,000 tiny entries.</summary>
    public static byte[] ManyEntries()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 5000; i++)
            {
                AddText(zip, $"xl/media/x{i}.xml", "<x/>");
            }
        }

        return stream.ToArray();
    }

    /// <summary>A valid book with a VBA project added, as an .xlsm would carry.</summary>
    public static byte[] WithMacro()
    {
        var book = SeedSheets.Book();
        using var stream = new MemoryStream();
        stream.Write(book);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry("xl/vbaProject.bin");
            using var s = entry.Open();
            s.Write(Encoding.ASCII.GetBytes("Attribute VB_Name = \"Module1\""));
        }

        return stream.ToArray();
    }

    /// <summary>The first bytes of a PNG image.</summary>
    public static byte[] Png() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    /// <summary>The signature of an OLE2 compound file (.xls, or an encrypted .xlsx).</summary>
    public static byte[] Ole2() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Text of about <paramref name="megabytes"/> MB that does not compress well (so a zip stays large).</summary>
    public static string Noise(int megabytes)
    {
        var random = new Random(6);
        var sb = new StringBuilder(megabytes * 1024 * 1024);
        const string chars = "あいうえおかきくけこさしすせそ進捗管理指標基準値実績見込目標ABCDEFGHIJ0123456789";
        while (sb.Length < megabytes * 1024 * 1024)
        {
            sb.Append(chars[random.Next(chars.Length)]);
        }

        return sb.ToString();
    }

    private static void AddText(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var s = entry.Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The bad files, by kind: (file name, bytes). Shared with the web tests, which import them into a database.</summary>
    public static (string Name, byte[] Bytes) Build(string kind)
    {
        switch (kind)
        {
            case "truncated": return ("r2.xlsx", BadFiles.Truncated());
            case "zip-bomb": return ("bomb.xlsx", BadFiles.ZipBomb());
            case "many-entries": return ("many.xlsx", BadFiles.ManyEntries());
            case "xlsm-by-name": return ("r2.xlsm", SeedSheets.Book());
            case "macro-in-xlsx": return ("r2.xlsx", BadFiles.WithMacro());
            case "png-named-xlsx": return ("photo.xlsx", BadFiles.Png());
            case "xls-named-xlsx": return ("old.xlsx", BadFiles.Ole2());
            case "old-xls": return ("old.xls", BadFiles.Ole2());
            case "pdf-named-csv": return ("r2.csv", Encoding.ASCII.GetBytes("%PDF-1.7\n\0\0binary"));
            case "unknown-extension": return ("r2.txt", Encoding.UTF8.GetBytes("a,b"));
            case "empty-file": return ("r2.xlsx", []);
            case "empty-sheet": return ("empty.xlsx", SheetBuilder.Xlsx(new GridSheet("Sheet1")));
            case "missing-header":
            {
                var sheet = new GridSheet("4-2");
                sheet.Add("取組の一覧");
                sheet.Add("テレワークの推進", "25人", "140人");
                return ("no-header.xlsx", SheetBuilder.Xlsx(sheet));
            }

            case "missing-column":
            {
                var sheet = SeedSheets.Sheet("4-2");
                var header = sheet.Rows[2];
                header[Array.IndexOf(SeedSheets.Columns42, "final")] = "備考";
                return ("no-final.xlsx", SheetBuilder.Xlsx(sheet));
            }

            case "duplicated-header":
            {
                var sheet = SeedSheets.Sheet("4-2");
                var header = sheet.Rows[2];
                header[Array.IndexOf(SeedSheets.Columns42, "actual")] = "令和2年度実績値";
                header[Array.IndexOf(SeedSheets.Columns42, "projection")] = "令和2年度\n実績値";
                return ("dup.xlsx", SheetBuilder.Xlsx(sheet));
            }

            case "too-large": return ("big.csv", new byte[21 * 1024 * 1024]);
            case "cell-10mb-xlsx":
            {
                var sheet = SeedSheets.Sheet("4-2", rows: SeedKpis.Of("4-2").Take(2));
                sheet.Rows[3][Array.IndexOf(SeedSheets.Columns42, "status")] = BadFiles.Noise(4);
                return ("huge-cell.xlsx", SheetBuilder.Xlsx(sheet));
            }

            case "cell-10mb-csv":
            {
                var csv = SeedSheets.Csv("4-2").Split("\r\n");
                var text = csv[0] + "\r\n" + "a,b,c,d,e,\"" + BadFiles.Noise(10)[..(10 * 1024 * 1024 / 3)] + "\"\r\n";
                return ("huge-cell.csv", Encoding.UTF8.GetBytes(text));
            }

            case "no-data-rows":
            {
                var sheet = SeedSheets.Sheet("4-2", rows: []);
                return ("header-only.xlsx", SheetBuilder.Xlsx(sheet));
            }

            case "conflicting-years":
            {
                var sheet = SeedSheets.Sheet("4-2");
                sheet.Rows[2][Array.IndexOf(SeedSheets.Columns42, "projection")] = "令和3年度末見込値";
                return ("years.xlsx", SheetBuilder.Xlsx(sheet));
            }

            case "bad-encoding-csv": return ("r2.csv", [0x81, 0x20, 0xFF, 0xFE, 0x41, 0x0A]);
            case "unclosed-quote-csv": return ("r2.csv", Encoding.UTF8.GetBytes(SeedSheets.Csv("4-2") + "\"never closed,"));
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
