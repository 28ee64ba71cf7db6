namespace Shinchoku.Web.Reports;

/// <summary>
/// The command line of the application: `import FILE …` and `export …` (see the README). Runs against the
/// configured database after migrations, as the named actor of the audit log.
/// </summary>
public static class CommandLine
{
    /// <summary>True when <paramref name="args"/> name a command rather than starting the web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "export";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(services);
        Console.Error.WriteLine($"「{string.Join(' ', args)}」はまだ実装されていません。");
        return Task.FromResult(2);
    }
}
