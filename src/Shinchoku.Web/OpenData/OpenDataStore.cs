using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Indicator = Shinchoku.Web.Indicators.Indicator;
using Shinchoku.Core.Strategy;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.OpenData;

/// <summary>
/// Everything the open data serves, read once from the database and kept until the data changes. Only published
/// reporting cycles are read (<see cref="Reporting.Publication"/>'s rule for anonymous visitors): values of Draft or
/// Submitted cycles are never loaded here, so they cannot reach the API, CSV or ZIP.
/// </summary>
public sealed class OpenDataSnapshot
{
    internal OpenDataSnapshot(string version) => Version = version;

    /// <summary>The data version: the count and last id of the change records (<see cref="PublicChange"/>) it was built from.</summary>
    public string Version { get; }

    /// <summary>The entity tag of every answer built from this snapshot: a hash of its data version and wording (<see cref="Seal"/>).</summary>
    public string ETag { get; private set; } = "";

    /// <summary>The latest publication or correction, or when this app saw a change without a date of its own; null before any.</summary>
    public DateTimeOffset? LastModified { get; internal set; }

    /// <summary>
    /// Sets the entity tag once the snapshot is built, from the data version and what it does not count: the plans,
    /// trees and initiatives as served and each KPI's departments. The same data gives the same tag (in every instance,
    /// after every rebuild); a change of wording gives a new one. (Hashing every KPI's years too would add about a
    /// second to a build of 10,000 KPIs; their reports and overrides are counted by the version.)
    /// </summary>
    internal void Seal(JsonSerializerOptions options)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            JsonSerializer.Serialize(hashing, new { Version, Plans, Trees, Initiatives, Departments = Indicators.Select(i => i.Detail.Departments) }, options);
        }

        ETag = "\"" + Convert.ToHexStringLower(sha.Hash!)[..20] + "\"";
    }

    public List<PlanItem> Plans { get; } = [];

    public Dictionary<string, PlanTreeAnswer> Trees { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<InitiativeItem>> Initiatives { get; } = new(StringComparer.Ordinal);

    /// <summary>Each public plan's nodes, flat in tree order, for CSV.</summary>
    public Dictionary<string, List<TreeNode>> Nodes { get; } = new(StringComparer.Ordinal);

    public List<IndicatorEntry> Indicators { get; } = [];

    public Dictionary<int, IndicatorEntry> IndicatorsById { get; } = [];

    /// <summary>The most bytes of answers (JSON, pages) kept with one snapshot; past it answers are made per request.</summary>
    private const long AnswerBudget = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> shared = new(StringComparer.Ordinal);
    private long answerBytes;

    /// <summary>The answer kept for <paramref name="key"/> (a query string, a page's URL), or null.</summary>
    public byte[]? Answer(string key) => answers.GetValueOrDefault(key);

    /// <summary>Keeps an answer for <paramref name="key"/> until the snapshot is replaced, while the budget lasts.</summary>
    public void Keep(string key, byte[] answer)
    {
        if (Interlocked.Add(ref answerBytes, answer.Length) <= AnswerBudget)
        {
            answers.TryAdd(key, answer);
        }
    }

    /// <summary>The JSON answer for <paramref name="key"/> (a query string), made once per snapshot.</summary>
    public byte[] CachedJson(string key, Func<byte[]> make)
    {
        if (Answer(key) is { } bytes)
        {
            return bytes;
        }

        bytes = make();
        Keep(key, bytes);
        return bytes;
    }

    /// <summary>
    /// A value made once per snapshot (by the first request that needs it; others wait for it) and shared by every
    /// request until the data changes. A failure is not kept: the next request tries again.
    /// </summary>
    internal async Task<T?> SharedAsync<T>(string key, Func<Task<T?>> make)
        where T : class
    {
        if (shared.Count >= 1000 && !shared.ContainsKey(key))
        {
            return await make();
        }

        var made = shared.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await make()));
        try
        {
            return (T?)await made.Value;
        }
        catch
        {
            shared.TryRemove(KeyValuePair.Create(key, made));
            throw;
        }
    }

    /// <summary>The bulk download, built on first request (building it twice at once is harmless).</summary>
    public byte[]? Zip { get; set; }
}

