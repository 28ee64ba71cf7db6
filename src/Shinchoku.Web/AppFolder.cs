namespace Shinchoku.Web;

/// <summary>Where the app reads appsettings.json and serves wwwroot from.</summary>
public static class AppFolder
{
    /// <summary>
    /// The folder of the app's DLL, so that the published app started from any working folder
    /// (<c>cd /tmp &amp;&amp; dotnet /srv/shinchoku/Shinchoku.Web.dll</c>) finds its settings and style sheets;
    /// null (the host's own choice) when a content root is configured by --contentRoot or ASPNETCORE_/DOTNET_CONTENTROOT.
    /// </summary>
    public static string? ContentRoot(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var configured = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        return configured ? null : AppContext.BaseDirectory;
    }
}
