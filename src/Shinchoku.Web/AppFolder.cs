namespace Shinchoku.Web;

/// <summary>Where the app reads appsettings.json and serves wwwroot from.</summary>
public static class AppFolder
{
    /// <summary>
    /// The folder of the published app's DLL (one that holds wwwroot), so that it started from any working folder
    /// (<c>cd /tmp &amp;&amp; dotnet /srv/shinchoku/Shinchoku.Web.dll</c>) finds its settings and style sheets;
    /// null (the host's own choice, the working folder) when a content root is configured by --contentRoot or
    /// ASPNETCORE_/DOTNET_CONTENTROOT, or when the DLL's folder is a build output without wwwroot (dotnet run,
    /// the browser tests), whose style sheets are in the project folder.
    /// </summary>
    public static string? ContentRoot(string[] args, Func<string, string?>? environment = null, string? appFolder = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        appFolder ??= AppContext.BaseDirectory;
        var configured = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        return configured || !Directory.Exists(Path.Combine(appFolder, "wwwroot")) ? null : appFolder;
    }
}
