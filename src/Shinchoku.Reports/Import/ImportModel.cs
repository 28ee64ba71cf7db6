using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Sheets;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Import;

/// <summary>How serious an import message is.</summary>
public enum MessageSeverity
{
    /// <summary>Read, but a person should look; some warnings still stop the import from being saved (see <see cref="ImportMessage.BlocksCommit"/>).</summary>
    Warning,

    /// <summary>The cell or row cannot be read as it is; nothing is saved until it is corrected.</summary>
    Error,
}

/// <summary>
/// One finding about a file, a sheet, a row or a cell, in Japanese, naming the sheet, the row and the column
/// letter and quoting the cell's text where there is one.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Text">The message for people.</param>
public sealed record ImportMessage(MessageSeverity Severity, string Text)
{
    /// <summary>The sheet, or null for the file as a whole.</summary>
    public string? Sheet { get; init; }

    /// <summary>The sheet row (1-based), or null.</summary>
    public int? Row { get; init; }

    /// <summary>The column letter (H), or null.</summary>
    public string? Column { get; init; }

    /// <summary>The cell's text, or null.</summary>
    public string? CellText { get; init; }

    /// <summary>True when the import may not be saved while this stands: every error, and formula or date cells read in place of values.</summary>
    public bool BlocksCommit
    {
        get => blocksCommit || IsError;
        init => blocksCommit = value;
    }

    private readonly bool blocksCommit;

    /// <summary>True for an error.</summary>
    public bool IsError => Severity == MessageSeverity.Error;
}

/// <summary>One cell read for a row: its text and where it came from (the top-left cell of a merged area).</summary>
/// <param name="Text">The text, trimmed; line breaks as \n.</param>
/// <param name="Row">The row of the cell that holds the text.</param>
/// <param name="Column">Its column.</param>
public sealed record ImportedCell(string Text, int Row, int Column)
{
    /// <summary>The cell's reference, H7.</summary>
    public string Address => CellAddress.Of(Row, Column);

    /// <summary>The column letter, H.</summary>
    public string Letter => CellAddress.ColumnLetters(Column);
}

/// <summary>
/// One KPI row of an imported sheet: its cells by column, the group values carried down to it, its values
/// as Core parsed them, its printed marks, the marks Core computes, and how the two compare.
/// </summary>
public sealed class ImportRow
{
    private readonly List<ImportMessage> messages = [];

    /// <summary>The sheet's name.</summary>
    public required string Sheet { get; init; }

    /// <summary>The table: 4-1, 4-2 or 4-3.</summary>
    public required string Table { get; init; }

    /// <summary>The row in the sheet (1-based).</summary>
    public required int Row { get; init; }

    /// <summary>The fiscal year reported on, when known (from the header or the caller).</summary>
    public FiscalYear? FiscalYear { get; init; }

    /// <summary>The fiscal year of the baseline column, when its header names one.</summary>
    public FiscalYear? BaselineYear { get; init; }

    /// <summary>The fiscal year of the interim target, when its header names one.</summary>
    public FiscalYear? InterimYear { get; init; }

    /// <summary>The fiscal year of the final target, when its header names one.</summary>
    public FiscalYear? FinalYear { get; init; }

    /// <summary>The cells of the columns the sheet has.</summary>
    public required IReadOnlyDictionary<ReportColumn, ImportedCell> Cells { get; init; }

    /// <summary>大項目, carried down; "" when none.</summary>
    public string Area { get; init; } = "";

    /// <summary>中項目, carried down.</summary>
    public string Section { get; init; } = "";

    /// <summary>小項目, carried down.</summary>
    public string Subsection { get; init; } = "";

    /// <summary>取組名, carried down.</summary>
    public string Initiative { get; init; } = "";

