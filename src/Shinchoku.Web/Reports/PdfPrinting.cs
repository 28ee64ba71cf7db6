using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Shinchoku.Reports.Export;

namespace Shinchoku.Web.Reports;

/// <summary>Prints the print view of 資料4 to PDF (Chromium in the app; a fake in tests).</summary>
public interface IPdfRenderer
{
    /// <summary>False when the server has no browser to print with.</summary>
    bool IsAvailable { get; }

    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken);
}

/// <summary>Chromium as configured (Reports:Chromium, SHINCHOKU_CHROMIUM), else Debian's.</summary>
public sealed class ChromiumPdfRenderer(IConfiguration configuration) : IPdfRenderer
{
    private readonly ChromiumPdf? chromium = ChromiumPdf.Find(configuration["Reports:Chromium"] ?? Environment.GetEnvironmentVariable("SHINCHOKU_CHROMIUM"));

    public bool IsAvailable => chromium is not null;

    public Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken) =>
        (chromium ?? throw new InvalidOperationException("PDF を作るための Chromium が見つかりません。")).PrintAsync(html, cancellationToken);
}

/// <summary>
/// PDFs of 資料4, each made once per content and kept: the key is a hash of the print view's HTML, so the same data
/// answers from memory and any change of the data makes a new PDF. Requests for a PDF being made wait for that one
/// print. At most Reports:Pdf:MaxConcurrent prints run at once (default 2) and Reports:Pdf:MaxQueued more may wait
/// (default 8); beyond that the answer is "busy" (503 with Retry-After), so anonymous requests cannot start browsers without bound.
/// </summary>
public sealed class PdfPrinting : IDisposable
{
    /// <summary>What the client is told to wait before asking again when every place is taken.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly IPdfRenderer renderer;
    private readonly SemaphoreSlim running;
    private readonly int maxPending;
    private readonly ConcurrentDictionary<string, Task<byte[]>> inFlight = new(StringComparer.Ordinal);
    private readonly MemoryCache made;
    private int pending;

    public PdfPrinting(IPdfRenderer renderer, IConfiguration configuration)
    {
        this.renderer = renderer;
        var concurrent = Math.Max(1, configuration.GetValue("Reports:Pdf:MaxConcurrent", 2));
        running = new SemaphoreSlim(concurrent, concurrent);
        maxPending = concurrent + Math.Max(0, configuration.GetValue("Reports:Pdf:MaxQueued", 8));
        made = new MemoryCache(new MemoryCacheOptions { SizeLimit = configuration.GetValue("Reports:Pdf:CacheBytes", 64L * 1024 * 1024) });
    }

    public bool IsAvailable => renderer.IsAvailable;

    /// <summary>The PDF of <paramref name="html"/>: kept, being made, or made now; null when the queue is full.</summary>
    public async Task<byte[]?> GetAsync(string html, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        if (made.TryGetValue(key, out byte[]? kept))
        {
            return kept;
        }

        while (true)
        {
            if (inFlight.TryGetValue(key, out var shared))
            {
                return await shared.WaitAsync(cancellationToken);
            }

            if (Interlocked.Increment(ref pending) > maxPending)
            {
                Interlocked.Decrement(ref pending);
                return null;
            }

            var print = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!inFlight.TryAdd(key, print.Task))
            {
                Interlocked.Decrement(ref pending);
                continue; // someone started the same print a moment ago: wait for theirs
            }

            // The print is shared by every request waiting for it, so one client leaving does not cancel it.
            _ = PrintAsync(key, html, print);
            return await print.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        running.Dispose();
        made.Dispose();
    }

    private async Task PrintAsync(string key, string html, TaskCompletionSource<byte[]> print)
    {
        try
        {
            await running.WaitAsync();
            try
            {
                var pdf = await renderer.RenderAsync(html, CancellationToken.None);
                made.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length });
                print.SetResult(pdf);
            }
            finally
            {
                running.Release();
            }
        }
#pragma warning disable CA1031 // not swallowed: every request waiting for this print receives the failure
        catch (Exception e)
        {
            print.SetException(e);
        }
#pragma warning restore CA1031
        finally
        {
            inFlight.TryRemove(key, out _);
            Interlocked.Decrement(ref pending);
        }
    }
}
