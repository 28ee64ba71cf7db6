namespace Shinchoku.Web.Reports;

/// <summary>
/// The command line of the application (see the README):
/// <code>
/// import FILE [--plan KEY] [--fiscal-year 2020] [--check] [--json]
/// export [--plan KEY] --fiscal-year 2020 [--format xlsx|csv|pdf|html] --out FILE
/// </code>
/// Parses the arguments (<see cref="CommandArguments"/>) and runs the command they name (<see cref="ImportCommand"/>,
/// <see cref="ExportCommand"/>) against the configured database after migrations, as the named actor of the audit log.
/// Exit codes, the same for <c>--check</c> as for the import it checks: 0 saved (would be saved), 1 an error or a
/// warning that blocks saving (nothing saved), 2 the file or the arguments cannot be used.
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
        終了コード: 0 取り込み完了（--check では、取り込めば書き込める）、1 エラーか取り込みを止める注意があり何も書き込まない、2 ファイルや引数を使えない
        """;

    /// <summary>True when <paramref name="args"/> name a command rather than starting the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "export";

    /// <summary>Runs the command with the console's output and error streams; returns the process exit code.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args) => RunAsync(services, args, Console.Out, Console.Error);

    /// <summary>Runs the command, writing results to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CommandArguments.Parse(args);
        switch (parsed.Arguments)
        {
            case ImportArguments import:
                return await new ImportCommand(services, output, error).RunAsync(import, cancellationToken);
            case ExportArguments export:
                return await new ExportCommand(services, output, error).RunAsync(export, cancellationToken);
            case HelpArguments:
                await output.WriteLineAsync(Usage);
                return Ok;
            default:
                await error.WriteLineAsync(parsed.Problem);
                await error.WriteLineAsync(Usage);
                return Unreadable;
        }
    }

    /// <summary>A path as given, relative to the directory the command was started from ($PWD; dotnet run starts the app elsewhere).</summary>
    internal static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var start = Environment.GetEnvironmentVariable("PWD");
        var baseDir = !string.IsNullOrEmpty(start) && Directory.Exists(start) ? start : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDir, path));
    }
}
