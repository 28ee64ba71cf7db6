using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Time;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Import;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Reports;

/// <summary>
/// The command line of the application (see the README):
/// <code>
/// import FILE [--plan KEY] [--fiscal-year 2020] [--check] [--json]
/// export [--plan KEY] --fiscal-year 2020 [--format xlsx|csv|pdf|html] --out FILE
/// </code>
/// Runs against the configured database after migrations, as the named actor of the audit log. Exit codes, the same
/// for <c>--check</c> as for the import it checks: 0 saved (would be saved), 1 an error or a warning that blocks
/// saving (nothing saved), 2 the file or the arguments cannot be used.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code: read, and saved unless checking.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a cell has an error, or something stops saving; nothing was written.</summary>
    public const int CellErrors = 1;

    /// <summary>Exit code: the file cannot be read, or the arguments cannot be used.</summary>
    public const int Unreadable = 2;

    private const string Usage = """
        使い方:
          import FILE [--plan KEY] [--fiscal-year 2020] [--check] [--json]
              進捗管理シート（.xlsx / .csv）を読み込み、計画 KEY に取り込みます（すべての行を一度に、または何も）。
              --check  書き込まずに確認だけします（--plan は不要）。
              --json   結果を1つの JSON オブジェクトとして標準出力に書きます。
          export [--plan KEY] --fiscal-year 2020 [--format xlsx|csv|pdf|html] --out FILE
              資料4を書き出します。--plan はその年度の報告がある計画が1つなら省略できます。
          recompute
              すべての報告の評価を、いまの規則で計算し直して保存します（評価の規則を変えたとき）。
        終了コード: 0 取り込み完了（--check では、取り込めば書き込める）、1 エラーか取り込みを止める注意があり何も書き込まない、2 ファイルや引数を使えない
        """;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>True when <paramref name="args"/> name a command rather than starting the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "export" or "recompute";

    /// <summary>Runs the command with the console's output and error streams; returns the process exit code.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args) => RunAsync(services, args, Console.Out, Console.Error);

    /// <summary>Runs the command, writing results to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Arguments.TryParse(args, out var parsed, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return Unreadable;
        }

        if (parsed.Help)
        {
            await output.WriteLineAsync(Usage);
            return Ok;
        }

        return parsed.Command switch
        {
            "import" => await ImportAsync(services, parsed, output, error, cancellationToken),
            "recompute" => await RecomputeAsync(services, output, cancellationToken),
            _ => await ExportAsync(services, parsed, output, error, cancellationToken),
        };
    }

    private static async Task<int> RecomputeAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var count = await Indicators.KpiYearRecompute.RunAsync(services.GetRequiredService<ShinchokuDb>(), all: true, ct);
        await output.WriteLineAsync($"{count}件の報告の評価を計算し直しました。");
        return Ok;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, Arguments args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args.File is null)
        {
            return await Fail(args, output, error, null, "読み込むファイルを指定してください（import FILE）。");
        }

        if (!args.Check && args.Plan is null)
        {
            return await Fail(args, output, error, Path.GetFileName(args.File), "取り込む計画を --plan KEY で指定してください（書き込まずに確認するだけなら --check を付けてください）。");
        }

        var path = ResolvePath(args.File);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return await Fail(args, output, error, name, $"ファイル「{args.File}」が見つかりません。");
        }

        var db = services.GetRequiredService<ShinchokuDb>();
        var importer = new ReportImporter(db, services.GetRequiredService<AuditActor>(), services.GetService<TimeProvider>());
        ImportReading reading;
        await using (var stream = File.OpenRead(path))
        {
            reading = ImportReader.Read(name, stream, new ImportOptions { FiscalYear = args.FiscalYear });
        }

        ImportPreview preview;
        ImportOutcome? outcome = null;
        try
        {
            if (args.Check || reading.IsRefused)
            {
                preview = await importer.PreviewAsync(reading, args.Plan, ct);
            }
            else
            {
                services.GetRequiredService<AuditActor>().Fixed = $"コマンドライン（import {name}）";
                outcome = await importer.CommitAsync(reading, args.Plan!, ct);
                preview = outcome.Preview;
            }
        }
        catch (PlanNotFoundException e)
        {
            return await Fail(args, output, error, name, e.Message);
        }

        var exit = ExitCode(preview.Verdict, outcome);
        if (args.Json)
        {
            await output.WriteLineAsync(Json(preview, args, outcome));
        }
        else
        {
            await WriteText(preview, args, outcome, output, error);
        }

        return exit;
    }

    /// <summary>
    /// The exit code of <c>import</c> and <c>import --check</c> alike, from the one verdict: 2 refused, 1 blocked (or a
    /// commit that wrote nothing), 0 saved or, when checking, would be saved.
    /// </summary>
    internal static int ExitCode(ImportVerdict verdict, ImportOutcome? outcome) => verdict switch
    {
        ImportVerdict.Refused => Unreadable,
        ImportVerdict.Blocked => CellErrors,
        _ => outcome is { Committed: false } ? CellErrors : Ok,
    };

    private static async Task<int> ExportAsync(IServiceProvider services, Arguments args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args.FiscalYear is not { } year)
        {
            return await Fail(args, output, error, null, "書き出す年度を --fiscal-year で指定してください（例: --fiscal-year 2020、--fiscal-year 令和2年度）。");
        }

        if (args.Out is null)
        {
            return await Fail(args, output, error, null, "書き出すファイルを --out FILE で指定してください。");
        }

        var format = args.Format ?? ReportExporter.ParseFormat(Path.GetExtension(args.Out));
        if (format is not { } f)
        {
            return await Fail(args, output, error, null, "形式を --format xlsx|csv|pdf|html で指定してください。");
        }

        var db = services.GetRequiredService<ShinchokuDb>();
        var exporter = new ReportExporter(db);
        var planKey = args.Plan;
        if (planKey is null)
        {
            var plans = await exporter.PlansWithReportsAsync(year, ct);
            if (plans.Count != 1)
            {
                return await Fail(args, output, error, null, plans.Count == 0
                    ? $"{new FiscalYear(year)}の進捗状況がある計画はありません。"
                    : $"{new FiscalYear(year)}の進捗状況がある計画が複数あります（{string.Join("、", plans)}）。--plan で指定してください。");
            }

            planKey = plans[0];
        }

        LoadedReport? report;
        try
        {
            report = await exporter.LoadAsync(planKey, year, cancellationToken: ct);
        }
        catch (PlanNotFoundException e)
        {
            return await Fail(args, output, error, null, e.Message);
        }

        if (report is null)
        {
            return await Fail(args, output, error, null, $"計画「{planKey}」には{new FiscalYear(year)}の進捗状況がありません。");
        }

        var configuration = services.GetService<IConfiguration>();
        var chromium = ChromiumPdf.Find(configuration?["Reports:Chromium"] ?? Environment.GetEnvironmentVariable("SHINCHOKU_CHROMIUM"));
        var target = args.Out == "-" ? null : ResolvePath(args.Out);
        try
        {
            if (target is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await ReportExporter.WriteAsync(report.Document, f, stdout, chromium, ct);
                return Ok;
            }

            // Written beside the target and moved into place, so a failed export leaves no half-written file.
            var temp = target + ".part";
            await using (var file = File.Create(temp))
            {
                await ReportExporter.WriteAsync(report.Document, f, file, chromium, ct);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (InvalidOperationException e)
        {
            return await Fail(args, output, error, null, e.Message);
        }

        await output.WriteLineAsync($"{report.Document.PlanName} {new FiscalYear(year)}の資料4（{report.RowCount}行）を {args.Out} に書き出しました。");
        return Ok;
    }

    private static async Task<int> Fail(Arguments args, TextWriter output, TextWriter error, string? file, string message)
    {
        if (args.Json && args.Command == "import")
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, JsonOptions))
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteString("refused", message);
                w.WriteStartArray("rows");
                w.WriteEndArray();
                w.WriteNumber("errors", 1);
                w.WriteEndObject();
            }

            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        await error.WriteLineAsync(message);
        return Unreadable;
    }

    /// <summary>A path as given, relative to the directory the command was started from ($PWD; dotnet run starts the app elsewhere).</summary>
    private static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var start = Environment.GetEnvironmentVariable("PWD");
        var baseDir = !string.IsNullOrEmpty(start) && Directory.Exists(start) ? start : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDir, path));
    }

    /// <summary>The preview as one JSON object (see the README for its fields).</summary>
    internal static string Json(ImportPreview preview, Arguments args, ImportOutcome? outcome)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var reading = preview.Reading;
            w.WriteStartObject();
            w.WriteString("file", reading.FileName);
            w.WriteString("plan", preview.PlanKey);
            w.WriteBoolean("check", args.Check);
            w.WriteBoolean("committed", outcome?.Committed == true);
            w.WriteString("verdict", preview.Verdict switch
            {
                ImportVerdict.Commits => "commits",
                ImportVerdict.Blocked => "blocked",
                _ => "refused",
            });
            w.WriteString("refused", reading.Refusal);
            w.WriteStartArray("sheets");
            foreach (var layout in reading.Layouts)
            {
                w.WriteStartObject();
                w.WriteString("name", layout.Sheet.Name);
                w.WriteString("table", layout.Table);
                w.WriteNumber("headerRow", layout.HeaderFirstRow);
                WriteNullable(w, "fiscalYear", layout.ReportYear ?? args.FiscalYear);
                w.WriteNumber("rows", reading.Rows.Count(r => r.Sheet == layout.Sheet.Name));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var item in preview.Rows)
            {
                WriteRow(w, item, preview.PlanKey is not null);
            }

            w.WriteEndArray();
            w.WriteStartArray("messages");
            foreach (var m in preview.Messages)
            {
                WriteMessage(w, m);
            }

            w.WriteEndArray();
            w.WriteNumber("errors", preview.ErrorCount);
            w.WriteNumber("warnings", preview.WarningCount);
            if (preview.PlanKey is not null)
            {
                w.WriteStartObject("summary");
                w.WriteNumber("new", preview.Count(ImportAction.New));
                w.WriteNumber("update", preview.Count(ImportAction.Update));
                w.WriteNumber("unchanged", preview.Count(ImportAction.Unchanged));
                w.WriteEndObject();
            }

            if (outcome is not null)
            {
                w.WriteNumber("auditEntries", outcome.AuditEntries);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRow(Utf8JsonWriter w, ImportRowPlan item, bool matched)
    {
        var row = item.Row;
        var c = row.Year.Computed;
        w.WriteStartObject();
        w.WriteString("sheet", row.Sheet);
        w.WriteString("table", row.Table);
        w.WriteNumber("row", row.Row);
        w.WriteString("initiative", row.Initiative);
        w.WriteString("place", row.Place);
        w.WriteString("indicator", row.Indicator);
        WriteNullable(w, "fiscalYear", row.FiscalYear);
        w.WriteStartObject("computed");
        w.WriteString("trend", c.Trend?.Glyph());
        w.WriteBoolean("fromActual", c.FromActual);
        w.WriteString("rating", c.Rating?.Glyph());
        if (c.Progress is { } progress)
        {
            w.WriteNumber("progress", Math.Round(progress, 4));
        }
        else
        {
            w.WriteNull("progress");
        }

        w.WriteString("interim", c.InterimReached is { } ir ? MarkGlyphs.InterimGlyph(ir) : null);
        w.WriteString("reason", c.ReasonText);
        w.WriteEndObject();
        if (row.Year.Override is { } o)
        {
            w.WriteStartObject("override");
            w.WriteString("kind", o.Kind.ToString().ToLowerInvariant());
            w.WriteString("trend", row.Year.Shown.Trend?.Glyph());
            w.WriteString("rating", row.Year.Shown.RatingGlyph);
            w.WriteString("interim", row.Year.Shown.InterimReached is { } si ? MarkGlyphs.InterimGlyph(si) : null);
            w.WriteString("reason", o.Reason);
            w.WriteEndObject();
        }

        if (row.Year.Printed is { } p)
        {
            w.WriteStartObject("printed");
            w.WriteString("trend", p.Trend?.Glyph());
            w.WriteBoolean("fromActual", p.FromActual);
            w.WriteString("rating", p.Rating?.Glyph());
            w.WriteString("interim", p.InterimReached is { } pi ? MarkGlyphs.InterimGlyph(pi) : null);
            var word = new[] { p.TrendKind, p.RatingKind, p.InterimKind }.Contains(PrintedMarkKind.Suspended) ? MarkGlyphs.SuspendedWords
                : new[] { p.TrendKind, p.RatingKind, p.InterimKind }.Contains(PrintedMarkKind.Unknown) ? MarkGlyphs.UnknownWords : null;
            w.WriteString("word", word);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("printed");
        }

        w.WriteString("consistency", row.Year.Consistency.Result switch
        {
            Consistency.Agrees => "agrees",
            Consistency.Differs => "differs",
            _ => "notComparable",
        });
        w.WriteString("consistencyReason", row.Year.Consistency.Reason);
        if (matched)
        {
            w.WriteString("action", item.Action switch
            {
                ImportAction.New => "new",
                ImportAction.Update => "update",
                ImportAction.Unchanged => "unchanged",
                _ => "notMatched",
            });
            w.WriteStartArray("changes");
            foreach (var change in item.Changes)
            {
                w.WriteStringValue(change);
            }

            w.WriteEndArray();
            if (item.StateChange is var (from, to))
            {
                w.WriteStartObject("reviewState");
                w.WriteString("from", ReportRules.Describe(from));
                w.WriteString("to", ReportRules.Describe(to));
                w.WriteEndObject();
            }
        }

        w.WriteStartArray("messages");
        foreach (var m in item.AllMessages)
        {
            WriteMessage(w, m);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, ImportMessage m)
    {
        w.WriteStartObject();
        w.WriteString("sheet", m.Sheet);
        WriteNullable(w, "row", m.Row);
        w.WriteString("column", m.Column);
        w.WriteString("severity", m.IsError ? "error" : "warning");
        w.WriteString("text", m.Text);
        w.WriteString("cell", m.CellText);
        w.WriteBoolean("blocksImport", m.BlocksCommit);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static async Task WriteText(ImportPreview preview, Arguments args, ImportOutcome? outcome, TextWriter output, TextWriter error)
    {
        var reading = preview.Reading;
        if (reading.Refusal is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return;
        }

        foreach (var m in preview.Messages)
        {
            await output.WriteLineAsync($"  {(m.IsError ? "エラー" : "注意")}: {m.Text}");
        }

        foreach (var item in preview.Rows)
        {
            var row = item.Row;
            var computed = ReportMarks.Computed(row.Year);
            var printed = string.Join(" ", new[] { row.Text(Shinchoku.Reports.Layout.ReportColumn.Trend), row.Text(Shinchoku.Reports.Layout.ReportColumn.Rating), row.Text(Shinchoku.Reports.Layout.ReportColumn.InterimReached) }.Where(t => t.Length > 0));
            var consistency = row.Year.Consistency.Result switch
            {
                Consistency.Agrees => "一致",
                Consistency.Differs => "不一致: " + row.Year.Consistency.Reason,
                _ => "比較なし",
            };
            var action = item.Action switch
            {
                ImportAction.New => "［新規］",
                ImportAction.Update => $"［更新: {string.Join("・", item.Changes)}{(item.StateChange is var (from, to) ? $"、審査: {ReportRules.Describe(from)}→{ReportRules.Describe(to)}" : "")}］",
                ImportAction.Unchanged => "［変更なし］",
                _ => "",
            };
            var marks = string.Join(" ", new[] { computed.Trend, computed.Rating, computed.InterimReached }.Where(t => t.Length > 0));
            await output.WriteLineAsync(
                $"{row.Sheet} {row.Row}行目 {OneLine(row.Indicator)}（{row.Place}）  算出 {(marks.Length > 0 ? marks : "－")}  印字 {(printed.Length > 0 ? printed : "－")}  {consistency}{action}");
            foreach (var m in item.AllMessages)
            {
                await output.WriteLineAsync($"  {(m.IsError ? "エラー" : "注意")}: {m.Text}");
            }
        }

        var summary = $"{reading.FileName}: {reading.Layouts.Count}シート {preview.Rows.Count}行を読み込みました（エラー {preview.ErrorCount}件、注意 {preview.WarningCount}件）。";
        await output.WriteLineAsync(summary);
        var counts = $"新規 {preview.Count(ImportAction.New)}件、更新 {preview.Count(ImportAction.Update)}件、変更なし {preview.Count(ImportAction.Unchanged)}件";
        if (outcome is { Committed: true })
        {
            await output.WriteLineAsync($"計画「{preview.PlanName}」に取り込みました: {counts}（監査ログ {outcome.AuditEntries}件）。");
        }
        else if (args.Check && preview.Verdict == ImportVerdict.Commits)
        {
            await output.WriteLineAsync(preview.PlanKey is null
                ? "確認のみ（書き込みなし）。このファイルは取り込めます（計画との照合は --plan を付けると確認できます）。"
                : $"確認のみ（書き込みなし）。取り込むと: {counts}。");
        }
        else if (args.Check)
        {
            await error.WriteLineAsync("確認のみ（書き込みなし）。エラー、または取り込みを止める注意があるため、このままでは取り込めません。");
        }
        else
        {
            await error.WriteLineAsync("エラー、または取り込みを止める注意があるため、何も書き込みませんでした。");
        }
    }

    private static string OneLine(string text)
    {
        var one = text.ReplaceLineEndings(" ").Trim();
        return one.Length > 40 ? one[..40] + "…" : one;
    }

    /// <summary>The parsed arguments of a command.</summary>
    internal sealed record Arguments
    {
        public string Command { get; init; } = "";

        public string? File { get; init; }

        public string? Plan { get; init; }

        public int? FiscalYear { get; init; }

        public bool Check { get; init; }

        public bool Json { get; init; }

        public bool Help { get; init; }

        public ExportFormat? Format { get; init; }

        public string? Out { get; init; }

        public static bool TryParse(string[] args, out Arguments parsed, out string problem)
        {
            parsed = new Arguments { Command = args.Length > 0 ? args[0] : "" };
            problem = "";
            for (var i = 1; i < args.Length; i++)
            {
                var arg = args[i];
                string? inline = null;
                if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
                {
                    inline = arg[(eq + 1)..];
                    arg = arg[..eq];
                }

                string? Value(ref int index, string name, out string issue)
                {
                    issue = "";
                    if (inline is not null)
                    {
                        return inline;
                    }

                    if (index + 1 < args.Length)
                    {
                        return args[++index];
                    }

                    issue = $"{name} の値がありません。";
                    return null;
                }

                string? value;
                switch (arg)
                {
                    case "--check":
                        parsed = parsed with { Check = true };
                        break;
                    case "--json":
                        parsed = parsed with { Json = true };
                        break;
                    case "--help" or "-h":
                        parsed = parsed with { Help = true };
                        break;
                    case "--plan":
                        value = Value(ref i, arg, out problem);
                        if (value is null)
                        {
                            return false;
                        }

                        parsed = parsed with { Plan = value };
                        break;
                    case "--fiscal-year":
                        value = Value(ref i, arg, out problem);
                        if (value is null)
                        {
                            return false;
                        }

                        var year = Core.Time.FiscalYear.Parse(value);
                        if (!year.Success)
                        {
                            problem = $"--fiscal-year「{value}」を年度として読み取れません（例: 2020、令和2年度、R2）。";
                            return false;
                        }

                        parsed = parsed with { FiscalYear = year.Value.StartYear };
                        break;
                    case "--format":
                        value = Value(ref i, arg, out problem);
                        if (value is null)
                        {
                            return false;
                        }

                        if (ReportExporter.ParseFormat(value) is not { } format)
                        {
                            problem = $"--format「{value}」には対応していません（xlsx、csv、pdf、html）。";
                            return false;
                        }

                        parsed = parsed with { Format = format };
                        break;
                    case "--out":
                        value = Value(ref i, arg, out problem);
                        if (value is null)
                        {
                            return false;
                        }

                        parsed = parsed with { Out = value };
                        break;
                    default:
                        if (arg.StartsWith('-') && arg != "-")
                        {
                            problem = $"オプション「{args[i]}」は使えません。";
                            return false;
                        }

                        if (parsed.Command == "import" && parsed.File is null)
                        {
                            parsed = parsed with { File = arg };
                            break;
                        }

                        problem = $"引数「{arg}」は使えません。";
                        return false;
                }
            }

            return true;
        }
    }
}
