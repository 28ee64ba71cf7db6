using Shinchoku.Core.Rules;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Export;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Reports;

/// <summary>
/// <c>import FILE [--plan KEY] [--fiscal-year 2020] [--check] [--json]</c>: reads a 資料4 sheet and saves every row into
/// the plan, or nothing; with <c>--check</c> only reads it (and matches it to the plan when one is named). Prints each
/// row's computed and printed marks and what saving it does, or with <c>--json</c> one <see cref="ImportJson"/> object.
/// </summary>
public sealed class ImportCommand(IServiceProvider services, TextWriter output, TextWriter error)
{
    /// <summary>Runs the import or the check; returns the exit code (<see cref="ExitCode"/>).</summary>
    public async Task<int> RunAsync(ImportArguments args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.File is null)
        {
            return await FailAsync(args, null, "読み込むファイルを指定してください（import FILE）。");
        }

        if (!args.Check && args.Plan is null)
        {
            return await FailAsync(args, Path.GetFileName(args.File), "取り込む計画を --plan KEY で指定してください（書き込まずに確認するだけなら --check を付けてください）。");
        }

        var path = CommandLine.ResolvePath(args.File);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return await FailAsync(args, name, $"ファイル「{args.File}」が見つかりません。");
        }

        var actor = services.GetRequiredService<AuditActor>();
        var importer = new ReportImporter(services.GetRequiredService<ShinchokuDb>(), actor, services.GetService<TimeProvider>());
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
                preview = await importer.PreviewAsync(reading, args.Plan, cancellationToken);
            }
            else
            {
                actor.Fixed = $"コマンドライン（import {name}）";
                outcome = await importer.CommitAsync(reading, args.Plan!, cancellationToken);
                preview = outcome.Preview;
            }
        }
        catch (PlanNotFoundException e)
        {
            return await FailAsync(args, name, e.Message);
        }

        if (args.Json)
        {
            await output.WriteLineAsync(ImportJson.From(preview, args, outcome).Serialize());
        }
        else
        {
            await WriteTextAsync(preview, args, outcome);
        }

        return ExitCode(preview.Verdict, outcome);
    }

    /// <summary>
    /// The exit code of <c>import</c> and <c>import --check</c> alike, from the one verdict: 2 refused, 1 blocked (or a
    /// commit that wrote nothing), 0 saved or, when checking, would be saved.
    /// </summary>
    internal static int ExitCode(ImportVerdict verdict, ImportOutcome? outcome) => verdict switch
    {
        ImportVerdict.Refused => CommandLine.Unreadable,
        ImportVerdict.Blocked => CommandLine.CellErrors,
        _ => outcome is { Committed: false } ? CommandLine.CellErrors : CommandLine.Ok,
    };

    /// <summary>The file or the arguments cannot be used: the message on standard error (and, with --json, as the refusal).</summary>
    private async Task<int> FailAsync(ImportArguments args, string? file, string message)
    {
        if (args.Json)
        {
            await output.WriteLineAsync(ImportJson.Refusal(file, message).Serialize());
        }

        await error.WriteLineAsync(message);
        return CommandLine.Unreadable;
    }

    private async Task WriteTextAsync(ImportPreview preview, ImportArguments args, ImportOutcome? outcome)
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
            var computed = ReportMarks.From(row.Computed, null, row.Values.HasInterimTarget);
            var printed = string.Join(" ", new[] { row.Text(ReportColumn.Trend), row.Text(ReportColumn.Rating), row.Text(ReportColumn.InterimReached) }.Where(t => t.Length > 0));
            var consistency = row.Consistency.Result switch
            {
                Consistency.Agrees => "一致",
                Consistency.Differs => "不一致: " + row.Consistency.Reason,
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

        await output.WriteLineAsync($"{reading.FileName}: {reading.Layouts.Count}シート {preview.Rows.Count}行を読み込みました（エラー {preview.ErrorCount}件、注意 {preview.WarningCount}件）。");
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
}
