using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Reports;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>
/// The PDF of 資料4 is made once per content and kept; prints are limited (a bounded queue, 503 with Retry-After
/// beyond it), so anonymous requests cannot start browsers without bound. A fake printer counts the prints.
/// </summary>
public class PdfPrintingTests
{
    private const string PublishedPdf = "/reports/chiba-ict/2020/pdf";

    [Fact]
    public async Task TwelveConcurrentRequests_MakeOnePdf_AndTheNextIsKept()
    {
        var printer = new FakePrinter(open: true);
        using var app = new TestApp(DatabaseProvider.Sqlite);
        using var factory = WithPrinter(app, printer);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await client.GetAsync(new Uri(PublishedPdf, UriKind.Relative));
            return (response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers.Select(a => Convert.ToBase64String(a.Body)).Distinct());
        Assert.Equal(1, printer.Prints);
        using var again = await client.GetAsync(new Uri(PublishedPdf, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, printer.Prints);
    }

    [Fact]
    public async Task WhenEveryPlaceIsTaken_AnotherPdf_Gets503WithRetryAfter()
    {
        var printer = new FakePrinter(open: false);
        using var app = new TestApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Reports:Pdf:MaxConcurrent"] = "1", ["Reports:Pdf:MaxQueued"] = "0" });
        string draftPdf;
        await using (var scope = app.Scope(out var db))
        {
            var draft = await db.ReportingCycles.Include(c => c.Plan).SingleAsync(c => c.State == PublicationState.Draft);
            draftPdf = $"/reports/{draft.Plan!.Key}/{draft.FiscalYear.StartYear}/pdf";
        }

        using var factory = WithPrinter(app, printer);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var staff = factory.CreateClient(new() { AllowAutoRedirect = false });
        using (var signedIn = await staff.PostFormAsync("/account/login", new() { ["userName"] = "dx-admin", ["password"] = DemoAccounts.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var first = anonymous.GetAsync(new Uri(PublishedPdf, UriKind.Relative));
        await printer.Started.Task;

        using (var busy = await staff.GetAsync(new Uri(draftPdf, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), busy.Headers.RetryAfter?.Delta);
            await AssertErrorPageAsync(busy, "ただいま PDF の作成が混み合っています");
        }

        printer.Open();
        using var done = await first;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var later = await staff.GetAsync(new Uri(draftPdf, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(2, printer.Prints);
    }

    [Fact]
    public async Task WithoutABrowser_ThePdf_Gets503WithTheErrorPage()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        using var factory = WithPrinter(app, new FakePrinter(open: true, available: false));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(PublishedPdf, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await AssertErrorPageAsync(response, "PDF を作成できません");
        Assert.Contains("Chromium", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueue_RunsAtMostItsLimit_AndRefusesBeyondItsLength()
    {
        var printer = new FakePrinter(open: false);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reports:Pdf:MaxConcurrent"] = "2", ["Reports:Pdf:MaxQueued"] = "3" }).Build();
        using var queue = new PdfPrinting(printer, configuration);

        var requests = Enumerable.Range(0, 10).Select(i => queue.GetAsync($"<p>{i}</p>", CancellationToken.None)).ToList();
        var refused = requests.Where(r => r.IsCompleted).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, r => Assert.Null(r.Result));

        printer.Open();
        var made = await Task.WhenAll(requests.Except(refused));
        Assert.All(made, Assert.NotNull);
        Assert.Equal(5, printer.Prints);
        Assert.True(printer.MostAtOnce <= 2, $"{printer.MostAtOnce} prints ran at once");
        Assert.NotNull(await queue.GetAsync("<p>0</p>", CancellationToken.None));
        Assert.Equal(5, printer.Prints);
    }

    /// <summary>The site's error page (HTML in the site's layout, its heading), not a plain-text line.</summary>
    private static async Task AssertErrorPageAsync(HttpResponseMessage response, string heading)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<title>" + heading, html, StringComparison.Ordinal);
        Assert.Contains("ホームに戻る", html, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> WithPrinter(TestApp app, FakePrinter printer) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPdfRenderer>(printer)));

    /// <summary>Counts prints and how many ran at once; holds each print until opened.</summary>
    private sealed class FakePrinter(bool open, bool available = true) : IPdfRenderer
    {
        private readonly TaskCompletionSource gate = open ? CompletedGate() : new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int running;
        private int prints;
        private int mostAtOnce;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsAvailable => available;

        public int Prints => prints;

        public int MostAtOnce => mostAtOnce;

        public void Open() => gate.TrySetResult();

        public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref prints);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Started.TrySetResult();
            await gate.Task;
            Interlocked.Decrement(ref running);
            return [.. "%PDF-1.7 "u8, .. System.Text.Encoding.UTF8.GetBytes(html.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        private static TaskCompletionSource CompletedGate()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