    /// <summary>
    /// The level the row's KPI hangs on: 取組名 where the row has one; otherwise (資料4-3 has no 取組名) the deepest
    /// group label it carries, 小項目, else 中項目, else 大項目. <see cref="ReportColumn.Initiative"/> when it has none at all.
    /// </summary>
    public ReportColumn ParentLevel => Initiative.Length > 0 ? ReportColumn.Initiative
        : Subsection.Length > 0 ? ReportColumn.Subsection
        : Section.Length > 0 ? ReportColumn.Section
        : Area.Length > 0 ? ReportColumn.Area
        : ReportColumn.Initiative;

    /// <summary>The text of the level the KPI hangs on (the 取組名, or the group label); "" when none.</summary>
    public string Parent => ParentLevel switch
    {
        ReportColumn.Subsection => Subsection,
        ReportColumn.Section => Section,
        ReportColumn.Area => Area,
        _ => Initiative,
    };

    /// <summary>True when the KPI hangs directly on a group label, with no 取組名 (資料4-3).</summary>
    public bool HangsOnGroup => Initiative.Length == 0 && Parent.Length > 0;

    /// <summary>Where the row will hang, for people: 「取組「…」」 or 「小項目「…」の直下（取組名なし）」.</summary>
    public string Place => HangsOnGroup
        ? $"{ParentLevel.Label()}「{RowReader.OneLine(Parent)}」の直下（取組名なし）"
        : $"取組「{RowReader.OneLine(Initiative)}」";

    /// <summary>
    /// What tells the row's parent from others: the 取組名 (folded), or for a row hanging on a group, the whole group
    /// path (the same 小項目 title under two 中項目 is two places).
    /// </summary>
    public string ParentKey => HangsOnGroup
        ? "\u0002" + string.Join('\u0001', HeaderText.Key(Area), HeaderText.Key(Section), HeaderText.Key(Subsection))
        : HeaderText.Key(Initiative);

    /// <summary>The indicator's name as the row gives it (with a sub-row's label added, e.g. …（電子申請）).</summary>
    public string Indicator { get; internal set; } = "";

    /// <summary>The label that tells this sub-row from the others of the same indicator, or null.</summary>
    public string? SubLabel { get; internal set; }

    /// <summary>The messages about this row, in column order.</summary>
    public IReadOnlyList<ImportMessage> Messages => messages;

    /// <summary>The parsed values (null where a cell failed to parse).</summary>
    public ReportValues Values { get; private set; } = new(null, null, null, null);

    /// <summary>The printed marks, or null when they could not be read.</summary>
    public PrintedMarks? Printed { get; private set; }

    /// <summary>Why the printed marks could not be read, or null.</summary>
    public string? PrintedError { get; private set; }

    /// <summary>True when a printed mark carries the ※ that Shinchoku writes beside a mark a person changed.</summary>
    public bool PrintedAsOverridden { get; private set; }

    /// <summary>The marks computed by Core from the values.</summary>
    public Evaluation Computed { get; private set; }

    /// <summary>The marks the system shows: the computed ones, or a person's override of the matched indicator.</summary>
    public EffectiveMarks? Shown { get; private set; }

    /// <summary>How the printed marks compare with the marks shown.</summary>
    public ConsistencyCheck Consistency { get; private set; } = new(Core.Rules.Consistency.NotComparable, "評価の印字がありません。");

    /// <summary>True when the row has an error.</summary>
    public bool HasErrors => messages.Any(m => m.IsError);

    /// <summary>The text of a column's cell, or "" when the sheet has no such column.</summary>
    public string Text(ReportColumn column) => Cells.TryGetValue(column, out var cell) ? cell.Text : "";

    /// <summary>True when the sheet has the column.</summary>
    public bool Has(ReportColumn column) => Cells.ContainsKey(column);

