using Shinchoku.Reports.Export;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Reports;

/// <summary>
/// <c>export [--plan KEY] --fiscal-year 2020 [--format xlsx|csv|pdf|html] --out FILE</c>: writes 資料4 of the plan and
/// year (the plan may be left out when only one has reports for the year). The file is written beside the target
/// and moved into place, so a failed export leaves no half-written file; "-" writes to standard output.
/// </summary>
public sealed class ExportCommand(IServiceProvider services, TextWriter output, TextWriter error)
{
    /// <summary>Runs the export; returns the exit code (0, or 2 when the arguments or the data cannot be used).</summary>
    public async Task<int> RunAsync(ExportArguments args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.FiscalYear is not { } year)
        {
            return await FailAsync("書き出す年度を --fiscal-year で指定してください（例: --fiscal-year 2020、--fiscal-year 令和2年度）。");
        }

        if (args.Out is null)
        {
            return await FailAsync("書き出すファイルを --out FILE で指定してください。");
        }

        if ((args.Format ?? ReportExporter.ParseFormat(Path.GetExtension(args.Out))) is not { } format)
        {
            return await FailAsync("形式を --format xlsx|csv|pdf|html で指定してください。");
        }

        var exporter = new ReportExporter(services.GetRequiredService<ShinchokuDb>());
        var planKey = args.Plan;
        if (planKey is null)
        {
            var plans = await exporter.PlansWithReportsAsync(year, cancellationToken);
            if (plans.Count != 1)
            {
                return await FailAsync(plans.Count == 0
                    ? $"{year}の進捗状況がある計画はありません。"
                    : $"{year}の進捗状況がある計画が複数あります（{string.Join("、", plans)}）。--plan で指定してください。");
            }

            planKey = plans[0];
        }

        LoadedReport? report;
        try
        {
            report = await exporter.LoadAsync(planKey, year, cancellationToken: cancellationToken);
        }
        catch (PlanNotFoundException e)
        {
            return await FailAsync(e.Message);
        }

        if (report is null)
        {
            return await FailAsync($"計画「{planKey}」には{year}の進捗状況がありません。");
        }

        var configuration = services.GetService<IConfiguration>();
        var chromium = ChromiumPdf.Find(configuration?["Reports:Chromium"] ?? Environment.GetEnvironmentVariable("SHINCHOKU_CHROMIUM"));
        try
        {
            if (args.Out == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                await ReportExporter.WriteAsync(report.Document, format, stdout, chromium, cancellationToken);
                return CommandLine.Ok;
            }

            var target = CommandLine.ResolvePath(args.Out);
            var temp = target + ".part";
            await using (var file = File.Create(temp))
            {
                await ReportExporter.WriteAsync(report.Document, format, file, chromium, cancellationToken);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (InvalidOperationException e)
        {
            return await FailAsync(e.Message);
        }

        await output.WriteLineAsync($"{report.Document.PlanName} {year}の資料4（{report.RowCount}行）を {args.Out} に書き出しました。");
        return CommandLine.Ok;
    }

    private async Task<int> FailAsync(string message)
    {
        await error.WriteLineAsync(message);
        return CommandLine.Unreadable;
    }
}
