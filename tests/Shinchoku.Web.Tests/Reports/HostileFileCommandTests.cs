using System.Text;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reports;
using static Shinchoku.Web.Tests.Reports.ReportsTestKit;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>
/// The exported 42-row CSV made hostile: a quote left open at the end of row 2, a ragged row, a NUL far into the
/// file. `import --check` exits non-zero naming the line or cell, and `import` commits nothing.
/// </summary>
public class HostileFileCommandTests
{
    public static TheoryData<string> Damages => ["open-quote", "ragged", "nul"];

    [SkippableTheory]
    [MemberData(nameof(Damages))]
    public async Task DamagedExport_IsRefusedByTheCheckAndTheImport_AndNothingIsCommitted(string damage)
    {
        TestApp.SkipUnlessAvailable(DatabaseProvider.Sqlite);
        using var app = new TestApp(DatabaseProvider.Sqlite);
        using var export = new TempFile("r2.csv");
        var exported = await RunAsync(app, "export", "--plan", "chiba-ict", "--fiscal-year", "2020", "--format", "csv", "--out", export.Path);
        Assert.True(exported.Exit == CommandLine.Ok, exported.Error);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(export.Path)).TrimStart('\uFEFF');

        // The row ends (CRLF outside quotes) of the 43 records: the header and 42 KPI rows.
        var ends = RecordEnds(text);
        Assert.Equal(43, ends.Count);
        var (damaged, expected) = damage switch
        {
            "open-quote" => (text.Insert(ends[1], ",\"abc"), "の 2行目"),
            "ragged" => (text.Insert(ends[20], ",余分"), "21行目（"),
            _ => (text.Insert(ends[40] - 1, "\0"), "41行目"), // a NUL in the last cell of row 41, far past the first 8 KB
        };
        Assert.True(Encoding.UTF8.GetByteCount(text[..ends[40]]) > 8192);

        await ReopenForCorrectionAsync(app, "chiba-ict", 2020);
        var before = await CountAsync(app);
        using var file = new TempFile("r2-damaged.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(damaged)]);

        var check = await RunAsync(app, "import", file.Path, "--check", "--plan", "chiba-ict");
        Assert.NotEqual(CommandLine.Ok, check.Exit);
        Assert.Contains(expected, check.Output + check.Error, StringComparison.Ordinal);

        var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict");
        Assert.NotEqual(CommandLine.Ok, run.Exit);
        Assert.Equal(before, await CountAsync(app));
    }

    private static List<int> RecordEnds(string text)
    {
        var ends = new List<int>();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                ends.Add(i);
            }
        }

        return ends;
    }
}
