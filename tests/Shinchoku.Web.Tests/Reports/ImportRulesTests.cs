using Microsoft.EntityFrameworkCore;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Reports.Tests.Support;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Reports;
using static Shinchoku.Web.Tests.Reports.ReportsTestKit;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reports;

/// <summary>
/// Issue 13: the check says what the import does; an import respects the review state as the entry form does;
/// 資料4-3 rows (no 取組名) hang on their group; a large import is saved whole or not at all, audited.
/// </summary>
public class ImportRulesTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    public static TheoryData<string> Files => ["clean", "formula-cached", "formula-uncached", "date-serial", "typo", "warnings-only", "frozen", "truncated"];

    /// <summary>A copy of the printed 資料4-2 with one actual changed, and the defect named by <paramref name="kind"/>.</summary>
    private static (string Name, byte[] Bytes) File(string kind)
    {
        var sheet = SeedSheets.Sheet("4-2", name: "資料4-2");
        sheet.Special["G5"] = new CellSpec { Text = "410,000千枚" };
        switch (kind)
        {
            case "formula-cached":
                sheet.Special["H4"] = new CellSpec { Formula = "G4*1.01", Text = "60.76%" };
                break;
            case "formula-uncached":
                sheet.Special["H4"] = new CellSpec { Formula = "G4*1.01" };
                break;
            case "date-serial":
                sheet.Special["G4"] = new CellSpec { Number = 43902, BuiltInFormat = 14 };
                break;
            case "typo":
                sheet.Special["G6"] = new CellSpec { Text = "延15,3728千枚" };
                break;
            case "warnings-only":
                // A column that is not the report's: read past with a warning that does not block.
                var header = sheet.Rows.FindIndex(r => r.Contains("成果指標"));
                sheet.Rows[header] = [.. sheet.Rows[header], "担当者メモ"];
                break;
            case "truncated":
                var bytes = SheetBuilder.Xlsx(sheet);
                return ("truncated.xlsx", bytes[..(bytes.Length / 2)]);
        }

        return (kind + ".xlsx", SheetBuilder.Xlsx(sheet));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Check_SaysWhatTheImportDoes(string kind)
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        if (kind != "frozen")
        {
            await ReopenForCorrectionAsync(app, "chiba-ict", 2020);
        }

        var (name, bytes) = File(kind);
        using var file = new TempFile(name, bytes);
        var check = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--check", "--json");
        var before = await CountAsync(app);
        var import = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--json");

        Assert.True(check.Exit == import.Exit, $"{kind}: check {check.Exit}, import {import.Exit}\n{check.Output}\n{import.Output}{import.Error}");
        Assert.Equal(check.Json().GetProperty("verdict").GetString(), import.Json().GetProperty("verdict").GetString());
        var committed = import.Json().GetProperty("committed").GetBoolean();
        Assert.Equal(import.Exit == CommandLine.Ok, committed);
        Assert.Equal(committed, before != await CountAsync(app));
        var expected = kind switch
        {
            "clean" or "warnings-only" => CommandLine.Ok,
            "truncated" => CommandLine.Unreadable,
            _ => CommandLine.CellErrors,
        };
        Assert.Equal(expected, import.Exit);
        if (kind == "warnings-only")
        {
            Assert.True(check.Json().GetProperty("warnings").GetInt32() > 0);
        }

        // Without a plan the check judges the file alone: the same verdict, except for what only the plan can tell.
        if (kind != "frozen")
        {
            var alone = await RunAsync(app, "import", file.Path, "--check");
            Assert.Equal(expected, alone.Exit);
        }
    }

    public static TheoryData<PublicationState, ReportState, ReportState, bool> ReviewCases => new()
    {
        // cycle, report before, report after, review event recorded
        { PublicationState.Submitted, ReportState.Approved, ReportState.Submitted, true },
        { PublicationState.Draft, ReportState.Approved, ReportState.Submitted, true },
        { PublicationState.Draft, ReportState.Submitted, ReportState.Submitted, true },
        { PublicationState.Submitted, ReportState.InProgress, ReportState.Submitted, true },
        { PublicationState.Draft, ReportState.InProgress, ReportState.InProgress, false },
        { PublicationState.Draft, ReportState.NotStarted, ReportState.InProgress, false },
        { PublicationState.Published, ReportState.Returned, ReportState.Returned, false },
    };

    [Theory]
    [MemberData(nameof(ReviewCases))]
    public async Task Import_RespectsTheReviewState(PublicationState cycleState, ReportState before, ReportState after, bool recorded)
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.FiscalYear == new FiscalYear(2020) && c.Plan!.Key == "chiba-ict");
            cycle.State = cycleState;
            foreach (var r in await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2020) && r.Indicator!.Initiative!.Plan!.Key == "chiba-ict").ToListAsync())
            {
                r.State = before;
            }

            await db.SaveChangesAsync();
        }

        var events = await EventsAsync();
        var (name, bytes) = File("clean");
        using var file = new TempFile(name, bytes);

        // The preview says so before anything is saved.
        var check = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--check", "--json");
        Assert.Equal(CommandLine.Ok, check.Exit);
        var row = check.Json().GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("action").GetString() == "update");
        if (before != after)
        {
            Assert.Equal(ReportRules.Describe(before), row.GetProperty("reviewState").GetProperty("from").GetString());
            Assert.Equal(ReportRules.Describe(after), row.GetProperty("reviewState").GetProperty("to").GetString());
        }
        else
        {
            Assert.False(row.TryGetProperty("reviewState", out _));
        }

        Assert.Equal(recorded, row.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("text").GetString()!.Contains("審査の記録に残します", StringComparison.Ordinal)));

        var import = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict");
        Assert.Equal(CommandLine.Ok, import.Exit);
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.Include(r => r.ReviewEvents).SingleAsync(r => r.FiscalYear == new FiscalYear(2020) && r.Actual.Text == "410,000千枚");
            Assert.Equal(after, report.State);
            var added = report.ReviewEvents.Where(e => !events.Contains(e.Id)).ToList();
            if (recorded)
            {
                var e = Assert.Single(added);
                Assert.Equal(ReviewAction.Submitted, e.Action);
                Assert.Contains("取り込み（clean.xlsx）で", e.Text, StringComparison.Ordinal);
                Assert.Contains("実績値", e.Text, StringComparison.Ordinal);
                Assert.Equal("コマンドライン（import clean.xlsx）", e.By);
                if (before == ReportState.Approved)
                {
                    Assert.Contains("承認を取り消して", e.Text, StringComparison.Ordinal);
                }
            }
            else
            {
                Assert.Empty(added);
            }
        }

        async Task<HashSet<int>> EventsAsync()
        {
            await using var scope = app.Scope(out var db);
            return [.. await db.ReviewEvents.Select(e => e.Id).ToListAsync()];
        }
    }

    [Fact]
    public async Task Table43_HangsUnderThePillars_AsPrinted_AndMatchesOnReimport()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var before = await CountAsync(app);
        using var file = new TempFile("4-3.xlsx", SheetBuilder.Xlsx(Table43Sheets.Sheet()));

        var check = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--check", "--json");
        Assert.Equal(CommandLine.Ok, check.Exit);
        var places = check.Json().GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("place").GetString()).ToList();
        Assert.Equal("小項目「DXに係る県民参加型イベントの実施」の直下（取組名なし）", places[0]);
        Assert.Equal("中項目「② 共創の機会の創出」の直下（取組名なし）", places[3]);

        var import = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--json");
        Assert.Equal(CommandLine.Ok, import.Exit);
        Assert.Equal(6, import.Json().GetProperty("summary").GetProperty("new").GetInt32());
        var after = await CountAsync(app);
        Assert.Equal(before.Indicators + 6, after.Indicators);
        // 推進を支える土台づくり is printed above the pillars, which the strategy holds as the roots of its tree; the
        // pillars' items are its 小項目. Nothing new in the tree; one initiative per place, standing for it.
        Assert.Equal(before.Nodes, after.Nodes);
        Assert.Equal(before.Initiatives + 4, after.Initiatives);
        await using (var scope = app.Scope(out var db))
        {
            var plan = await db.Plans.SingleAsync(p => p.Key == "chiba-dx-1.1");
            var hung = await db.Indicators.Where(i => i.Initiative!.PlanId == plan.Id && i.ReportTable == Shinchoku.Core.Strategy.ReportTableNumber.Table43)
                .Select(i => new { i.Name, Node = i.Initiative!.Placements.Single().Node! })
                .ToListAsync();
            Assert.Equal(6, hung.Count);
            var pillar2 = hung.Where(h => h.Node.Title == "共創の機会の創出").Select(h => h.Name).Order().ToList();
            Assert.Equal(["マッチングの件数", "連携協定の締結数"], pillar2);
            Assert.All(hung.Where(h => h.Name.StartsWith("講座", StringComparison.Ordinal)), h => Assert.Equal("基本的な知識やスキルの向上促進", h.Node.Title));
        }

        var again = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--json");
        Assert.Equal(CommandLine.Ok, again.Exit);
        Assert.Equal(6, again.Json().GetProperty("summary").GetProperty("unchanged").GetInt32());
        Assert.Equal(after, await CountAsync(app));
    }

    [Fact]
    public async Task Table43_IntoAPlanWithoutItsGroups_CreatesThem_AndMatchesOnReimport()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var before = await CountAsync(app);
        using var file = new TempFile("4-3.xlsx", SheetBuilder.Xlsx(Table43Sheets.Sheet(blankInitiativeColumn: true)));

        var import = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--json");
        Assert.True(CommandLine.Ok == import.Exit, import.Output + import.Error);
        var after = await CountAsync(app);
        Assert.Equal(before.Indicators + 6, after.Indicators);
        Assert.Equal(before.Initiatives + 4, after.Initiatives);

        var again = await RunAsync(app, "import", file.Path, "--plan", "chiba-ict", "--json");
        Assert.Equal(6, again.Json().GetProperty("summary").GetProperty("unchanged").GetInt32());
        Assert.Equal(after, await CountAsync(app));
    }

    /// <summary>A generated 資料4-2 of <paramref name="count"/> new KPIs (3 per initiative, 4 initiatives per 小項目).</summary>
    internal static byte[] Generated(int count, string prefix = "")
    {
        var rows = Enumerable.Range(0, count).Select(i => new ReportRow
        {
            Area = $"ア 分野{i / 600 % 4 + 1}",
            Section = $"（イ）中項目{i / 180 + 1}",
            Subsection = $"① 小項目{i / 36 + 1}",
            Initiative = $"{prefix}取組{i / 3 + 1}",
            Indicator = $"{prefix}成果指標{i + 1}",
            Baseline = $"{1000 + i % 97:N0}件\n(令和元年度)",
            Actual = $"{1100 + i % 89:N0}件\n(令和2年12月末現在)",
            Projection = $"{1200 + i % 83:N0}件",
            ProjectionBasis = "前年の実績から推計した。",
            FinalTarget = $"{2000 + i % 7:N0}件",
            Status = "取組を進めた。",
            Challenges = "－",
            Plan = "引き続き進める。",
            Question = "－",
            Marks = new ReportMarks("", "", "", false),
        });
        using var buffer = new MemoryStream();
        ReportXlsx.Write(new ReportDocument("テスト", new FiscalYear(2020), "令和2年度 進捗状況", [new ReportTable("4-2", "個別施策", new ReportYears(new FiscalYear(2020), new FiscalYear(2019), null, new FiscalYear(2021)), rows)]), buffer);
        return buffer.ToArray();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task LargeImport_SavesEveryRow_Audited_AndAgainChangesNothing(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        const int count = 3000;
        var before = await CountAsync(app);
        long names;
        await using (var scope = app.Scope(out var db))
        {
            names = await db.AuditEntries.CountAsync(a => a.Field == "Name" && a.Entity == nameof(Indicator));
        }

        using var file = new TempFile("large.xlsx", Generated(count));
        var run = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--json");
        Assert.True(CommandLine.Ok == run.Exit, run.Error);
        var after = await CountAsync(app);
        Assert.Equal(before.Indicators + count, after.Indicators);
        Assert.Equal(before.Reports + count, after.Reports);
        Assert.Equal(before.Targets + count, after.Targets);
        Assert.Equal(before.Initiatives + count / 3, after.Initiatives);
        Assert.Equal(after.Audit - before.Audit, run.Json().GetProperty("auditEntries").GetInt32());
        await using (var scope = app.Scope(out var db))
        {
            // Every new KPI, its actual and its target are in the audit log, under the command line's name.
            Assert.Equal(names + count, await db.AuditEntries.CountAsync(a => a.Field == "Name" && a.Entity == nameof(Indicator)));
            var last = await db.Indicators.SingleAsync(i => i.Name == $"成果指標{count}");
            var fields = await db.AuditEntries.Where(a => a.IndicatorId == last.Id).Select(a => a.Field + "=" + a.After).ToListAsync();
            Assert.Contains($"Name=成果指標{count}", fields);
            Assert.Contains(fields, f => f.StartsWith("Actual=", StringComparison.Ordinal));
            Assert.Contains(fields, f => f.StartsWith("Value=2,", StringComparison.Ordinal));
            Assert.All(await db.AuditEntries.Where(a => a.IndicatorId == last.Id).Select(a => a.User).ToListAsync(),
                u => Assert.Equal("コマンドライン（import large.xlsx）", u));
        }

        var again = await RunAsync(app, "import", file.Path, "--plan", "chiba-dx-1.1", "--json");
        Assert.Equal(count, again.Json().GetProperty("summary").GetProperty("unchanged").GetInt32());
        Assert.Equal(after, await CountAsync(app));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task LargeImport_FailingMidway_LeavesNothing(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var before = await CountAsync(app);
        var bytes = Generated(2000);
        foreach (var stage in new[] { 1, 2 })
        {
            await using var scope = app.Scope(out var db);
            var reading = ImportReader.Read("large.xlsx", new MemoryStream(bytes));
            var importer = new ReportImporter(db)
            {
                AfterSave = (s, _) => s == stage ? throw new IOException($"disk full after stage {s}") : Task.CompletedTask,
            };
            await Assert.ThrowsAsync<IOException>(() => importer.CommitAsync(reading, "chiba-dx-1.1"));
            Assert.Equal(before, await CountAsync(app));
        }
    }
}