/// <summary>An indicator with its list rows per published fiscal year and the node keys it falls under (for the area filter).</summary>
public sealed class IndicatorEntry
{
    internal IndicatorEntry(IndicatorDetail detail, IReadOnlyDictionary<FiscalYear, IndicatorItem> byYear, IndicatorItem latest, HashSet<string> areaKeys)
    {
        Detail = detail;
        ByYear = byYear;
        Latest = latest;
        AreaKeys = areaKeys;
    }

    public IndicatorDetail Detail { get; internal set; }

    /// <summary>The list row for each published fiscal year.</summary>
    public IReadOnlyDictionary<FiscalYear, IndicatorItem> ByYear { get; }

    /// <summary>The list row for the latest published fiscal year (or without marks when none is published).</summary>
    public IndicatorItem Latest { get; }

    /// <summary>The keys of the nodes the indicator's initiative is listed under and of all their ancestors.</summary>
    public HashSet<string> AreaKeys { get; }
}

/// <summary>
/// Keeps the current <see cref="OpenDataSnapshot"/>. Its data version is read from the change records that every save
/// of something public writes in its own transaction (<see cref="PublicChanges"/>): one small query, at most every
/// <c>OpenData:VersionCheckMilliseconds</c> (default 1000; 0 = on every request), and at once after this app saved a
/// public change. So another instance's or the command line's change shows within that time, and a draft save, which
/// writes no record, rebuilds nothing. The database edited by hand shows at the latest after
/// <c>OpenData:SnapshotMaxAgeSeconds</c> (300 s).
/// </summary>
public sealed class OpenDataStore(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeSpan maxAge = TimeSpan.FromSeconds(configuration.GetValue("OpenData:SnapshotMaxAgeSeconds", 300));
    private readonly TimeSpan checkEvery = TimeSpan.FromMilliseconds(configuration.GetValue("OpenData:VersionCheckMilliseconds", 1000));
    private OpenDataSnapshot? current;
    private DateTimeOffset builtAt;
    private DateTimeOffset checkedAt;
    private int checking;
    private long changes;
    private long changesChecked;

    public void Dispose() => gate.Dispose();

    /// <summary>Called when this app saved a public change: the next request checks the data version at once.</summary>
    public void DataChanged() => Interlocked.Increment(ref changes);

    /// <summary>True when <paramref name="snapshot"/> may still serve: the same data version, not too old.</summary>
    private bool IsCurrent([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] OpenDataSnapshot? snapshot, string version) =>
        snapshot is not null && snapshot.Version == version && clock.GetUtcNow() - builtAt < maxAge;

    /// <summary>
    /// A value made once per data version (of <paramref name="snapshot"/>, from <see cref="GetAsync"/>) from a database
    /// scope of its own (the public pages' progress of a plan), shared by every request until the data changes. It
    /// must not depend on who asks, and keys must come from a small set (at most 1,000 are kept per snapshot).
    /// </summary>
    public async Task<T?> SharedAsync<T>(OpenDataSnapshot snapshot, string key, Func<ShinchokuDb, CancellationToken, Task<T?>> make, CancellationToken cancellationToken)
        where T : class
    {
        return await snapshot.SharedAsync(key, async () =>
        {
            // Not the asking request's token: other requests wait for the same value.
            await using var scope = scopes.CreateAsyncScope();
            return await make(scope.ServiceProvider.GetRequiredService<ShinchokuDb>(), CancellationToken.None);
        }).WaitAsync(cancellationToken);
    }

    /// <summary>The snapshot of the data as it is now.</summary>
    public async Task<OpenDataSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (current is { } recent && now - builtAt < maxAge && Volatile.Read(ref changes) == Volatile.Read(ref changesChecked)
            && (now - checkedAt < checkEvery || (checkEvery > TimeSpan.Zero && Interlocked.CompareExchange(ref checking, 1, 0) != 0)))
        {
            // Recently checked, or another request is checking right now: the current snapshot will do.
            return recent;
        }

        try
        {
            return await CheckAsync(now, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref checking, 0);
        }
    }

    private async Task<OpenDataSnapshot> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changesSeen = Volatile.Read(ref changes);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinchokuDb>();
        var version = await DataVersionAsync(db, cancellationToken);
        var snapshot = current;
        if (IsCurrent(snapshot, version))
        {
            checkedAt = now;
            Volatile.Write(ref changesChecked, changesSeen);
            return snapshot;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = current;
            if (IsCurrent(snapshot, version))
            {
                return snapshot;
            }

            var built = await BuildAsync(db, version, cancellationToken);
            var lastModified = await LastModifiedAsync(db, cancellationToken);
            if (snapshot is not null && built.ETag == snapshot.ETag)
            {
                // Rebuilt, but nothing served changed.
                lastModified = snapshot.LastModified;
            }
            else if (snapshot is not null && (lastModified is null || lastModified <= snapshot.LastModified))
            {
                // A change that leaves no date of its own (a KPI's wording, a node's text, a withdrawn override, a late
                // approval) still moves Last-Modified on, so that If-Modified-Since never gets 304 for changed data.
                lastModified = now;
            }

            built.LastModified = lastModified;
            snapshot = built;
            current = snapshot;
            builtAt = clock.GetUtcNow();
            checkedAt = now;
            Volatile.Write(ref changesChecked, changesSeen);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The count and the last id of the change records. The count moves on with every commit, also one whose id is lower
    /// than an id already seen (ids are handed out before a transaction commits); records are never deleted.
    /// </summary>
    private static async Task<string> DataVersionAsync(ShinchokuDb db, CancellationToken cancellationToken)
    {
        var records = await db.PublicChanges.GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Last = g.Max(c => c.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return records is null ? "0" : string.Create(CultureInfo.InvariantCulture, $"{records.Count}.{records.Last}");
    }

    /// <summary>The latest publication or correction.</summary>
    private static async Task<DateTimeOffset?> LastModifiedAsync(ShinchokuDb db, CancellationToken cancellationToken)
    {
        var published = await db.ReportingCycles.AsNoTracking().Where(Reporting.Publication.IsPublished)
            .Select(c => c.PublishedAt).ToListAsync(cancellationToken);
        // Corrections are few; their dates are read as values (SQLite cannot take the maximum of a DateTimeOffset).
        var corrected = await Reporting.Publication.PublicReports(db).AsNoTracking().Where(r => r.CorrectedAt != null)
            .Select(r => r.CorrectedAt).ToListAsync(cancellationToken);
        return published.Concat(corrected).Max();
    }

    private static async Task<OpenDataSnapshot> BuildAsync(ShinchokuDb db, string version, CancellationToken cancellationToken)
    {
        var snapshot = new OpenDataSnapshot(version);
        var plans = await db.Plans.AsNoTracking().Include(p => p.Organization)
            .Where(p => p.Status != PlanStatus.Draft).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var planIds = plans.ConvertAll(p => p.Id);
        var cycles = await db.ReportingCycles.AsNoTracking()
            .Where(Reporting.Publication.IsPublished).Where(c => planIds.Contains(c.PlanId))
            .OrderBy(c => c.FiscalYear).ToListAsync(cancellationToken);
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => planIds.Contains(n.PlanId)).ToListAsync(cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => planIds.Contains(i.PlanId)).ToListAsync(cancellationToken);
        var placements = await db.InitiativePlacements.AsNoTracking().Where(p => planIds.Contains(p.Node!.PlanId)).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => planIds.Contains(i.Initiative!.PlanId))
            .Include(i => i.Departments).Include(i => i.Targets)
            .AsSplitQuery().ToListAsync(cancellationToken);
        // Only the reports of published cycles: the publication rule, applied in the query itself.
        var reports = await Reporting.Publication.PublicReports(db).AsNoTracking()
            .Include(r => r.Overrides)
            .Include(r => r.ReviewEvents.Where(e => e.Action == Reporting.ReviewAction.Reopened))
            .ToListAsync(cancellationToken);

        var nodesByPlan = nodes.ToLookup(n => n.PlanId);
        var nodeById = nodes.ToDictionary(n => n.Id);
        var placementsByNode = placements.ToLookup(p => p.NodeId);
        var placementsByInitiative = placements.ToLookup(p => p.InitiativeId);
        var initiativeById = initiatives.ToDictionary(i => i.Id);
        var indicatorsByInitiative = indicators.ToLookup(i => i.InitiativeId);
        var reportsByIndicator = reports.ToLookup(r => r.IndicatorId);
        var cyclesByPlan = cycles.ToLookup(c => c.PlanId);

        foreach (var plan in plans)
        {
            var planCycles = cyclesByPlan[plan.Id].ToList();
            var planInitiatives = initiatives.Where(i => i.PlanId == plan.Id).ToList();
            snapshot.Plans.Add(new PlanItem(
                plan.Key, plan.Name, plan.VersionLabel, plan.Status.ToString().ToLowerInvariant(), plan.IssuedLabel, Date(plan.IssuedOn),
                plan.Organization?.Name ?? "", plan.Organization?.Code ?? "", plan.Purpose,
                nodesByPlan[plan.Id].Count(), planInitiatives.Count,
                planInitiatives.Sum(i => indicatorsByInitiative[i.Id].Count()),
                planCycles.ConvertAll(c => new PublishedReport(c.FiscalYear.StartYear, c.FiscalYear.ToString(), c.Title, Date(c.PublishedAt)))));

            var planNodes = nodesByPlan[plan.Id].ToList();
            var childrenOf = planNodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
            TreeNode Build(PlanNode node) => new(
                node.Key, node.Kind.ToString(), PlanTree.KindName(node.Kind), node.Label, node.Title, node.Body,
                node.ParentId is { } parent && nodeById.TryGetValue(parent, out var p) ? p.Key : null,
                node.Order,
                [.. placementsByNode[node.Id].OrderBy(pl => pl.Order).Select(pl => new NodePlacement(
                    initiativeById[pl.InitiativeId].Key, pl.Title ?? initiativeById[pl.InitiativeId].Title, pl.IsPrimary))],
                [.. childrenOf[node.Id].OrderBy(c => c.Order).Select(Build)]);
            var roots = planNodes.Where(n => n.ParentId is null).OrderBy(n => n.Order).Select(Build).ToList();
            snapshot.Trees[plan.Key] = new PlanTreeAnswer(plan.Organization?.Code ?? "", plan.Key, roots, OpenDataSetup.License);
            var flat = new List<TreeNode>();
            void Flatten(TreeNode n)
            {
                flat.Add(n);
                foreach (var c in n.Children)
                {
                    Flatten(c);
                }
            }

            roots.ForEach(Flatten);
            snapshot.Nodes[plan.Key] = flat;

            snapshot.Initiatives[plan.Key] = [.. planInitiatives.OrderBy(i => i.Id).Select(i => new InitiativeItem(
                plan.Organization?.Code ?? "", plan.Key, i.Key, i.Title, i.Body,
                [.. placementsByInitiative[i.Id].OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Order).Select(p => nodeById[p.NodeId].Key)],
                [.. indicatorsByInitiative[i.Id].OrderBy(x => x.Order).ThenBy(x => x.Id).Select(x => x.Id)]))];

            var publishedOn = planCycles.ToDictionary(c => c.FiscalYear, c => Date(c.PublishedAt));
            foreach (var initiative in planInitiatives)
            {
                var nodeKeys = placementsByInitiative[initiative.Id].OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Order)
                    .Select(p => nodeById[p.NodeId].Key).ToList();
                var areaKeys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var placement in placementsByInitiative[initiative.Id])
                {
                    for (PlanNode? n = nodeById[placement.NodeId]; n is not null; n = n.ParentId is { } pid ? nodeById.GetValueOrDefault(pid) : null)
                    {
                        areaKeys.Add(n.Key);
                    }
                }

                foreach (var indicator in indicatorsByInitiative[initiative.Id].OrderBy(x => x.Order).ThenBy(x => x.Id))
                {
                    var entry = Entry(plan, initiative, nodeKeys, areaKeys, indicator, [.. reportsByIndicator[indicator.Id].OrderBy(r => r.FiscalYear)], publishedOn);
                    snapshot.Indicators.Add(entry);
                    snapshot.IndicatorsById[indicator.Id] = entry;
                }
            }
        }

        AddLineage(snapshot, indicators, plans);
        snapshot.Seal(HashOptions);
        return snapshot;
    }

    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Links each public indicator to the ones of other public plan versions it continues or is continued by, with their years.</summary>
    private static void AddLineage(OpenDataSnapshot snapshot, List<Indicator> indicators, List<Plan> plans)
    {
        var successors = indicators.Where(i => i.PredecessorId is { } p && snapshot.IndicatorsById.ContainsKey(p))
            .ToLookup(i => i.PredecessorId!.Value, i => i.Id);
        var predecessorOf = indicators.ToDictionary(i => i.Id, i => i.PredecessorId);
        var planVersions = plans.ToDictionary(p => p.Key, p => p.VersionLabel, StringComparer.Ordinal);
        foreach (var entry in snapshot.Indicators)
        {
            var detail = entry.Detail;
            var years = new List<LineageYear>();
            var seenYears = detail.Years.Select(y => y.FiscalYear).ToHashSet();
            var seen = new HashSet<int> { detail.Id };
            for (var id = predecessorOf[detail.Id]; id is { } next && seen.Add(next) && snapshot.IndicatorsById.TryGetValue(next, out var predecessor); id = predecessorOf[next])
            {
                var p = predecessor.Detail;
                years.AddRange(p.Years.Where(y => seenYears.Add(y.FiscalYear)).Select(y => new LineageYear(p.PlanKey, planVersions[p.PlanKey], p.Id, p.Name, y)));
            }

            entry.Detail = detail with
            {
                PredecessorId = predecessorOf[detail.Id] is { } pid && snapshot.IndicatorsById.ContainsKey(pid) ? pid : null,
                SuccessorIds = [.. successors[detail.Id].Order()],
                PredecessorYears = [.. years.OrderBy(y => y.Year.FiscalYear)],
            };
        }
    }

    private static IndicatorEntry Entry(Plan plan, Initiative initiative, List<string> nodeKeys, HashSet<string> areaKeys,
        Indicator indicator, List<IndicatorReport> reports, Dictionary<FiscalYear, string?> publishedOn)
    {
        foreach (var report in reports)
        {
            indicator.Reports.Add(report);
        }

        var evaluations = reports.ConvertAll(r => KpiYears.Of(indicator, r));
        var departments = indicator.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToList();
        var interim = indicator.Targets.Where(t => t.Kind == TargetKind.Interim).MinBy(t => t.FiscalYear);
        var final = indicator.FinalTarget;
        var direction = (evaluations.Count > 0 ? evaluations[^1].Computed.Direction : indicator.Direction ?? Direction.Unknown).Describe();
        var years = reports.ConvertAll(r => Year(r, evaluations[reports.IndexOf(r)], publishedOn.GetValueOrDefault(r.FiscalYear)));
        var detail = new IndicatorDetail(
            indicator.Id, plan.Key, plan.Organization?.Name ?? "", plan.Organization?.Code ?? "", initiative.Key, initiative.Title, nodeKeys,
            indicator.Name, indicator.Unit?.Text, direction, departments, Value(indicator.Baseline), indicator.BaselineFiscalYear?.StartYear,
            [.. indicator.Targets.OrderBy(t => t.FiscalYear).ThenBy(t => t.Kind).Select(Target)], years, OpenDataSetup.License);

        IndicatorItem Item(IndicatorYear? e) => new(
            plan.Organization?.Code ?? "", plan.Key, indicator.Id, initiative.Key, initiative.Title, nodeKeys, indicator.Name, indicator.Unit?.Text, direction, departments,
            Value(indicator.Baseline), indicator.BaselineFiscalYear?.StartYear,
            interim is null ? null : Target(interim), final is null ? null : Target(final),
            e?.FiscalYear?.StartYear, e?.FiscalYear?.ToString(), e?.ValueText,
            e?.Computed.Progress is { } p ? Math.Round(p, 4) : null,
            e is null ? "" : e.Shown.TrendGlyph, e?.Shown.RatingGlyph ?? "", e?.Computed.ReasonText);

        var byYear = evaluations.ToDictionary(e => e.FiscalYear!.Value, Item);
        var latest = evaluations.Count > 0 ? byYear[reports[^1].FiscalYear] : Item(null);
        return new IndicatorEntry(detail, byYear, latest, areaKeys);
    }

    private static YearItem Year(IndicatorReport r, IndicatorYear e, string? publishedOn)
    {
        return new YearItem(
            r.FiscalYear.StartYear, r.FiscalYear.ToString(), publishedOn, Value(r.Actual), Value(r.Projection), r.ProjectionBasis,
            e.Computed.Source switch { ValueSource.Projection => "見込値", ValueSource.Actual => "実績値", _ => "" }, e.Computed.Progress is { } p ? Math.Round(p, 4) : null,
            new Marks(e.Computed.TrendGlyph, e.Computed.RatingGlyph, e.Computed.InterimReached is { } c ? MarkGlyphs.InterimGlyph(c) : ""),
            new Marks(e.Shown.TrendGlyph, e.Shown.RatingGlyph, e.Shown.InterimGlyph),
            e.Override is { } o ? new OverrideItem(o.Reason, Date(o.At) ?? "", new Marks(
                o.Trend is { } t ? t.Glyph(e.Computed.FromActual) : "", o.Rating?.Glyph() ?? "", o.InterimReached is { } i ? MarkGlyphs.InterimGlyph(i) : "")) : null,
            e.Computed.ReasonText, e.Explanation, r.Status, r.MissedReason, r.Countermeasure, r.Challenges, r.Plan,
            Date(r.CorrectedAt), r.CorrectedAt is null ? null : r.ReviewEvents.Where(v => v.Action == Reporting.ReviewAction.Reopened).MaxBy(v => v.At)?.Text);
    }


    private static TargetItem Target(IndicatorTarget t) =>
        new(t.Kind == TargetKind.Interim ? "中間目標" : "最終目標", t.FiscalYear.StartYear, t.FiscalYear.ToString(), Value(t.Value));

    internal static ValueItem Value(RecordedValue v) => new(v.Text, v.Kind.ToString(), v.Magnitude, v.Unit, Date(v.AsOf));

    internal static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date in Japan (UTC+9) of a moment, as YYYY-MM-DD.</summary>
    internal static string? Date(DateTimeOffset? at) => at is { } moment ? Dates.IsoDay(moment) : null;
}

/// <summary>Tells the <see cref="OpenDataStore"/> that this app saved a public change, so that it shows on the next request.</summary>
internal sealed class SavedChangesSignal(OpenDataStore store) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    public override int SavedChanges(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>The change record is still in the tracker after the save (Unchanged, with its id); any saved before it is too, which costs one more check.</summary>
    private void Signal(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context?.ChangeTracker.Entries<PublicChange>().Any() == true)
        {
            store.DataChanged();
        }
    }
}
