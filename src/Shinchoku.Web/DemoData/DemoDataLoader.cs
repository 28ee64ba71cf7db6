using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.DemoData;

/// <summary>
/// Loads the demo data for Chiba on first start: the DX strategy 1.1 and the previous ICT strategy's
/// 令和2年度 progress report, from the JSON files in DemoData/ (the report file is the Core tests' data file).
/// </summary>
public sealed partial class DemoDataLoader(ShinchokuDb db, AuditActor actor, ILogger<DemoDataLoader> logger)
{
    public const string StrategyFile = "chiba-dx-strategy-1.1.json";
    public const string ReportFile = "r2-progress-report.json";
    public const string OrganizationFile = "demo-organization.json";
    private const string LoaderUser = "デモデータ";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Loads the demo data unless an organization exists already. Returns true when it loaded.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return false;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "DemoData");
        var strategy = Read<StrategyFileModel>(Path.Combine(folder, StrategyFile));
        var report = Read<ReportFileModel>(Path.Combine(folder, ReportFile));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var code = LocalGovernmentCode.Parse(strategy.Organization.Code);
        var identity = Read<IdentityModel>(Path.Combine(folder, OrganizationFile));
        var organization = new Organization
        {
            Name = strategy.Organization.Name,
            Code = code.Value.Value,
            EmblemPath = identity.EmblemPath,
            ContactDepartment = identity.ContactDepartment,
            ContactPhone = identity.ContactPhone,
            ContactEmail = identity.ContactEmail,
            ContactAddress = identity.ContactAddress,
            AccessibilityTarget = identity.AccessibilityTarget,
            AccessibilityPolicy = identity.AccessibilityPolicy,
            PrivacyPolicy = identity.PrivacyPolicy,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        db.Players.AddRange(strategy.Players.Select(name => new Player { Name = name, OrganizationId = organization.Id }));

        AddStrategy(organization, strategy);
        await db.SaveChangesAsync(cancellationToken);
        // Every KPI value created is audited, like any later change, under the demo data's name.
        actor.Fixed = $"{LoaderUser}（{report.Report.Title}）";
        AddReport(organization, report);
        await db.SaveChangesAsync(cancellationToken);
        actor.Fixed = null;
        await transaction.CommitAsync(cancellationToken);
        LogLoaded(logger, organization.Name, strategy.Plan.Key, report.Plan.Key);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Organization}, plans {Strategy} and {Report}")]
    private static partial void LogLoaded(ILogger logger, string organization, string strategy, string report);

    private static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} を読み込めません。");
    }

    private void AddStrategy(Organization organization, StrategyFileModel file)
    {
        var plan = new Plan
        {
            Organization = organization,
            Key = file.Plan.Key,
            Name = file.Plan.Name,
            VersionLabel = PlanVersion.Parse(file.Plan.Version).Value.ToString().TrimEnd('版'),
            IssuedLabel = file.Plan.IssuedLabel,
            IssuedOn = DateOnly.TryParseExact(file.Plan.Issued + "-01", "yyyy-MM-dd", out var issued) ? issued : null,
            Status = file.Plan.Status,
            Purpose = file.Plan.Purpose,
            Maintenance = string.Join("\n\n", file.Maintenance.Select(m => m.Title + "\n" + m.Body)),
        };
        db.Plans.Add(plan);

        var initiatives = new Dictionary<string, Initiative>(StringComparer.Ordinal);
        var reposts = new List<(PlanNode Node, string Ref, string? Title, int Order)>();
        var order = 0;
        foreach (var node in file.Nodes)
        {
            AddNode(plan, null, node, order++, initiatives, reposts);
        }

        foreach (var (node, key, title, placementOrder) in reposts)
        {
            var initiative = initiatives.TryGetValue(key, out var found)
                ? found
                : throw new InvalidDataException($"【再掲】の参照先 {key} がありません。");
            initiative.Placements.Add(new InitiativePlacement
            {
                Node = node,
                IsPrimary = false,
                Order = placementOrder,
                Title = title is null || title == initiative.Title ? null : title,
            });
        }
    }

    private static void AddNode(Plan plan, PlanNode? parent, NodeModel model, int order,
        Dictionary<string, Initiative> initiatives, List<(PlanNode, string, string?, int)> reposts)
    {
        var node = new PlanNode
        {
            Plan = plan,
            Parent = parent,
            Key = model.Key,
            Kind = model.Kind,
            Label = model.Label ?? "",
            Title = model.Title,
            Body = model.Body ?? "",
            Order = order,
        };
        plan.Nodes.Add(node);
        var placementOrder = 0;
        foreach (var item in model.Initiatives ?? [])
        {
            if (item.Reposted)
            {
                reposts.Add((node, item.Ref ?? throw new InvalidDataException($"{model.Key} の【再掲】に ref がありません。"), item.Title, placementOrder++));
                continue;
            }

            var initiative = new Initiative { Plan = plan, Key = item.Key!, Title = item.Title!, Body = item.Body ?? "" };
            initiative.Placements.Add(new InitiativePlacement { Node = node, IsPrimary = true, Order = placementOrder++ });
            initiatives.Add(initiative.Key, initiative);
            plan.Initiatives.Add(initiative);
        }

        var childOrder = 0;
        foreach (var child in model.Children ?? [])
        {
            AddNode(plan, node, child, childOrder++, initiatives, reposts);
        }
    }

    private void AddReport(Organization organization, ReportFileModel file)
    {
        var fiscalYear = FiscalYear.Parse(file.FiscalYear).Value;
        var baselineYear = FiscalYear.Parse(file.Report.BaselineFiscalYear).Value;
        var interimYear = FiscalYear.Parse(file.Report.InterimTargetFiscalYear).Value;
        var finalYear = FiscalYear.Parse(file.Report.FinalTargetFiscalYear).Value;
        var plan = new Plan
        {
            Organization = organization,
            Key = file.Plan.Key,
            Name = file.Plan.Name,
            VersionLabel = file.Plan.Version,
            Status = file.Plan.Status,
        };
        db.Plans.Add(plan);
        db.ReportingCycles.Add(new ReportingCycle { Plan = plan, FiscalYear = fiscalYear, Title = file.Report.Title, State = file.Report.State });

        var nodes = new Dictionary<string, PlanNode>(StringComparer.Ordinal);
        var initiatives = new Dictionary<string, Initiative>(StringComparer.Ordinal);
        var departments = new Dictionary<string, Department>(StringComparer.Ordinal);
        var order = 0;
        foreach (var row in file.Rows)
        {
            var area = Node(plan, null, NodeKind.Area, row.Area, nodes);
            var section = Node(plan, area, NodeKind.Field, row.Section, nodes);
            var parent = row.Subsection is null ? section : Node(plan, section, NodeKind.Subsection, row.Subsection, nodes);
            var initiativeKey = parent.Key + "/" + row.Initiative;
            if (!initiatives.TryGetValue(initiativeKey, out var initiative))
            {
                initiative = new Initiative { Plan = plan, Key = $"i{initiatives.Count + 1:D3}", Title = row.Initiative };
                initiative.Placements.Add(new InitiativePlacement { Node = parent, IsPrimary = true, Order = parent.Placements.Count });
                parent.Placements.Add(initiative.Placements[0]);
                initiatives.Add(initiativeKey, initiative);
                plan.Initiatives.Add(initiative);
            }

            // The row is one KPI year as printed: read once, and the values, targets and marks stored from it.
            Core.Rules.WrittenTarget[] targets = row.InterimTarget is null
                ? [new(TargetKind.Final, finalYear, row.FinalTarget)]
                : [new(TargetKind.Interim, interimYear, row.InterimTarget), new(TargetKind.Final, finalYear, row.FinalTarget)];
            var year = IndicatorYear.Of(fiscalYear, row.Baseline, row.Actual, row.Projection, targets, null, null,
                new Core.Rules.WrittenMarks(row.PrintedTrend, row.PrintedRating, row.PrintedInterimReached));
            var indicator = new Indicator
            {
                Initiative = initiative,
                Name = row.SubIndicator is null ? row.Indicator : $"{row.Indicator}（{row.SubIndicator}）",
                Baseline = RecordedValue.Of(year.Baseline),
                BaselineFiscalYear = baselineYear,
                ReportTable = ReportTableNumber.Parse(row.Table).Value,
                Order = order++,
            };
            foreach (var name in row.Departments)
            {
                if (!departments.TryGetValue(name, out var department))
                {
                    department = new Department { Organization = organization, Name = name };
                    departments.Add(name, department);
                    db.Departments.Add(department);
                }

                indicator.Departments.Add(department);
            }

            if (row.InterimTarget is not null)
            {
                indicator.Targets.Add(new IndicatorTarget { Kind = TargetKind.Interim, FiscalYear = interimYear, Value = RecordedValue.Of(year.InterimTarget) });
            }

            indicator.Targets.Add(new IndicatorTarget { Kind = TargetKind.Final, FiscalYear = finalYear, Value = RecordedValue.Of(year.FinalTarget) });
            indicator.Reports.Add(new IndicatorReport
            {
                FiscalYear = fiscalYear,
                Actual = RecordedValue.Of(year.Actual),
                Projection = RecordedValue.Of(year.Projection),
                Evaluation = year.ToRecord(),
                ProjectionBasis = row.ProjectionBasis ?? "",
                Status = row.Status ?? "",
                MissedReason = row.MissedReason ?? "",
                Countermeasure = row.Countermeasure ?? "",
                Challenges = row.Challenges ?? "",
                Plan = row.Plan ?? "",
                QuestionToExperts = row.Question ?? "",
                PrintedTrend = row.PrintedTrend ?? "",
                PrintedRating = row.PrintedRating ?? "",
                PrintedInterimReached = row.PrintedInterimReached ?? "",
                PrintedJudgementNote = row.JudgedDifferently,
                State = file.Report.State == PublicationState.Published ? ReportState.Approved : ReportState.InProgress,
            });
            db.Indicators.Add(indicator);
        }
    }

    private static PlanNode Node(Plan plan, PlanNode? parent, NodeKind kind, string text, Dictionary<string, PlanNode> nodes)
    {
        var path = (parent?.Key ?? "") + "/" + text;
        if (nodes.TryGetValue(path, out var existing))
        {
            return existing;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var hasLabel = space is > 0 and <= 4;
        var node = new PlanNode
        {
            Plan = plan,
            Parent = parent,
            Key = $"n{nodes.Count + 1:D3}",
            Kind = kind,
            Label = hasLabel ? text[..space] : LeadingLabel(text),
            Title = hasLabel ? text[(space + 1)..] : text[LeadingLabel(text).Length..],
            Order = parent?.Children.Count ?? nodes.Values.Count(n => n.Parent is null),
        };
        parent?.Children.Add(node);
        plan.Nodes.Add(node);
        nodes.Add(path, node);
        return node;
    }

    /// <summary>（ア） at the start of a subsection title.</summary>
    private static string LeadingLabel(string text)
    {
        if (text.Length > 2 && text[0] == '（')
        {
            var close = text.IndexOf('）', StringComparison.Ordinal);
            if (close is > 0 and <= 4)
            {
                return text[..(close + 1)];
            }
        }

        return "";
    }

    private sealed record StrategyFileModel(OrganizationModel Organization, PlanModel Plan, List<NodeModel> Nodes, List<MaintenanceModel> Maintenance, List<string> Players);

    private sealed record OrganizationModel(string Name, string Code);

    private sealed record IdentityModel(
        string EmblemPath, string ContactDepartment, string ContactPhone, string ContactEmail, string ContactAddress,
        string AccessibilityTarget, string AccessibilityPolicy, string PrivacyPolicy);

    private sealed record PlanModel(string Key, string Name, string Version, string? Issued, string? IssuedLabel, PlanStatus Status, string? Purpose);

    private sealed record NodeModel(string Key, NodeKind Kind, string? Label, string Title, string? Body, List<NodeModel>? Children, List<InitiativeModel>? Initiatives);

    private sealed record InitiativeModel(string? Key, string? Title, string? Body, string? Ref, bool Reposted);

    private sealed record MaintenanceModel(string Title, string Body);

    private sealed record ReportFileModel(string FiscalYear, PlanModel Plan, ReportModel Report, List<RowModel> Rows);

    private sealed record ReportModel(string Title, string BaselineFiscalYear, string InterimTargetFiscalYear, string FinalTargetFiscalYear, PublicationState State);

    private sealed record RowModel(
        string Id, string Table, string Area, string Section, string? Subsection, string Initiative, string Indicator, string? SubIndicator,
        string Baseline, string Actual, string Projection, string? ProjectionBasis, string? InterimTarget, string FinalTarget,
        string? Status, string? MissedReason, string? Countermeasure, string? Challenges, string? Plan, string? Question,
        string? PrintedTrend, string? PrintedRating, string? PrintedInterimReached, List<string> Departments, string? JudgedDifferently);
}