    /// <summary>
    /// Computes the marks with the indicator's configured direction (null: inferred from the targets) and compares
    /// the printed marks with the marks shown: the override of a person where there is one, else the computed.
    /// </summary>
    public void Evaluate(Direction? direction = null, RatingOverride? ratingOverride = null)
    {
        var name = string.IsNullOrWhiteSpace(Indicator) ? "（成果指標なし）" : Indicator;
        Computed = Evaluator.Evaluate(new Core.Rules.Indicator(name, direction: direction), Values);
        Shown = new EffectiveMarks(Computed, ratingOverride);
        if (PrintedError is not null)
        {
            Consistency = new ConsistencyCheck(Core.Rules.Consistency.NotComparable, PrintedError);
            return;
        }

        if (Printed is null)
        {
            Consistency = new ConsistencyCheck(Core.Rules.Consistency.NotComparable, "評価の印字がありません。");
            return;
        }

        Consistency = ConsistencyCheck.Compare(MarksShown(Computed, ratingOverride), Printed);
    }

    /// <summary>The evaluation with a person's override applied, for comparing with printed marks.</summary>
    internal static Evaluation MarksShown(Evaluation computed, RatingOverride? ratingOverride) => ratingOverride switch
    {
        null => computed,
        { Kind: OverrideKind.Unknown } => new Evaluation { Direction = computed.Direction, Source = computed.Source, Reason = NotRatedReason.ValueUnknown },
        { Kind: OverrideKind.Suspended } => new Evaluation { Direction = computed.Direction, Source = computed.Source, Reason = NotRatedReason.ReportingSuspended },
        _ => computed with
        {
            Trend = ratingOverride.Trend ?? computed.Trend,
            Rating = ratingOverride.Rating ?? computed.Rating,
            InterimReached = ratingOverride.InterimReached ?? computed.InterimReached,
            Reason = (ratingOverride.Rating ?? computed.Rating) is null ? computed.Reason : NotRatedReason.None,
        },
    };

    internal void Add(ImportMessage message) => messages.Add(message);

    /// <summary>Parses the value cells and printed marks with Core, adding a message per problem.</summary>
    internal void Parse()
    {
        KpiValue? Read(ReportColumn column)
        {
            if (!Cells.TryGetValue(column, out var cell))
            {
                return null;
            }

            var result = KpiValue.Parse(cell.Text);
            foreach (var m in result.Messages)
            {
                Add(CellMessage(m.IsError ? MessageSeverity.Error : MessageSeverity.Warning, column, cell, m.Message));
            }

            return result.GetValueOrDefault();
        }

        // Read in the printed column order, so the messages come in the order a person reads the row.
        var baseline = Read(ReportColumn.Baseline);
        var actual = Read(ReportColumn.Actual);
        var projection = Read(ReportColumn.Projection);
        var interim = Read(ReportColumn.InterimTarget);
        var final = Read(ReportColumn.FinalTarget);
        Values = new ReportValues(baseline, actual, projection, final, interim);

        var texts = new Dictionary<ReportColumn, string?>();
        var errors = new List<string>();
        foreach (var column in ReportColumns.Marks)
        {
            if (!Cells.TryGetValue(column, out var cell))
            {
                texts[column] = null;
                continue;
            }

            var text = StripOverrideMark(cell.Text, out var marked);
            PrintedAsOverridden |= marked;
            texts[column] = text;
            var single = column switch
            {
                ReportColumn.Trend => PrintedMarks.Parse(text, null),
                ReportColumn.Rating => PrintedMarks.Parse(null, text),
                _ => PrintedMarks.Parse(null, null, text),
            };
            foreach (var m in single.Errors)
            {
                Add(CellMessage(MessageSeverity.Error, column, cell, m.Message));
                errors.Add(m.Message);
            }
        }

        if (errors.Count > 0)
        {
            PrintedError = string.Join(" ", errors);
            return;
        }

        var printed = PrintedMarks.Parse(texts[ReportColumn.Trend], texts[ReportColumn.Rating], texts[ReportColumn.InterimReached]);
        if (printed.Success && (printed.Value.TrendKind != PrintedMarkKind.Blank || printed.Value.RatingKind != PrintedMarkKind.Blank
            || printed.Value.InterimKind != PrintedMarkKind.Blank))
        {
            Printed = printed.Value;
        }
    }

