namespace Shinchoku.Reports.Sheets;

/// <summary>
/// The limits a file must keep to be read at all. They protect the server from files made to exhaust it
/// (zip bombs: a small file that expands to gigabytes, or thousands of entries) and keep an import to what a
/// progress sheet can hold. The defaults fit any real progress sheet with room to spare.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>The defaults.</summary>
    public static ReadLimits Default { get; } = new();

    /// <summary>The largest file accepted, in bytes (20 MiB).</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The most entries a workbook's zip may hold (a workbook has a few dozen).</summary>
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>The most bytes all entries of a workbook may expand to (200 MiB).</summary>
    public long MaxExpandedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The most an entry larger than <see cref="RatioCheckFromBytes"/> may expand relative to its compressed size (100 times, as Apache POI).</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this when expanded are not held to <see cref="MaxCompressionRatio"/> (1 MiB).</summary>
    public long RatioCheckFromBytes { get; init; } = 1024 * 1024;

    /// <summary>The most characters a cell may hold (Excel's own limit: 32,767).</summary>
    public int MaxCellCharacters { get; init; } = 32767;

    /// <summary>The last row a value may stand in.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>The most cells holding values in the whole file.</summary>
    public int MaxCells { get; init; } = 2_000_000;

    /// <summary>The most sheets a workbook may have.</summary>
    public int MaxSheets { get; init; } = 100;

    /// <summary>The most rows all merged areas may cover together.</summary>
    public long MaxMergedRows { get; init; } = 2_000_000;
}

/// <summary>
/// A file that is refused as a whole: too large, not what its name says, a macro book, a zip bomb, no
/// header. The message is in Japanese, names the file (and sheet and cell where there is one), and says what to do.
/// </summary>
public sealed class SpreadsheetRefusedException : Exception
{
    /// <summary>Creates the refusal with its message.</summary>
    public SpreadsheetRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the refusal with its message and the error that caused it.</summary>
    public SpreadsheetRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a refusal with a generic message.</summary>
    public SpreadsheetRefusedException()
        : base("ファイルを読み込めません。")
    {
    }
}
