using System.Globalization;

namespace Shinchoku.Reports.Sheets;

/// <summary>
/// Opens an uploaded or given file as sheets of text: .xlsx through <see cref="XlsxReader"/>, .csv through
/// <see cref="CsvReader"/>. The name's extension and the first bytes must agree; macro books, old .xls books,
/// files over the size limit and other formats are refused with a Japanese message naming the file.
/// </summary>
public static class SpreadsheetFile
{
    /// <summary>The extensions that can be imported.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".csv"];

    /// <summary>Reads the file; throws <see cref="SpreadsheetRefusedException"/> when it will not be read.</summary>
    /// <param name="fileName">The file's name (a path is reduced to its name); its extension chooses the reader.</param>
    /// <param name="content">The file's bytes; read up to one byte past the size limit.</param>
    /// <param name="limits">The limits, or the defaults.</param>
    public static Workbook Read(string fileName, Stream content, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        limits ??= ReadLimits.Default;
        var name = Path.GetFileName(fileName);
        var data = ReadAtMost(content, limits.MaxFileBytes + 1);
        if (data.Length > limits.MaxFileBytes)
        {
            var size = content.CanSeek ? content.Length : data.Length;
            throw new SpreadsheetRefusedException(
                $"ファイル「{name}」は {Megabytes(size)} 以上あり、取り込める大きさの上限（{Megabytes(limits.MaxFileBytes)}）を超えています。不要なシートや画像を除いて保存し直してください。");
        }

        return Read(name, data, limits);
    }

    /// <summary>Reads the file from its bytes; see <see cref="Read(string, Stream, ReadLimits?)"/>.</summary>
    public static Workbook Read(string fileName, byte[] data, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(data);
        limits ??= ReadLimits.Default;
        var name = Path.GetFileName(fileName);
        if (data.Length > limits.MaxFileBytes)
        {
            throw new SpreadsheetRefusedException(
                $"ファイル「{name}」は {Megabytes(data.Length)} あり、取り込める大きさの上限（{Megabytes(limits.MaxFileBytes)}）を超えています。不要なシートや画像を除いて保存し直してください。");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var content = FileSniffer.Sniff(data.AsSpan(0, Math.Min(data.Length, 8192)));
        if (content == FileContent.Empty)
        {
            throw new SpreadsheetRefusedException($"ファイル「{name}」は空（0バイト）です。");
        }

        switch (extension)
        {
            case ".xlsx" or ".xltx":
                return content switch
                {
                    FileContent.Zip => XlsxReader.Read(name, data, limits),
                    FileContent.Ole2 => throw new SpreadsheetRefusedException(
                        $"ファイル「{name}」は名前が {extension} ですが、中身は Excel 97-2003 形式（.xls）のブックか、パスワードで保護されたブックです。パスワードを外し、「Excel ブック（*.xlsx）」として保存し直してください。"),
                    _ => throw Mismatch(name, extension, content),
                };
            case ".csv":
                // A NUL byte makes the sniffer say binary; the CSV reader then names the cell it stands in (or fails to decode).
                return content is FileContent.Text or FileContent.Binary ? CsvReader.Read(name, data, limits) : throw Mismatch(name, extension, content);
            case ".xlsm" or ".xltm" or ".xlam":
                throw new SpreadsheetRefusedException(
                    $"ファイル「{name}」はマクロを含むブックの形式（{extension}）です。安全のため、マクロを含むブックは取り込みません。マクロを除いて「Excel ブック（*.xlsx）」として保存し直してください。");
            case ".xls" or ".xlt":
                throw new SpreadsheetRefusedException(
                    $"ファイル「{name}」は Excel 97-2003 形式（{extension}）です。Excel で開き、「Excel ブック（*.xlsx）」として保存し直してください。");
            case ".xlsb":
                throw new SpreadsheetRefusedException(
                    $"ファイル「{name}」は Excel バイナリブック（.xlsb）です。「Excel ブック（*.xlsx）」として保存し直してください。");
            default:
                throw new SpreadsheetRefusedException(
                    $"ファイル「{name}」の形式（{(extension.Length == 0 ? "拡張子なし" : extension)}）には対応していません。Excel ブック（.xlsx）か CSV ファイル（.csv）を選んでください。");
        }
    }

    /// <summary>How many bad lines or cells a refusal names before it says ほか.</summary>
    internal const int MaxNamed = 10;

    /// <summary>Names the first <see cref="MaxNamed"/> items of a list in a message.</summary>
    internal static string Named(IReadOnlyList<string> items) =>
        string.Join("、", items.Take(MaxNamed)) + (items.Count > MaxNamed ? " ほか" : "");

    /// <summary>The refusal of a file whose cells hold control characters (<see cref="Core.Parsing.ControlCharacters"/>), naming the cells.</summary>
    internal static SpreadsheetRefusedException ControlCharactersIn(string fileName, IReadOnlyList<string> cells) => new(
        $"ファイル「{fileName}」には、取り込めない制御文字（NUL など、画面には見えない文字）を含むセルがあります: {Named(cells)}。ファイルが壊れているおそれがあります。元のファイルを確かめ、その文字を除いて保存し直してください。");

    private static SpreadsheetRefusedException Mismatch(string name, string extension, FileContent content) =>
        new($"ファイル「{name}」は名前が {extension} ですが、中身は{FileSniffer.Describe(content)}です。ファイルの名前と中身が合っていないため読み込みません。");

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString(bytes % (1024 * 1024) == 0 ? "N0" : "N1", CultureInfo.InvariantCulture) + " MB";

    private static byte[] ReadAtMost(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < max)
        {
            var n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max - buffer.Length));
            if (n == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}