    /// <summary>A mark without the ※ (or ＊) that marks it as changed by a person: 「○※」 → 「○」.</summary>
    public static string StripOverrideMark(string text, out bool marked)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        marked = false;
        while (t.Length > 0 && t[^1] is '※' or '＊' or '*')
        {
            marked = true;
            t = t[..^1].TrimEnd();
        }

        return t;
    }

    /// <summary>A message about one cell of this row: 「シート「資料4-2」9行目 G列（実績値）: …」.</summary>
    internal ImportMessage CellMessage(MessageSeverity severity, ReportColumn column, ImportedCell cell, string text, bool blocksCommit = false) =>
        new(severity, $"シート「{Sheet}」{cell.Row}行目 {cell.Letter}列（{column.Label()}）: {text}")
        {
            Sheet = Sheet,
            Row = cell.Row,
            Column = cell.Letter,
            CellText = cell.Text,
            BlocksCommit = blocksCommit || severity == MessageSeverity.Error,
        };

    /// <summary>A message about the row as a whole.</summary>
    internal ImportMessage RowMessage(MessageSeverity severity, string text, bool blocksCommit = false) =>
        new(severity, $"シート「{Sheet}」{Row}行目: {text}")
        {
            Sheet = Sheet,
            Row = Row,
            BlocksCommit = blocksCommit || severity == MessageSeverity.Error,
        };
}

/// <summary>What importing a file would do: the one decision that <c>import --check</c>, <c>import</c> and the import page share.</summary>
public enum ImportVerdict
{
    /// <summary>Every row can be saved.</summary>
    Commits,

    /// <summary>The file was read, but an error or a warning that blocks saving stands: nothing is saved.</summary>
    Blocked,

    /// <summary>The file cannot be read at all: nothing is saved.</summary>
    Refused,
}

/// <summary>
/// Everything read from one file: the sheets recognised, every KPI row with its parsed values and marks, and
/// the messages; or the refusal that stopped the file from being read at all.
/// </summary>
public sealed class ImportReading
{
    /// <summary>The file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>Why the file was refused as a whole (in Japanese), or null when it was read.</summary>
    public string? Refusal { get; init; }

    /// <summary>The sheets whose header was recognised.</summary>
    public IReadOnlyList<SheetLayout> Layouts { get; init; } = [];

    /// <summary>Every KPI row, in sheet and row order.</summary>
    public IReadOnlyList<ImportRow> Rows { get; init; } = [];

    /// <summary>Messages about the file and its sheets (row messages are on the rows).</summary>
    public IReadOnlyList<ImportMessage> Messages { get; init; } = [];

    /// <summary>True when the file was refused.</summary>
    public bool IsRefused => Refusal is not null;

    /// <summary>Every message: the file's and every row's.</summary>
    public IEnumerable<ImportMessage> AllMessages => Messages.Concat(Rows.SelectMany(r => r.Messages));

    /// <summary>The number of errors.</summary>
    public int ErrorCount => (IsRefused ? 1 : 0) + AllMessages.Count(m => m.IsError);

    /// <summary>The number of warnings.</summary>
    public int WarningCount => AllMessages.Count(m => !m.IsError);

    /// <summary>What importing the file would do, as far as the file alone tells (a plan may add its own blocks).</summary>
    public ImportVerdict Verdict => Decide(IsRefused, Rows.Count, AllMessages);

    /// <summary>True when nothing in the file stops the rows from being saved.</summary>
    public bool CanCommit => Verdict == ImportVerdict.Commits;

    /// <summary>
    /// The rule, in one place: a refused file is refused; a file with no rows, any error, or any warning that blocks
    /// saving (formula and date cells among them) is blocked; otherwise every row is saved.
    /// </summary>
    public static ImportVerdict Decide(bool refused, int rows, IEnumerable<ImportMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return refused ? ImportVerdict.Refused
            : rows == 0 || messages.Any(m => m.BlocksCommit) ? ImportVerdict.Blocked
            : ImportVerdict.Commits;
    }

    /// <summary>A refused reading.</summary>
    public static ImportReading Refused(string fileName, string message) => new() { FileName = fileName, Refusal = message };
}
