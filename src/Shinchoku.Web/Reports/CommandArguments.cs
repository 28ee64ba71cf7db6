using Shinchoku.Core.Time;

namespace Shinchoku.Web.Reports;

/// <summary>
/// The arguments of one command, as parsed from the command line: <see cref="ImportArguments"/>,
/// <see cref="ExportArguments"/> or <see cref="HelpArguments"/>. Parsing returns a problem in Japanese instead of throwing.
/// </summary>
public abstract record CommandArguments
{
    /// <summary>
    /// Reads <paramref name="args"/> (the command name first). Options may be written <c>--name value</c> or
    /// <c>--name=value</c>; a file the command does not need is checked by the command, so that <c>--json</c> still applies.
    /// </summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Count > 0 ? args[0] : "";
        var options = new Options();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string? Value(ref int index) => inline ?? (index + 1 < args.Count ? args[++index] : null);

            string? problem = null;
            switch (arg)
            {
                case "--check":
                    options.Check = true;
                    break;
                case "--json":
                    options.Json = true;
                    break;
                case "--help" or "-h":
                    options.Help = true;
                    break;
                case "--plan" or "--fiscal-year" or "--format" or "--out":
                    problem = Value(ref i) is { } value ? options.Set(arg, value) : $"{arg} の値がありません。";
                    break;
                default:
                    if (arg.StartsWith('-') && arg != "-")
                    {
                        problem = $"オプション「{args[i]}」は使えません。";
                    }
                    else if (command == "import" && options.File is null)
                    {
                        options.File = arg;
                    }
                    else
                    {
                        problem = $"引数「{arg}」は使えません。";
                    }

                    break;
            }

            if (problem is not null)
            {
                return new ParsedArguments(null, problem);
            }
        }

        return options.Help ? new ParsedArguments(new HelpArguments(), null) : command switch
        {
            "import" => new ParsedArguments(new ImportArguments(options.File, options.Plan, options.FiscalYear, options.Check, options.Json), null),
            "export" => new ParsedArguments(new ExportArguments(options.Plan, options.FiscalYear, options.Format, options.Out), null),
            _ => new ParsedArguments(null, $"コマンド「{command}」はありません。"),
        };
    }

    /// <summary>The options as read so far; every command accepts every option and uses those it needs.</summary>
    private sealed class Options
    {
        public string? File { get; set; }

        public string? Plan { get; private set; }

        public FiscalYear? FiscalYear { get; private set; }

        public ExportFormat? Format { get; private set; }

        public string? Out { get; private set; }

        public bool Check { get; set; }

        public bool Json { get; set; }

        public bool Help { get; set; }

        /// <summary>Sets an option that takes a value; returns the problem with the value, or null.</summary>
        public string? Set(string option, string value)
        {
            switch (option)
            {
                case "--plan":
                    Plan = value;
                    return null;
                case "--out":
                    Out = value;
                    return null;
                case "--fiscal-year":
                    var year = Core.Time.FiscalYear.Parse(value);
                    FiscalYear = year.Success ? year.Value : null;
                    return year.Success ? null : $"--fiscal-year「{value}」を年度として読み取れません（例: 2020、令和2年度、R2）。";
                default:
                    Format = ReportExporter.ParseFormat(value);
                    return Format is null ? $"--format「{value}」には対応していません（xlsx、csv、pdf、html）。" : null;
            }
        }
    }
}

/// <summary>The arguments as parsed, or the problem that stops the command (exit code 2, with the usage).</summary>
public sealed record ParsedArguments(CommandArguments? Arguments, string? Problem);

/// <summary><c>import FILE [--plan KEY] [--fiscal-year 2020] [--check] [--json]</c>: see <see cref="ImportCommand"/>.</summary>
/// <param name="File">The sheet to read, as given; null when missing.</param>
/// <param name="Plan">The plan to import into; null checks the file alone.</param>
/// <param name="FiscalYear">The year of sheets that do not name theirs.</param>
/// <param name="Check">Read and match without writing.</param>
/// <param name="Json">Write the result as one JSON object on standard output.</param>
public sealed record ImportArguments(string? File, string? Plan, FiscalYear? FiscalYear, bool Check, bool Json) : CommandArguments;

/// <summary><c>export [--plan KEY] --fiscal-year 2020 [--format xlsx|csv|pdf|html] --out FILE</c>: see <see cref="ExportCommand"/>.</summary>
/// <param name="Plan">The plan; null when only one plan has reports for the year.</param>
/// <param name="FiscalYear">The year to export.</param>
/// <param name="Format">The format; null takes it from the file's extension.</param>
/// <param name="Out">The file to write, or "-" for standard output.</param>
public sealed record ExportArguments(string? Plan, FiscalYear? FiscalYear, ExportFormat? Format, string? Out) : CommandArguments;

/// <summary><c>--help</c> or <c>-h</c> with any command: the usage on standard output.</summary>
public sealed record HelpArguments : CommandArguments;
