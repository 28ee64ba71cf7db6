using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// The yearly revision of a plan (成長する戦略, 1.0 → 1.1): a new version copied from the current one as a draft (published by
/// the plans' administration). Reports are never copied: they stay with the version they were made in and are read across
/// versions through each indicator's predecessor.
/// </summary>
public static class PlanRevision
{
    /// <summary>The draft already made from <paramref name="planId"/>, if any (one revision at a time).</summary>
    public static Task<Plan?> DraftSuccessorAsync(ShinchokuDb db, int planId, CancellationToken cancellationToken = default) =>
        db.Plans.Where(p => p.PredecessorId == planId && p.Status == PlanStatus.Draft).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Copies <paramref name="source"/> as a new draft plan: nodes and initiatives with the same keys, placements
    /// (【再掲】 too), players, and indicators with their definitions, targets and departments, each linked to the
    /// indicator it continues. Everything is saved in one transaction.
    /// </summary>
    public static async Task<Plan> CopyAsync(ShinchokuDb db, PlanTree source, string key, string name, string versionLabel, string? issuedLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        var from = source.Plan;
        var initiativeIds = from.Initiatives.Select(i => i.Id).ToList();
        // Players, departments and targets are not part of the tree's load.
        await db.Initiatives.Where(i => initiativeIds.Contains(i.Id)).Include(i => i.Players).LoadAsync(cancellationToken);
        await db.Indicators.Where(i => initiativeIds.Contains(i.InitiativeId)).Include(i => i.Departments).Include(i => i.Targets).AsSplitQuery().LoadAsync(cancellationToken);

        var plan = new Plan
        {
            OrganizationId = from.OrganizationId,
            Key = key,
            Name = name,
            VersionLabel = versionLabel,
            IssuedLabel = issuedLabel,
            Status = PlanStatus.Draft,
            PredecessorId = from.Id,
            Purpose = from.Purpose,
            Maintenance = from.Maintenance,
        };
        var nodes = new Dictionary<int, PlanNode>();
        foreach (var node in from.Nodes.OrderBy(n => n.ParentId is null ? 0 : 1))
        {
            nodes[node.Id] = new PlanNode { Plan = plan, Key = node.Key, Kind = node.Kind, Label = node.Label, Title = node.Title, Body = node.Body, Order = node.Order };
        }

        foreach (var node in from.Nodes.Where(n => n.ParentId is not null))
        {
            nodes[node.Id].Parent = nodes[node.ParentId!.Value];
        }

        plan.Nodes.AddRange(nodes.Values);
        foreach (var old in from.Initiatives)
        {
            var initiative = new Initiative { Plan = plan, Key = old.Key, Title = old.Title, Body = old.Body };
            initiative.Players.AddRange(old.Players);
            initiative.Placements.AddRange(old.Placements.Select(p => new InitiativePlacement { Node = nodes[p.NodeId], IsPrimary = p.IsPrimary, Title = p.Title, Order = p.Order }));
            initiative.Indicators.AddRange(old.Indicators.Select(i => Continue(i, initiative)));
            plan.Initiatives.Add(initiative);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    /// <summary>The indicator of the new version that continues <paramref name="old"/>: same definition, its own copies of values.</summary>
    private static Indicator Continue(Indicator old, Initiative initiative)
    {
        var indicator = new Indicator
        {
            Initiative = initiative,
            Name = old.Name,
            Unit = old.Unit,
            Direction = old.Direction,
            // Owned values are tracked by reference: every copy gets its own instance.
            Baseline = old.Baseline with { },
            BaselineFiscalYear = old.BaselineFiscalYear,
            ReportTable = old.ReportTable,
            Order = old.Order,
            PredecessorId = old.Id,
        };
        indicator.Departments.AddRange(old.Departments);
        indicator.Targets.AddRange(old.Targets.Select(t => new IndicatorTarget { Kind = t.Kind, FiscalYear = t.FiscalYear, Value = t.Value with { } }));
        return indicator;
    }
}
