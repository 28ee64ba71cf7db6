using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reports;
using static Shinchoku.Web.Tests.Reports.ReportsTestKit;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>
/// `import FILE …` on the demo data: the printed 資料4-1/4-2 rebuilt as a book matches the demo plan row for row;
/// imports update instead of duplicating, each change audited; refused files and failed commits write nothing.
/// </summary>
public class ImportCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PrintedBook_Check_Json_ListsEveryRow_WithComputedAndPrintedMarks(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        using var file = new TempFile("r2.xlsx", SeedSheets.Book());

        var run = await RunAsync(app, "import", file.Path, "--check", "--json");

        Assert.Equal(CommandLine.Ok, run.Exit);
        var json = run.Json();
        Assert.Equal(0, json.GetProperty("errors").GetInt32());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(SeedKpis.All.Count, rows.Count);
        foreach (var (seed, row) in SeedKpis.All.Zip(rows))
        {
            Assert.Equal(seed.StoredName, row.GetProperty("indicator").GetString());
            Assert.Equal(seed.JudgedDifferently is null ? "agrees" : "differs", row.GetProperty("consistency").GetString());
        }

        // 4-2-20 バリアフリーマップ: 1,935 → 1,985 against 2,030: 52.6% → ↗ ○ (DOMAIN.md).
        var map = rows.Single(r => r.GetProperty("indicator").GetString() == "ちばバリアフリーマップ掲載施設数");
        Assert.Equal("資料4-2", map.GetProperty("sheet").GetString());
        var computed = map.GetProperty("computed");
        Assert.Equal("↗", computed.GetProperty("trend").GetString());
        Assert.False(computed.GetProperty("fromActual").GetBoolean());
        Assert.Equal("○", computed.GetProperty("rating").GetString());
        Assert.InRange(computed.GetProperty("progress").GetDecimal(), 0.52m, 0.53m);
        Assert.Equal(JsonValueKind.Null, computed.GetProperty("reason").ValueKind);
        Assert.Equal("○", map.GetProperty("printed").GetProperty("rating").GetString());

        // 4-1-03 進捗管理の停止: no rating, with the reason.
        var suspended = rows.Single(r => r.GetProperty("indicator").GetString()!.StartsWith("電子化済みの手続数", StringComparison.Ordinal)).GetProperty("computed");
        Assert.Equal(JsonValueKind.Null, suspended.GetProperty("rating").ValueKind);
        Assert.Contains("進捗管理", suspended.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_MatchesTheDemoPlan_UpdatesWhatChanged_AndAddsToAnotherPlanOnce(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);

        // 0. The 令和2年度 reports are published, so frozen: a changed value is refused until the DX office reopens them.
        var frozen = SeedSheets.Sheet("4-2", name: "資料4-2");
        frozen.Special["G5"] = new CellSpec { Text = "410,000千枚" };
        using (var file = new TempFile("r2-frozen.xlsx", SheetBuilder.Xlsx(frozen)))
        {
            var refusedBefore = await CountAsync(app);
            var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict");
            Assert.NotEqual(CommandLine.Ok, run.Exit);
            Assert.Contains("公表済みのため、取り込みでは変更できません", run.Output + run.Error, StringComparison.Ordinal);
            Assert.Equal(refusedBefore, await CountAsync(app));
        }

        await ReopenForCorrectionAsync(app, "chiba-ict", 2020);
        var before = await CountAsync(app);

        // 1. The printed book into the plan it came from: every row matched, nothing changes, nothing audited.
        using (var file = new TempFile("r2.xlsx", SeedSheets.Book()))
        {
            var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--json");
            Assert.Equal(CommandLine.Ok, run.Exit);
            var summary = run.Json().GetProperty("summary");
            Assert.Equal(42, summary.GetProperty("unchanged").GetInt32());
            Assert.Equal(before, await CountAsync(app));
        }

        // 2. One actual changed: one indicator updated, the change audited under the command line's name.
        var sheet = SeedSheets.Sheet("4-2", name: "資料4-2");
        sheet.Special["G5"] = new CellSpec { Text = "410,000千枚\n(令和2年度)" };
        using (var file = new TempFile("r2-changed.xlsx", SheetBuilder.Xlsx(sheet)))
        {
            var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict");
            Assert.Equal(CommandLine.Ok, run.Exit);
            Assert.Contains("更新 1件", run.Output, StringComparison.Ordinal);
            var after = await CountAsync(app);
            Assert.Equal(before with { Audit = after.Audit }, after);
            await using var scope = app.Scope(out var db);
            var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal("コマンドライン（import r2-changed.xlsx）", entry.User);
            Assert.Equal("Actual", entry.Field);
            Assert.Equal("410,000千枚\n(令和2年度)", entry.After);
            var report = await db.IndicatorReports.SingleAsync(r => r.Id == entry.EntityId);
            Assert.Equal("410,000千枚\n(令和2年度)", report.Actual.Text);

            // The same file again: nothing to change.
            var again = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict");
            Assert.Equal(CommandLine.Ok, again.Exit);
            Assert.Equal(after, await CountAsync(app));
        }

        // 3. Into the DX strategy's plan, which has none of these indicators: 42 new, with their initiatives and
        //    tree nodes; a second import adds nothing.
        var start = await CountAsync(app);
        using (var file = new TempFile("r2.xlsx", SeedSheets.Book()))
        {
            var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--json");
            Assert.Equal(CommandLine.Ok, run.Exit);
            Assert.Equal(42, run.Json().GetProperty("summary").GetProperty("new").GetInt32());
            var added = await CountAsync(app);
            Assert.Equal(start.Indicators + 42, added.Indicators);
            Assert.Equal(start.Reports + 42, added.Reports);
            Assert.Equal(start.Cycles + 1, added.Cycles);
            Assert.True(added.Initiatives > start.Initiatives);

            var second = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--json");
            Assert.Equal(42, second.Json().GetProperty("summary").GetProperty("unchanged").GetInt32());
            Assert.Equal(added, await CountAsync(app));
        }

        // The new indicators read back as the same report: the export of the new plan, checked, agrees row for row.
        using var export = new TempFile("dx.xlsx");
        Assert.Equal(CommandLine.Ok, (await RunAsync(app, "export", "--plan", "chiba-dx-1.1", "--fiscal-year", "2020", "--out", export.Path)).Exit);
        var check = (await RunAsync(app, "import", export.Path, "--check", "--json")).Json();
        Assert.All(check.GetProperty("rows").EnumerateArray(), r => Assert.Equal("agrees", r.GetProperty("consistency").GetString()));
    }

    public static TheoryData<string> BadKinds =>
    [
        "truncated", "zip-bomb", "macro-in-xlsx", "xlsm-by-name", "png-named-xlsx", "empty-sheet", "missing-header",
        "duplicated-header", "cell-10mb-xlsx", "cell-10mb-csv", "too-large", "formula", "date-serial", "typo",
    ];

    [Fact]
    public async Task BadFiles_AreRefused_AndTheDatabaseIsUnchanged()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var before = await CountAsync(app);
        foreach (var kind in BadKinds)
        {
            var (name, bytes) = kind switch
            {
                "formula" => ("formula.xlsx", WithCell("H4", new CellSpec { Formula = "G4*1.01", Text = "60.76%" })),
                "date-serial" => ("date.xlsx", WithCell("G4", new CellSpec { Number = 43902, BuiltInFormat = 14 })),
                "typo" => ("typo.xlsx", WithCell("G5", new CellSpec { Text = "延15,3728千枚" })),
                _ => BadFiles.Build(kind),
            };
            using var file = new TempFile(name, bytes);
            var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--json");

            var expected = kind is "formula" or "date-serial" or "typo" ? CommandLine.CellErrors : CommandLine.Unreadable;
            Assert.True(expected == run.Exit, $"{kind}: exit {run.Exit}\n{run.Output}\n{run.Error}");
            var json = run.Json();
            Assert.False(json.GetProperty("committed").GetBoolean());
            if (expected == CommandLine.Unreadable)
            {
                Assert.False(string.IsNullOrEmpty(json.GetProperty("refused").GetString()), kind);
            }
            else
            {
                Assert.Contains(json.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("messages").EnumerateArray()),
                    m => m.GetProperty("blocksImport").GetBoolean());
            }

            Assert.Equal(before, await CountAsync(app));
        }

        static byte[] WithCell(string reference, CellSpec spec)
        {
            var sheet = SeedSheets.Sheet("4-2", name: "資料4-2");
            sheet.Special[reference] = spec;
            return SheetBuilder.Xlsx(sheet);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task FaultMidCommit_LeavesNothingWritten(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        await ReopenForCorrectionAsync(app, "chiba-ict", 2020);
        var before = await CountAsync(app);
        var sheet = SeedSheets.Sheet("4-2", name: "資料4-2");
        sheet.Special["G5"] = new CellSpec { Text = "410,000千枚" };
        var books = new[] { ("chiba-ict", SheetBuilder.Xlsx(sheet)), ("chiba-dx-1.1", SeedSheets.Book()) };
        foreach (var stage in new[] { 1, 2 })
        {
            foreach (var (plan, bytes) in books)
            {
                await using var scope = app.Scope(out var db);
                var reading = ImportReader.Read("r2.xlsx", new MemoryStream(bytes));
                var importer = new ReportImporter(db)
                {
                    AfterSave = (s, _) => s == stage ? throw new IOException($"disk full after stage {s}") : Task.CompletedTask,
                };
                var e = await Assert.ThrowsAsync<IOException>(() => importer.CommitAsync(reading, plan));
                Assert.Contains($"stage {stage}", e.Message, StringComparison.Ordinal);
                Assert.Equal(before, await CountAsync(app));
            }
        }

        await using (var scope = app.Scope(out var db))
        {
            Assert.False(await db.IndicatorReports.AnyAsync(r => r.Actual.Text == "410,000千枚"));
        }
    }
}
