using System.Diagnostics;
using System.Globalization;

namespace Shinchoku.Reports.Export;

/// <summary>
/// Prints an HTML document to PDF with Chromium's own print (headless, --print-to-pdf), so the PDF is exactly
/// the print view: A3 landscape from its CSS, the header repeated on every page. The browser is Debian's
/// chromium (or the one configured); nothing is downloaded. Each print runs in a fresh temporary profile that is
/// removed afterwards, and is stopped after the timeout.
/// </summary>
public sealed class ChromiumPdf
{
    /// <summary>Where Debian installs chromium.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Uses the browser at <paramref name="executable"/>.</summary>
    public ChromiumPdf(string executable, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        Executable = executable;
        Timeout = timeout ?? TimeSpan.FromSeconds(90);
    }

    /// <summary>The browser's executable.</summary>
    public string Executable { get; }

    /// <summary>How long a print may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The browser configured (a path), else Debian's chromium when installed; null when there is none.</summary>
    public static ChromiumPdf? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? new ChromiumPdf(configured) : null;
        }

        return File.Exists(DefaultPath) ? new ChromiumPdf(DefaultPath) : null;
    }

    /// <summary>Prints <paramref name="html"/> to a PDF and returns its bytes; throws <see cref="InvalidOperationException"/> with a Japanese message when printing fails.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var folder = Directory.CreateTempSubdirectory("shinchoku-pdf-").FullName;
        try
        {
            var page = Path.Combine(folder, "report.html");
            var pdf = Path.Combine(folder, "report.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in Arguments(folder, pdf, page))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Chromium（{Executable}）を起動できませんでした。");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException(
                    $"PDF の作成が {Timeout.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture)} 秒以内に終わらなかったため中止しました。");
            }

            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var log = (await stderr).Split('\n').Where(l => !l.Contains("dbus", StringComparison.OrdinalIgnoreCase)).TakeLast(3);
                throw new InvalidOperationException($"Chromium で PDF を作成できませんでした（終了コード {process.ExitCode}）。{string.Join(" ", log).Trim()}");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A browser process still closing may hold a file; the temp folder is cleaned by the OS.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }

    private static List<string> Arguments(string folder, string pdf, string page)
    {
        var args = new List<string>
        {
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--no-pdf-header-footer",
            "--user-data-dir=" + Path.Combine(folder, "profile"),
            "--print-to-pdf=" + pdf,
        };

        // Chromium refuses to run as root without this; the page is our own file, with nothing loaded from elsewhere.
        if (Environment.UserName == "root")
        {
            args.Add("--no-sandbox");
        }

        args.Add(new Uri(page).AbsoluteUri);
        return args;
    }
}
