using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shinchoku.Core.Rules;
using Shinchoku.Reports.Import;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Reports;

/// <summary>
/// The result of <c>import --json</c>, one object on standard output (its fields are listed in the README). Written by
/// System.Text.Json in camelCase, Japanese as it is (not \u escapes); optional parts are left out rather than null.
/// </summary>
public sealed record ImportJson(
    string? File,
    string? Plan,
    bool Check,
    bool Committed,
    string Verdict,
    string? Refused,
    IReadOnlyList<ImportJson.SheetJson> Sheets,
    IReadOnlyList<ImportJson.RowJson> Rows,
    IReadOnlyList<ImportJson.MessageJson> Messages,
    int Errors,
    int Warnings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImportJson.SummaryJson? Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AuditEntries)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The object as one line of JSON.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Options);

    /// <summary>The file or the arguments could not be used: the file's name, the reason, no rows and one error.</summary>
    public static RefusalJson Refusal(string? file, string message) => new(file, message, [], 1);

    /// <summary>The preview (and the outcome of saving it) as the command prints it.</summary>
    public static ImportJson From(ImportPreview preview, ImportArguments args, ImportOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(args);
        var reading = preview.Reading;
        var matched = preview.PlanKey is not null;
        return new ImportJson(
            reading.FileName,
            preview.PlanKey,
            args.Check,
            outcome?.Committed == true,
            preview.Verdict switch
            {
                ImportVerdict.Commits => "commits",
                ImportVerdict.Blocked => "blocked",
                _ => "refused",
            },
            reading.Refusal,
            [.. reading.Layouts.Select(layout => new SheetJson(
                layout.Sheet.Name,
                layout.Table,
                layout.HeaderFirstRow,
                (layout.ReportYear ?? args.FiscalYear)?.StartYear,
                reading.Rows.Count(r => r.Sheet == layout.Sheet.Name)))],
            [.. preview.Rows.Select(item => RowJson.From(item, matched))],
            [.. preview.Messages.Select(MessageJson.From)],
            preview.ErrorCount,
            preview.WarningCount,
            matched ? new SummaryJson(preview.Count(ImportAction.New), preview.Count(ImportAction.Update), preview.Count(ImportAction.Unchanged)) : null,
            outcome?.AuditEntries);
    }

    /// <summary>The output of a refused command.</summary>
    public sealed record RefusalJson(string? File, string Refused, IReadOnlyList<RowJson> Rows, int Errors)
    {
        public string Serialize() => JsonSerializer.Serialize(this, Options);
    }

    /// <summary>A sheet recognised as 資料4: its table, header row, fiscal year and number of rows.</summary>
    public sealed record SheetJson(string Name, string Table, int HeaderRow, int? FiscalYear, int Rows);

    /// <summary>What saving would do: the number of new, updated and unchanged indicators.</summary>
    public sealed record SummaryJson(int New, int Update, int Unchanged);

    /// <summary>One row: where it is, its marks computed, overridden and printed, and what saving it does (when matched to a plan).</summary>
    public sealed record RowJson(
        string Sheet,
        string Table,
        [property: JsonPropertyName("row")] int RowNumber,
        string Initiative,
        string Place,
        string Indicator,
        int? FiscalYear,
        ComputedJson Computed,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OverrideJson? Override,
        PrintedJson? Printed,
        string Consistency,
        string? ConsistencyReason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Action,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Changes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReviewStateJson? ReviewState,
        IReadOnlyList<MessageJson> Messages)
    {
        internal static RowJson From(ImportRowPlan item, bool matched)
        {
            var row = item.Row;
            var c = row.Computed;
            return new RowJson(
                row.Sheet,
                row.Table,
                row.Row,
                row.Initiative,
                row.Place,
                row.Indicator,
                row.FiscalYear?.StartYear,
                new ComputedJson(c.Trend?.Glyph(), c.FromActual, c.Rating?.Glyph(), c.Progress is { } p ? Math.Round(p, 4) : null, InterimGlyph(c.InterimReached), c.ReasonText),
                row.Shown?.Override is { } o
                    ? new OverrideJson(o.Kind.ToString().ToLowerInvariant(), row.Shown.Trend?.Glyph(), row.Shown.RatingGlyph, InterimGlyph(row.Shown.InterimReached), o.Reason)
                    : null,
                row.Printed is { } printed ? PrintedJson.From(printed) : null,
                row.Consistency.Result switch
                {
                    Core.Rules.Consistency.Agrees => "agrees",
                    Core.Rules.Consistency.Differs => "differs",
                    _ => "notComparable",
                },
                row.Consistency.Reason,
                matched ? item.Action switch
                {
                    ImportAction.New => "new",
                    ImportAction.Update => "update",
                    ImportAction.Unchanged => "unchanged",
                    _ => "notMatched",
                } : null,
                matched ? item.Changes : null,
                matched && item.StateChange is var (from, to) ? new ReviewStateJson(ReportRules.Describe(from), ReportRules.Describe(to)) : null,
                [.. item.AllMessages.Select(MessageJson.From)]);
        }
    }

    /// <summary>The marks Core computes from the row's values (progress as a fraction, rounded to 4 places).</summary>
    public sealed record ComputedJson(string? Trend, bool FromActual, string? Rating, decimal? Progress, string? Interim, string? Reason);

    /// <summary>A person's override of the computed marks and the marks shown with it.</summary>
    public sealed record OverrideJson(string Kind, string? Trend, string? Rating, string? Interim, string Reason);

    /// <summary>The marks printed on the sheet; <see cref="Word"/> is 進捗管理の停止 or 不明 when the sheet says so.</summary>
    public sealed record PrintedJson(string? Trend, bool FromActual, string? Rating, string? Interim, string? Word)
    {
        internal static PrintedJson From(PrintedMarks p)
        {
            PrintedMarkKind[] kinds = [p.TrendKind, p.RatingKind, p.InterimKind];
            var word = kinds.Contains(PrintedMarkKind.Suspended) ? "進捗管理の停止" : kinds.Contains(PrintedMarkKind.Unknown) ? "不明" : null;
            return new PrintedJson(p.Trend?.Glyph(), p.FromActual, p.Rating?.Glyph(), InterimGlyph(p.InterimReached), word);
        }
    }

    /// <summary>The review state before and after saving the row, in Japanese.</summary>
    public sealed record ReviewStateJson(string From, string To);

    /// <summary>A finding about the file, a sheet, a row or a cell.</summary>
    public sealed record MessageJson(string? Sheet, int? Row, string? Column, string Severity, string Text, string? Cell, bool BlocksImport)
    {
        internal static MessageJson From(ImportMessage m) =>
            new MessageJson(m.Sheet, m.Row, m.Column, m.IsError ? "error" : "warning", m.Text, m.CellText, m.BlocksCommit);
    }

    private static string? InterimGlyph(bool? reached) => reached is { } r ? MarkGlyphs.InterimGlyph(r) : null;
}
