namespace Shinchoku.Reports.Sheets;

/// <summary>What a cell held in the file, before it became text.</summary>
public enum CellKind
{
    /// <summary>Text, as typed.</summary>
    Text,

    /// <summary>A number, shown as its number format shows it (60.76%, 1,095,825, 12件).</summary>
    Number,

    /// <summary>An Excel date serial, shown as a Japanese era date (令和2年12月1日).</summary>
    Date,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,

    /// <summary>An error value such as #DIV/0! or #N/A.</summary>
    Error,
}

/// <summary>
/// One cell of a sheet: its text as a person sees it in Excel, what kind of value it held, and the formula
/// when the cell was calculated (the text is then the result Excel saved).
/// </summary>
/// <param name="Text">The text shown; line breaks as \n.</param>
/// <param name="Kind">What the file stored.</param>
public sealed record SheetCell(string Text, CellKind Kind = CellKind.Text)
{
    /// <summary>The formula without its leading =, "" for a formula shared from another cell, or null when the cell holds a value.</summary>
    public string? Formula { get; init; }

    /// <summary>True when the cell is calculated by a formula.</summary>
    public bool IsFormula => Formula is not null;

    /// <summary>False for a formula whose result was not saved in the file (the text is then empty).</summary>
    public bool HasCachedValue { get; init; } = true;

    /// <summary>The number stored, for numbers and dates (the Excel serial).</summary>
    public double? Number { get; init; }
}

/// <summary>A rectangle of merged cells; the value is held by its top-left cell.</summary>
/// <param name="FirstRow">The top row (1-based).</param>
/// <param name="FirstColumn">The left column (1-based).</param>
/// <param name="LastRow">The bottom row, inclusive.</param>
/// <param name="LastColumn">The right column, inclusive.</param>
public readonly record struct MergedArea(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    /// <summary>True when the area covers the cell.</summary>
    public bool Contains(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    /// <summary>True when the cell is the area's top-left cell, which holds the value.</summary>
    public bool IsAnchor(int row, int column) => row == FirstRow && column == FirstColumn;

    /// <summary>The number of rows covered.</summary>
    public int RowSpan => LastRow - FirstRow + 1;

    /// <summary>The number of columns covered.</summary>
    public int ColumnSpan => LastColumn - FirstColumn + 1;
}

/// <summary>
/// A sheet as read from a workbook or a CSV file: its cells by row and column (1-based, sparse) and its merged
/// areas. <see cref="Text"/> gives what a person sees in a cell, merged areas included.
/// </summary>
public sealed class Sheet
{
    private readonly Dictionary<int, Dictionary<int, SheetCell>> rows = [];
    private readonly List<MergedArea> merges = [];
    private Dictionary<int, List<int>>? mergesByRow;

    /// <summary>Creates an empty sheet named <paramref name="name"/>.</summary>
    public Sheet(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The sheet's name as shown on its tab (the file name for CSV).</summary>
    public string Name { get; }

    /// <summary>The last row that holds a value (0 when the sheet is empty).</summary>
    public int RowCount { get; private set; }

    /// <summary>The last column that holds a value (0 when the sheet is empty).</summary>
    public int ColumnCount { get; private set; }

    /// <summary>The number of cells that hold a value.</summary>
    public int CellCount { get; private set; }

    /// <summary>True when no cell holds text.</summary>
    public bool IsEmpty => rows.Values.All(r => r.Values.All(c => string.IsNullOrWhiteSpace(c.Text)));

    /// <summary>The merged areas, clipped to the cells that hold values.</summary>
    public IReadOnlyList<MergedArea> Merges => merges;

    /// <summary>The cell itself, or null when nothing is stored there (a merged area's other cells are empty).</summary>
    public SheetCell? Cell(int row, int column) =>
        rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : null;

    /// <summary>The merged area covering the cell, if any.</summary>
    public MergedArea? MergeAt(int row, int column)
    {
        if (merges.Count == 0)
        {
            return null;
        }

        mergesByRow ??= IndexMerges();
        if (mergesByRow.TryGetValue(row, out var list))
        {
            foreach (var index in list)
            {
                if (merges[index].Contains(row, column))
                {
                    return merges[index];
                }
            }
        }

        return null;
    }

    /// <summary>The cell that gives the cell its value: the top-left cell of its merged area, or itself.</summary>
    public (int Row, int Column) Source(int row, int column) =>
        MergeAt(row, column) is { } area ? (area.FirstRow, area.FirstColumn) : (row, column);

    /// <summary>The text a person sees in the cell: a merged area's value in each of its cells; "" when empty.</summary>
    public string Text(int row, int column)
    {
        var (r, c) = Source(row, column);
        return Cell(r, c)?.Text ?? "";
    }

    /// <summary>Stores a cell; the reader calls this once per cell that holds a value.</summary>
    internal void Set(int row, int column, SheetCell cell)
    {
        if (!rows.TryGetValue(row, out var cells))
        {
            cells = [];
            rows.Add(row, cells);
        }

        if (cells.TryAdd(column, cell))
        {
            CellCount++;
        }
        else
        {
            cells[column] = cell;
        }

        RowCount = Math.Max(RowCount, row);
        ColumnCount = Math.Max(ColumnCount, column);
    }

    /// <summary>Adds a merged area, clipped to the cells that hold values; returns the number of rows it covers after clipping.</summary>
    internal int AddMerge(MergedArea area)
    {
        var clipped = area with { LastRow = Math.Min(area.LastRow, Math.Max(RowCount, area.FirstRow)) };
        if (clipped.RowSpan == 1 && clipped.ColumnSpan == 1)
        {
            return 0;
        }

        merges.Add(clipped);
        mergesByRow = null;
        return clipped.RowSpan;
    }

    private Dictionary<int, List<int>> IndexMerges()
    {
        var index = new Dictionary<int, List<int>>();
        for (var i = 0; i < merges.Count; i++)
        {
            for (var r = merges[i].FirstRow; r <= merges[i].LastRow; r++)
            {
                if (!index.TryGetValue(r, out var list))
                {
                    list = [];
                    index.Add(r, list);
                }

                list.Add(i);
            }
        }

        return index;
    }
}

/// <summary>The sheets read from one file, with remarks about what was left out (hidden sheets, chart sheets).</summary>
/// <param name="FileName">The file's name as given (no folder).</param>
/// <param name="Sheets">The sheets read, in tab order.</param>
/// <param name="Notices">Remarks in Japanese about the file as a whole.</param>
public sealed record Workbook(string FileName, IReadOnlyList<Sheet> Sheets, IReadOnlyList<string> Notices);
