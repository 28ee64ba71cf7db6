using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Core.Time;

// Writes the speed benchmark's data set into a fresh SQLite file: one current plan with 4 areas × 5 fields,
// 2,000 initiatives, 10,000 KPIs (5 per initiative, 50 departments) and 10 published fiscal years (2016–2025)
// of reports for each: 100,000 reports. Values vary deterministically (seeded), so marks spread over ◎ ○ △ ー ×.
// Usage: Shinchoku.Web.Bench OUT.db [kpis, default 10000] [years, default 10]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Shinchoku.Web.Bench OUT.db [kpis] [years]");
    return 2;
}

var file = Path.GetFullPath(args[0]);
var kpis = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var years = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
if (File.Exists(file))
{
    File.Delete(file);
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["ConnectionStrings:Shinchoku"] = $"Data Source={file}",
}).Build();
var services = new ServiceCollection()
    .AddSingleton(TimeProvider.System)
    .AddScoped(_ => AuditActor.Named("bench"))
    .AddShinchokuDatabase(configuration)
    .BuildServiceProvider();

var clock = Stopwatch.StartNew();
const int FirstYear = 2016;
var random = new Random(20261122);
int planId;
List<int> fieldIds;
List<int> departmentIds;
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
    await db.Database.MigrateAsync();
    var organization = new Organization { Name = "千葉県", Code = "120006" };
    db.Organizations.Add(organization);
    var plan = new Plan { Key = "bench", Name = "ベンチマーク用 DX推進戦略", VersionLabel = "1.0", Status = PlanStatus.Current, Organization = organization };
    db.Plans.Add(plan);
    for (var d = 1; d <= 50; d++)
    {
        organization.Departments.Add(new Department { Name = $"所管課{d:00}" });
    }

    var vision = new PlanNode { Plan = plan, Key = "vision", Kind = NodeKind.Vision, Title = "目指す姿", Order = 0 };
    plan.Nodes.Add(vision);
    for (var a = 1; a <= 4; a++)
    {
        var area = new PlanNode { Plan = plan, Parent = vision, Key = $"area-{a}", Kind = NodeKind.Area, Label = "アイウエ"[a - 1].ToString(), Title = $"大項目{a}", Order = a };
        plan.Nodes.Add(area);
        for (var f = 1; f <= 5; f++)
        {
            plan.Nodes.Add(new PlanNode { Plan = plan, Parent = area, Key = $"field-{a}-{f}", Kind = NodeKind.Field, Label = $"（{f}）", Title = $"中項目{a}-{f}", Order = f });
        }
    }

    for (var y = FirstYear; y < FirstYear + years; y++)
    {
        db.ReportingCycles.Add(new ReportingCycle
        {
            Plan = plan, FiscalYear = new FiscalYear(y), Title = $"{y}年度 進捗状況", State = PublicationState.Published,
            PublishedAt = new DateTimeOffset(y + 1, 6, 30, 0, 0, 0, TimeSpan.Zero),
        });
    }

    await db.SaveChangesAsync();
    planId = plan.Id;
    fieldIds = [.. plan.Nodes.Where(n => n.Kind == NodeKind.Field).Select(n => n.Id)];
    departmentIds = [.. organization.Departments.Select(d => d.Id)];
}

const int PerInitiative = 5;
const int InitiativesPerBatch = 100;
var initiatives = (kpis + PerInitiative - 1) / PerInitiative;
var made = 0;
for (var start = 0; start < initiatives; start += InitiativesPerBatch)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var departments = await db.Departments.ToDictionaryAsync(d => d.Id);
    for (var i = start; i < Math.Min(initiatives, start + InitiativesPerBatch); i++)
    {
        var initiative = new Initiative { PlanId = planId, Key = $"i{i + 1:00000}", Title = $"取組{i + 1}" };
        initiative.Placements.Add(new InitiativePlacement { NodeId = fieldIds[i % fieldIds.Count], IsPrimary = true, Order = i });
        if (i % 7 == 0)
        {
            initiative.Placements.Add(new InitiativePlacement { NodeId = fieldIds[(i + 3) % fieldIds.Count], IsPrimary = false, Order = i });
        }

        for (var k = 0; k < PerInitiative && made < kpis; k++, made++)
        {
            var baseline = random.Next(100, 10_000);
            var final = baseline + random.Next(-baseline / 2, baseline);
            var indicator = new Indicator
            {
                Name = $"成果指標{made + 1:00000}（取組{i + 1}）",
                Unit = new Shinchoku.Core.Values.Unit("件"),
                Baseline = RecordedValue.From($"{baseline:N0}件").Value,
                BaselineFiscalYear = new FiscalYear(FirstYear - 1),
                Order = k,
            };
            indicator.Departments.Add(departments[departmentIds[made % departmentIds.Count]]);
            indicator.Targets.Add(new IndicatorTarget { Kind = TargetKind.Interim, FiscalYear = new FiscalYear(FirstYear + (years / 2)), Value = RecordedValue.From($"{(baseline + final) / 2:N0}件").Value });
            indicator.Targets.Add(new IndicatorTarget { Kind = TargetKind.Final, FiscalYear = new FiscalYear(FirstYear + years - 1), Value = RecordedValue.From($"{final:N0}件").Value });
            for (var y = 0; y < years; y++)
            {
                var actual = baseline + ((final - baseline) * random.Next(-20, 130) / 100);
                var hasProjection = random.Next(4) != 0;
                indicator.Reports.Add(new IndicatorReport
                {
                    FiscalYear = new FiscalYear(FirstYear + y),
                    Actual = RecordedValue.From($"{actual:N0}件\n（{FirstYear + y + 1}年3月31日現在）").Value,
                    Projection = hasProjection ? RecordedValue.From($"{actual + random.Next(0, 50):N0}件").Value : RecordedValue.From("－").Value,
                    Status = $"取組状況の記載（{FirstYear + y}年度）",
                    // Public: approved by the DX office (the publication rule: approved reports of published cycles).
                    State = ReportState.Approved,
                    ApprovedAt = new DateTimeOffset(FirstYear + y + 1, 6, 1, 0, 0, 0, TimeSpan.Zero),
                });
            }

            initiative.Indicators.Add(indicator);
        }

        db.Initiatives.Add(initiative);
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
}

await using (var scope = services.CreateAsyncScope())
{
    // The audit of the generated rows is not part of the data set.
    var db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
    await db.AuditEntries.ExecuteDeleteAsync();
    await db.Database.ExecuteSqlRawAsync("VACUUM");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"wrote {file}: plan bench, {initiatives} initiatives, {made} KPIs × {years} fiscal years in {clock.Elapsed.TotalSeconds:F1} s"));
return 0;
