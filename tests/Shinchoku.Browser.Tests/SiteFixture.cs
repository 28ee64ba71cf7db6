using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Shinchoku.Browser.Tests;

/// <summary>
/// The real application as its own process (<c>dotnet Shinchoku.Web.dll</c>) on a fresh SQLite file with the demo data,
/// and Debian's Chromium driven by Playwright. Shared by every browser test; never downloads a browser.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed partial class SiteFixture : IAsyncLifetime
{
    /// <summary>The browser executable: test.sh sets it to /usr/bin/chromium.</summary>
    public const string ChromiumVariable = "SHINCHOKU_TEST_CHROMIUM";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder output = new();
    private readonly Dictionary<SitePage, string> paths = [];
    private string? tempDir;
    private Process? app;
    private IPlaywright? playwright;
    private HttpClient? http;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// docs/screenshots/ of the repository (found by walking up to Shinchoku.slnx), shown in the README; the test
    /// output folder's screenshots/ when the tests run outside a repository.
    /// </summary>
    public static string ScreenshotDir { get; } = FindScreenshotDir();

    private static string FindScreenshotDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shinchoku.slnx")))
            {
                return Path.Combine(dir.FullName, "docs", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium))
        {
            SkipReason = $"{ChromiumVariable} is not set (./test.sh sets it to /usr/bin/chromium when Debian's chromium is installed).";
            return;
        }

        if (!File.Exists(chromium))
        {
            SkipReason = $"{ChromiumVariable}={chromium}, but there is no such file: install Debian's chromium (apt-get install chromium).";
            return;
        }

        try
        {
            await StartAppAsync();
            await LaunchBrowserAsync(chromium);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        Directory.CreateDirectory(ScreenshotDir);
    }

    private async Task LaunchBrowserAsync(string chromium)
    {
        // Playwright must use the browser above, never fetch one of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
            Browser = null!;
        }

        playwright?.Dispose();
        playwright = null;
        http?.Dispose();
        http = null;
        if (app is not null)
        {
            try
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                    await app.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                // Already gone, or refuses to go: nothing more a test can do.
            }

            app.Dispose();
            app = null;
        }

        if (tempDir is not null && Directory.Exists(tempDir))
        {
            try
            {
                Directory.Delete(tempDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the OS's temp cleaning gets it.
            }

            tempDir = null;
        }
    }

    /// <summary>A new page in its own context (no shared cookies or storage) at the given viewport width.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        return (context, await context.NewPageAsync());
    }

    /// <summary>The path of one page of each kind, found by following the demo data's links.</summary>
    public async Task<string> PathOfAsync(SitePage kind)
    {
        if (paths.TryGetValue(kind, out var known))
        {
            return known;
        }

        var path = kind switch
        {
            SitePage.Home => "/",
            SitePage.Strategy => "/strategy",
            SitePage.Node => FirstLink(await GetHtmlAsync("/strategy"), "/nodes/"),
            // An initiative of the previous strategy: with KPIs, their marks and the published narratives.
            SitePage.Initiative => FirstLink(await GetHtmlAsync(await PathOfAsync(SitePage.Indicator)), "/initiatives/"),
            SitePage.Indicator => await FirstIndicatorOfPreviousStrategyAsync(),
            SitePage.Plans => "/strategy/plans",
            SitePage.Area => await FirstAreaOfPreviousStrategyAsync(),
            SitePage.Search => "/indicators?plan=chiba-ict&rating=declined",
            SitePage.Definitions => "/data/definitions",
            SitePage.Sources => "/data/sources",
            SitePage.English => "/en",
            SitePage.EnglishArea => "/en" + await PathOfAsync(SitePage.Area),
            SitePage.EnglishIndicator => "/en" + await PathOfAsync(SitePage.Indicator),
            SitePage.EnglishInitiative => "/en" + await PathOfAsync(SitePage.Initiative),
            SitePage.NotFound => "/indicators/999999",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        paths[kind] = path;
        return path;
    }

    /// <summary>The app's output so far, for failure messages.</summary>
    public string AppOutput
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>An area of the previous ICT strategy: a node page with KPIs, counts and the KPI table.</summary>
    private async Task<string> FirstAreaOfPreviousStrategyAsync()
    {
        var plan = LinkNamed(await GetHtmlAsync("/strategy/plans"), "千葉県ICT戦略（前戦略）");
        return FirstLink(await GetHtmlAsync(plan), "/nodes/");
    }

    private async Task<string> FirstIndicatorOfPreviousStrategyAsync()
    {
        var plans = await GetHtmlAsync("/strategy/plans");
        var plan = LinkNamed(plans, "千葉県ICT戦略（前戦略）");
        var tree = await GetHtmlAsync(plan);
        foreach (var initiative in Links(tree).Where(h => h.Contains("/initiatives/", StringComparison.Ordinal)).Distinct())
        {
            var indicator = Links(await GetHtmlAsync(initiative)).FirstOrDefault(h => h.StartsWith("/indicators/", StringComparison.Ordinal));
            if (indicator is not null)
            {
                return indicator;
            }
        }

        throw new InvalidOperationException($"No initiative of {plan} links to an indicator.");
    }

    private async Task<string> GetHtmlAsync(string path)
    {
        using var response = await http!.GetAsync(new Uri(BaseAddress, path));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<string> Links(string html) =>
        HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value));

    private static string FirstLink(string html, string part) =>
        Links(html).FirstOrDefault(h => h.Contains(part, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link containing {part}.");

    private static string LinkNamed(string html, string text) =>
        HrefPattern().Matches(html).Where(m => WebUtility.HtmlDecode(m.Groups["text"].Value).Trim() == text)
            .Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)).FirstOrDefault()
        ?? throw new InvalidOperationException($"No link named {text}.");

    [GeneratedRegex("""<a\s[^>]*href="(?<href>[^"]*)"[^>]*>(?<text>[^<]*)""")]
    private static partial Regex HrefPattern();

    private async Task StartAppAsync()
    {
        var (projectDir, dll) = LocateApp();
        tempDir = Directory.CreateTempSubdirectory("shinchoku-browser-").FullName;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, where wwwroot is; the demo data sits beside the dll.
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ConnectionStrings__Shinchoku"] = $"Data Source={Path.Combine(tempDir, "shinchoku.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        // The notifications' e-mails go to the site's temp folder, not into the project.
        start.Environment["Mail__PickupDirectory"] = Path.Combine(tempDir, "mail");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DemoData__Skip");

        app = new Process { StartInfo = start };
        app.OutputDataReceived += (_, e) => Append(e.Data);
        app.ErrorDataReceived += (_, e) => Append(e.Data);
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app (dotnet {dll}) exited with code {app.ExitCode} before /healthz answered.\n--- its output ---\n{AppOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"The app (dotnet {dll}) did not answer GET /healthz with 200 within {StartTimeout.TotalSeconds} s (last: {last}).\n--- its output ---\n{AppOutput}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The app's project folder and its build output for this test build's configuration.</summary>
    private static (string ProjectDir, string Dll) LocateApp()
    {
        var metadata = typeof(SiteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value);
        var projectDir = metadata.GetValueOrDefault("ShinchokuWebProjectDir");
        var dll = metadata.GetValueOrDefault("ShinchokuWebDll");
        if (projectDir is null || dll is null || !File.Exists(dll))
        {
            // The repository was moved after the build: look for it above the test output.
            var configuration = typeof(SiteFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Shinchoku.slnx")))
                {
                    projectDir = Path.Combine(dir.FullName, "src", "Shinchoku.Web");
                    dll = Path.Combine(projectDir, "bin", configuration, "net10.0", "Shinchoku.Web.dll");
                    break;
                }
            }
        }

        if (projectDir is null || dll is null || !File.Exists(dll))
        {
            throw new FileNotFoundException($"Shinchoku.Web.dll was not found ({dll ?? "no repository above " + AppContext.BaseDirectory}): build src/Shinchoku.Web first.");
        }

        return (projectDir, dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One page of each kind the app shows.</summary>
public enum SitePage
{
    Home,
    Strategy,
    Node,
    Initiative,
    Indicator,
    Plans,
    NotFound,

    /// <summary>An area of the previous strategy, with KPIs and their counts.</summary>
    Area,

    /// <summary>The KPI search with a filter.</summary>
    Search,

    /// <summary>The data definitions (項目定義書).</summary>
    Definitions,

    /// <summary>The sources and licence.</summary>
    Sources,

    /// <summary>The English version of <see cref="Area"/>.</summary>
    EnglishArea,

    /// <summary>The English version of <see cref="Indicator"/>.</summary>
    EnglishIndicator,

    /// <summary>The English version of <see cref="Initiative"/>.</summary>
    EnglishInitiative,

    /// <summary>The English home page.</summary>
    English,
}

[CollectionDefinition(Name)]
public sealed class SiteDefinition : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
