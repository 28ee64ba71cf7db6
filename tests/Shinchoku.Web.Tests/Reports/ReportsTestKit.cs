using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reports;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>Runs the command line in-process against a test app, and counts what an import may change.</summary>
public static class ReportsTestKit
{
    /// <summary>The result of one command: exit code, standard output and standard error.</summary>
    public sealed record Run(int Exit, string Output, string Error)
    {
        public JsonElement Json()
        {
            using var doc = JsonDocument.Parse(Output);
            return doc.RootElement.Clone();
        }
    }

    public static async Task<Run> RunAsync(TestApp app, params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(scope.ServiceProvider, args, output, error);
        return new Run(exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file named <paramref name="name"/>; the folder is removed on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("shinchoku-reports-test-").FullName;

        public TempFile(string name, byte[]? bytes = null)
        {
            Path = System.IO.Path.Combine(folder, name);
            if (bytes is not null)
            {
                File.WriteAllBytes(Path, bytes);
            }
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }

    /// <summary>The rows of every table an import touches, and the audit log.</summary>
    public sealed record Counts(int Indicators, int Reports, int Targets, int Nodes, int Initiatives, int Placements, int Cycles, int Departments, int Audit);

    /// <summary>
    /// Reopens every report of <paramref name="planKey"/> for <paramref name="fiscalYear"/> as the DX office does for a
    /// correction (published reports are frozen: an import may change them only then).
    /// </summary>
    public static async Task ReopenForCorrectionAsync(TestApp app, string planKey, int fiscalYear)
    {
        await using var scope = app.Scope(out var db);
        foreach (var report in await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(fiscalYear) && r.Indicator!.Initiative!.Plan!.Key == planKey).ToListAsync())
        {
            report.State = Shinchoku.Web.Reporting.ReportState.Returned;
        }

        await db.SaveChangesAsync();
    }

    public static async Task<Counts> CountAsync(TestApp app)
    {
        await using var scope = app.Scope(out var db);
        return new Counts(
            await db.Indicators.CountAsync(), await db.IndicatorReports.CountAsync(), await db.IndicatorTargets.CountAsync(),
            await db.PlanNodes.CountAsync(), await db.Initiatives.CountAsync(), await db.InitiativePlacements.CountAsync(),
            await db.ReportingCycles.CountAsync(), await db.Departments.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>Posts a file to the import page's preview, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string fileName, byte[] bytes, string plan, string fiscalYear = "")
    {
        var page = await Html.GetAsync(client, "/reports/import");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", fileName },
            { new StringContent(plan), "Plan" },
            { new StringContent(fiscalYear), "FiscalYear" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync(new Uri("/reports/import?handler=Preview", UriKind.Relative), content);
    }

    internal static DatabaseProvider Sqlite => DatabaseProvider.Sqlite;
}
