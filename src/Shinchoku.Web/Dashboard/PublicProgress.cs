using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.OpenData;
using Indicator = Shinchoku.Web.Indicators.Indicator;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Dashboard;

/// <summary>Where a KPI stands in a fiscal year, as the public pages count it: a rating, or why there is none.</summary>
public enum MarkBucket
{
    Achieved,
    HalfOrMore,
    BelowHalf,
    NoChange,
    Declined,

    /// <summary>不明: the value is unknown, or a person judged progress cannot be told.</summary>
    Unknown,

    /// <summary>進捗管理の停止.</summary>
    Suspended,

    /// <summary>方向未設定: nobody set the desired direction and the targets do not tell.</summary>
    DirectionUnset,

    /// <summary>No comparable value, baseline or target, or a state that needs a person's judgement.</summary>
    NotComparable,

    /// <summary>No report, or a report without a value, for the fiscal year.</summary>
    NotReported,

    /// <summary>評価できません: a stored value no longer reads, or the evaluation failed; the reason is on the KPI's row and page.</summary>
    Unevaluable,

    /// <summary>No published report at all in the fiscal year shown (not requested, or not approved when the year was
    /// published): counted apart from 評価なし, with the KPI's latest published year beside it.</summary>
    NoReport,
}

/// <summary>The words and symbols of the public pages for marks: never colour alone.</summary>
public static class MarkText
{
    public static IReadOnlyList<MarkBucket> RatedBuckets { get; } = [MarkBucket.Achieved, MarkBucket.HalfOrMore, MarkBucket.BelowHalf, MarkBucket.NoChange, MarkBucket.Declined];

    public static IReadOnlyList<MarkBucket> NotRatedBuckets { get; } = [MarkBucket.Unknown, MarkBucket.Suspended, MarkBucket.DirectionUnset, MarkBucket.NotComparable, MarkBucket.NotReported, MarkBucket.Unevaluable];

    public static Rating? RatingOf(MarkBucket bucket) => bucket switch
    {
        MarkBucket.Achieved => Rating.Achieved,
        MarkBucket.HalfOrMore => Rating.HalfOrMore,
        MarkBucket.BelowHalf => Rating.BelowHalf,
        MarkBucket.NoChange => Rating.NoChange,
        MarkBucket.Declined => Rating.Declined,
        _ => null,
    };

    /// <summary>The symbol of a bucket: ◎ ○ △ ー ×, or a dash for the not rated.</summary>
    public static string Glyph(MarkBucket bucket) => RatingOf(bucket) is { } r ? r.Glyph() : "－";

    /// <summary>The words: 100%以上, 不明, 進捗管理の停止, 方向未設定 ….</summary>
    public static string Words(MarkBucket bucket) => RatingOf(bucket) is { } r ? r.Describe() : bucket switch
    {
        MarkBucket.Unknown => "不明",
        MarkBucket.Suspended => "進捗管理の停止",
        MarkBucket.DirectionUnset => "方向未設定",
        MarkBucket.NotComparable => "比較できない",
        MarkBucket.NotReported => "値の報告なし",
        MarkBucket.Unevaluable => Evaluation.UnevaluableWords,
        MarkBucket.NoReport => "この年度の報告なし",
        _ => bucket.ToString(),
    };

    /// <summary>The words in English, for the English pages.</summary>
    public static string EnglishWords(MarkBucket bucket) => bucket switch
    {
        MarkBucket.Achieved => "100% or more",
        MarkBucket.HalfOrMore => "50% or more",
        MarkBucket.BelowHalf => "under 50%",
        MarkBucket.NoChange => "no change",
        MarkBucket.Declined => "declined",
        MarkBucket.Unknown => "unknown",
        MarkBucket.Suspended => "reporting suspended",
        MarkBucket.DirectionUnset => "direction not set",
        MarkBucket.NotComparable => "not comparable",
        MarkBucket.Unevaluable => "cannot be evaluated",
        MarkBucket.NoReport => "no report for this year",
        _ => "no value reported",
    };

    /// <summary>Symbol and words together: 「◎ 100%以上」, 「評価なし（不明）」.</summary>
    public static string Label(MarkBucket bucket) => RatingOf(bucket) is not null ? Glyph(bucket) + " " + Words(bucket)
        : bucket is MarkBucket.Unevaluable or MarkBucket.NoReport ? Words(bucket) : "評価なし（" + Words(bucket) + "）";

    /// <summary>The query-string value of a bucket (rating=achieved).</summary>
    public static string Slug(MarkBucket bucket) => bucket switch
    {
        MarkBucket.Achieved => "achieved",
        MarkBucket.HalfOrMore => "half-or-more",
        MarkBucket.BelowHalf => "below-half",
        MarkBucket.NoChange => "no-change",
        MarkBucket.Declined => "declined",
        MarkBucket.Unknown => "unknown",
        MarkBucket.Suspended => "suspended",
        MarkBucket.DirectionUnset => "direction-unset",
        MarkBucket.NotComparable => "not-comparable",
        MarkBucket.Unevaluable => "unevaluable",
        MarkBucket.NoReport => "no-report",
        _ => "not-reported",
    };

    public static MarkBucket? FromSlug(string? slug) => Enum.GetValues<MarkBucket>().Cast<MarkBucket?>().FirstOrDefault(b => Slug(b!.Value) == slug);

    /// <summary>The trend in English, for the English pages.</summary>
    public static string EnglishTrendWords(Trend trend) => trend switch
    {
        Trend.Improved => "improved",
        Trend.Unchanged => "unchanged",
        _ => "worsened",
    };

    /// <summary>「↗ improved」, or a dash.</summary>
    public static string EnglishTrendLabelOf(IndicatorYear? evaluation) =>
        evaluation?.Shown.Trend is { } t ? t.Glyph(evaluation.Computed.FromActual) + " " + EnglishTrendWords(t) : "－";

    /// <summary>Symbol and English words: 「◎ 100% or more」, 「not rated (unknown)」.</summary>
    public static string EnglishLabel(MarkBucket bucket) => RatingOf(bucket) is not null ? Glyph(bucket) + " " + EnglishWords(bucket)
        : bucket == MarkBucket.NoReport ? EnglishWords(bucket) : "not rated (" + EnglishWords(bucket) + ")";

    /// <summary>The desired direction of a KPI in English.</summary>
    public static string EnglishDirection(Direction direction) => direction switch
    {
        Direction.Increase => "increase",
        Direction.Decrease => "decrease",
        Direction.Maintain => "maintain",
        Direction.ReachState => "reach a stated state",
        _ => "not set",
    };

    public static string TrendWords(Trend trend) => trend switch
    {
        Trend.Improved => "改善",
        Trend.Unchanged => "変化なし",
        _ => "悪化",
    };

    /// <summary>「↗ 改善」, with the arrow in parentheses when read from the actual.</summary>
    public static string TrendLabel(Trend trend, bool fromActual) => trend.Glyph(fromActual) + " " + TrendWords(trend);

    /// <summary>The trend shown for an evaluation in words, or a dash.</summary>
    public static string TrendLabelOf(IndicatorYear? evaluation) =>
        evaluation?.Shown.Trend is { } t ? TrendLabel(t, evaluation.Computed.FromActual) : "－";

    public static string TrendSlug(Trend trend) => trend switch
    {
        Trend.Improved => "up",
        Trend.Unchanged => "flat",
        _ => "down",
    };

    public static Trend? TrendFromSlug(string? slug) => Enum.GetValues<Trend>().Cast<Trend?>().FirstOrDefault(t => TrendSlug(t!.Value) == slug);

    /// <summary>The bucket a shown evaluation falls in (overrides included).</summary>
    public static MarkBucket BucketOf(IndicatorYear? evaluation)
    {
        if (evaluation is null)
        {
            return MarkBucket.NoReport;
        }

        var shown = evaluation.Shown;
        switch (shown.Override?.Kind)
        {
            case OverrideKind.Unknown:
                return MarkBucket.Unknown;
            case OverrideKind.Suspended:
                return MarkBucket.Suspended;
        }

        return shown.Rating switch
        {
            Rating.Achieved => MarkBucket.Achieved,
            Rating.HalfOrMore => MarkBucket.HalfOrMore,
            Rating.BelowHalf => MarkBucket.BelowHalf,
            Rating.NoChange => MarkBucket.NoChange,
            Rating.Declined => MarkBucket.Declined,
            _ => evaluation.Computed.Reason switch
            {
                NotRatedReason.ValueUnknown => MarkBucket.Unknown,
                NotRatedReason.ReportingSuspended => MarkBucket.Suspended,
                NotRatedReason.DirectionUnknown or NotRatedReason.DirectionConflictsWithTarget => MarkBucket.DirectionUnset,
                NotRatedReason.NoValue => MarkBucket.NotReported,
                NotRatedReason.Unevaluable => MarkBucket.Unevaluable,
                _ => MarkBucket.NotComparable,
            },
        };
    }
}

/// <summary>How many KPIs fall in each bucket: counts, never averages.</summary>
public sealed class MarkCounts
{
    private readonly int[] counts = new int[Enum.GetValues<MarkBucket>().Length];

    public int this[MarkBucket bucket] => counts[(int)bucket];

    public int Total => counts.Sum();

    public int Rated => MarkText.RatedBuckets.Sum(b => this[b]);

    /// <summary>The KPIs without a published report in the year shown: neither rated nor 評価なし.</summary>
    public int NoReport => this[MarkBucket.NoReport];

    /// <summary>評価なし: reported in the year shown, but not rated.</summary>
    public int NotRated => Total - Rated - NoReport;

    public void Add(MarkBucket bucket) => counts[(int)bucket]++;

    public static MarkCounts Of(IEnumerable<KpiRow> rows)
    {
        var c = new MarkCounts();
        foreach (var row in rows)
        {
            c.Add(row.Bucket);
        }

        return c;
    }

    /// <summary>The whole count in one sentence, for screen readers and text: 「成果指標 42件: ◎ 100%以上 5件、…」.</summary>
    public string Sentence() =>
        $"成果指標 {Total}件: " + string.Join("、", MarkText.RatedBuckets.Concat(MarkText.NotRatedBuckets).Append(MarkBucket.NoReport).Where(b => this[b] > 0).Select(b => $"{MarkText.Label(b)} {this[b]}件"));
}

/// <summary>
/// One KPI on a public page: its definition and the published evaluation of the fiscal year shown, and of the year
/// before; <paramref name="LastPublishedYear"/> is the latest published year with a report of it (null: none).
/// </summary>
public sealed record KpiRow(Indicator Indicator, Initiative Initiative, IndicatorYear? Latest, IndicatorYear? Previous, PlanNode? Area, IndicatorReport? LatestReport = null, FiscalYear? LastPublishedYear = null)
{
    public MarkBucket Bucket => MarkText.BucketOf(Latest);

    public Trend? Trend => Latest?.Shown.Trend;

    public string Departments => string.Join("、", Indicator.Departments.Select(d => d.Name));

    /// <summary>The final target (or the latest target) as written.</summary>
    public IndicatorTarget? Target => Indicator.FinalTarget
        ?? Indicator.Targets.MaxBy(t => t.FiscalYear);

    /// <summary>The value the marks were computed from, or the actual as written.</summary>
    public string ValueText => ValueOf(Latest);

    /// <summary>The baseline as the stored KPI year of the year shown measured it (the KPI's own when it has no report that year).</summary>
    public YearValue Baseline => Latest?.Baseline ?? new YearValue(Indicator.Baseline.Text, null, Indicator.BaselineFiscalYear);

    /// <summary>The value of the year published before the year shown, as its marks were computed from; empty when none.</summary>
    public string PreviousValueText => ValueOf(Previous);

    private static string ValueOf(IndicatorYear? year) => year is null ? "" : year.ValueText.Length > 0 ? year.ValueText : year.Actual.Text;
}

/// <summary>A published fiscal year of a plan.</summary>
public sealed record PublishedYear(FiscalYear FiscalYear, string Title, DateTimeOffset? PublishedAt);

/// <summary>
/// A plan's KPIs as the public sees them: only reports of published reporting cycles are ever loaded, whoever asks,
/// so a department's draft values cannot reach a count, a list or a search result. Counts roll up from the nodes
/// below by the initiatives' primary placements (a 【再掲】 does not count a KPI twice).
/// </summary>
public sealed class PlanProgress
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly Dictionary<int, List<KpiRow>> rowsByNode = [];

    private PlanProgress(PlanTree tree, IReadOnlyList<PublishedYear> years, PublishedYear? shown, List<KpiRow> rows)
    {
        Tree = tree;
        Years = years;
        Shown = shown;
        Rows = rows;
        var byInitiative = rows.ToLookup(r => r.Initiative.Id);
        foreach (var node in tree.Plan.Nodes)
        {
            var list = new List<KpiRow>();
            Collect(node, byInitiative, list);
            rowsByNode[node.Id] = list;
        }
    }

    public PlanTree Tree { get; }

    public Plan Plan => Tree.Plan;

    /// <summary>The published fiscal years, oldest first.</summary>
    public IReadOnlyList<PublishedYear> Years { get; }

    /// <summary>The fiscal year shown, or null when nothing is published.</summary>
    public PublishedYear? Shown { get; }

    /// <summary>True when <paramref name="fiscalYear"/> is the year shown because it was asked for (?fy=), so links carry it on.</summary>
    public bool IsChosen(FiscalYear? fiscalYear) => fiscalYear is not null && Shown?.FiscalYear == fiscalYear;

    /// <summary>The year published before <see cref="Shown"/>, or null.</summary>
    public PublishedYear? Previous => Shown is null ? null : Years.LastOrDefault(y => y.FiscalYear < Shown.FiscalYear);

    /// <summary>Every KPI of the plan in tree order.</summary>
    public IReadOnlyList<KpiRow> Rows { get; }

    public MarkCounts Counts => MarkCounts.Of(Rows);

    /// <summary>The KPIs of the initiatives placed (primarily) under <paramref name="node"/> or its descendants.</summary>
    public IReadOnlyList<KpiRow> RowsUnder(PlanNode node) => rowsByNode.GetValueOrDefault(node.Id) ?? [];

    public MarkCounts CountsUnder(PlanNode node) => MarkCounts.Of(RowsUnder(node));

    public IReadOnlyList<KpiRow> RowsOf(Initiative initiative) => [.. Rows.Where(r => r.Initiative.Id == initiative.Id)];

    /// <summary>The areas (大項目) of the plan, or its top nodes that carry KPIs when it has none.</summary>
    public IEnumerable<PlanNode> Areas =>
        Plan.Nodes.Any(n => n.Kind == NodeKind.Area)
            ? Plan.Nodes.Where(n => n.Kind == NodeKind.Area).OrderBy(n => n.Order)
            : Tree.Roots;

    private static void Collect(PlanNode node, ILookup<int, KpiRow> byInitiative, List<KpiRow> into)
    {
        foreach (var placement in PlanTree.PlacementsOf(node).Where(p => p.IsPrimary))
        {
            into.AddRange(byInitiative[placement.InitiativeId]);
        }

        foreach (var child in PlanTree.ChildrenOf(node))
        {
            Collect(child, byInitiative, into);
        }
    }

    /// <summary>
    /// A visible plan (null key: the current plan) with its published progress in <paramref name="fiscalYear"/>
    /// (null or unpublished: the latest published year). Null when there is no such plan or the visitor may not see it.
    /// Public plans are loaded and evaluated once per data version and shared by every request (the store's snapshot
    /// is replaced when a cycle is published or a report changes); only staff asking for a draft plan load it here.
    /// The result is shared: read it, never change it.
    /// </summary>
    public static async Task<PlanProgress?> LoadAsync(ShinchokuDb db, OpenDataStore store, string? planKey, ClaimsPrincipal user, FiscalYear? fiscalYear = null, CancellationToken cancellationToken = default)
    {
        // Only public plans and published years are shared (anything else in the URL shows the latest year), so the
        // values kept are one per plan and published year, whatever visitors type.
        var snapshot = await store.GetAsync(cancellationToken);
        var plan = planKey is null ? snapshot.Plans.LastOrDefault(p => p.Status == "current") : snapshot.Plans.Find(p => p.Key == planKey);
        if (plan is not null)
        {
            var year = plan.PublishedReports.Any(r => r.FiscalYear == fiscalYear?.StartYear) ? fiscalYear : null;
            var shared = await store.SharedAsync(
                snapshot,
                string.Create(CultureInfo.InvariantCulture, $"progress/{plan.Key}/{year?.StartYear}"),
                async (own, token) =>
                {
                    var tree = await PlanTree.LoadVisibleAsync(own, plan.Key, Anonymous, token);
                    return tree is null ? null : await LoadAsync(own, tree, year, token);
                },
                cancellationToken);
            if (shared is not null)
            {
                return shared;
            }
        }

        if (!Publication.SeesUnpublished(user))
        {
            return null;
        }

        var draft = await PlanTree.LoadVisibleAsync(db, planKey, user, cancellationToken);
        return draft is null ? null : await LoadAsync(db, draft, fiscalYear, cancellationToken);
    }

    /// <summary>The published progress of a loaded plan tree.</summary>
    private static async Task<PlanProgress> LoadAsync(ShinchokuDb db, PlanTree tree, FiscalYear? fiscalYear = null, CancellationToken cancellationToken = default)
    {
        var planId = tree.Plan.Id;
        var years = (await db.ReportingCycles.AsNoTracking()
                .Where(c => c.PlanId == planId).Where(Publication.IsPublished)
                .Select(c => new { c.FiscalYear, c.Title, c.PublishedAt })
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.FiscalYear).Select(c => new PublishedYear(c.FiscalYear, c.Title, c.PublishedAt)).ToList();
        var shown = years.LastOrDefault(y => fiscalYear is null || y.FiscalYear == fiscalYear) ?? years.LastOrDefault();
        var previous = shown is null ? null : years.LastOrDefault(y => y.FiscalYear < shown.FiscalYear);
        var wanted = new List<FiscalYear>();
        if (shown is not null)
        {
            wanted.Add(shown.FiscalYear);
        }

        if (previous is not null)
        {
            wanted.Add(previous.FiscalYear);
        }

        // Only the reports of published years are read from the database at all.
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.Initiative!.PlanId == planId)
            .Include(i => i.Departments)
            .Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => wanted.Contains(r.FiscalYear) && r.State == ReportState.Approved)).ThenInclude(r => r.Overrides)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // The latest published year of each KPI, for those without a report in the year shown.
        var publishedYears = years.Select(y => y.FiscalYear).ToList();
        var lastPublished = (await db.IndicatorReports.AsNoTracking()
                .Where(r => r.Indicator!.Initiative!.PlanId == planId && r.State == ReportState.Approved && publishedYears.Contains(r.FiscalYear))
                .Select(r => new { r.IndicatorId, r.FiscalYear })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.IndicatorId)
            .ToDictionary(g => g.Key, g => g.Max(r => r.FiscalYear));

        var initiatives = tree.Plan.Initiatives.ToDictionary(i => i.Id);
        var order = OrderOfInitiatives(tree);
        var rows = new List<KpiRow>(indicators.Count);
        foreach (var indicator in indicators)
        {
            var initiative = initiatives[indicator.InitiativeId];
            var latest = shown is null ? null : indicator.Reports.FirstOrDefault(r => r.FiscalYear == shown.FiscalYear);
            var before = previous is null ? null : indicator.Reports.FirstOrDefault(r => r.FiscalYear == previous.FiscalYear);
            rows.Add(new KpiRow(
                indicator,
                initiative,
                latest is null ? null : KpiYears.Of(indicator, latest),
                before is null ? null : KpiYears.Of(indicator, before),
                AreaOf(initiative),
                latest,
                lastPublished.TryGetValue(indicator.Id, out var last) ? last : null));
        }

        rows = [.. rows.OrderBy(r => order.GetValueOrDefault(r.Initiative.Id, int.MaxValue)).ThenBy(r => r.Indicator.Order).ThenBy(r => r.Indicator.Id)];
        return new PlanProgress(tree, years, shown, rows);
    }

    /// <summary>The area (大項目, or top node) an initiative is primarily placed under.</summary>
    private static PlanNode? AreaOf(Initiative initiative)
    {
        var node = initiative.Placements.Where(p => p.IsPrimary).Select(p => p.Node).FirstOrDefault()
            ?? initiative.Placements.Select(p => p.Node).FirstOrDefault();
        var path = node is null ? [] : PlanTree.PathTo(node);
        return path.FirstOrDefault(n => n.Kind == NodeKind.Area) ?? path.FirstOrDefault();
    }

    private static Dictionary<int, int> OrderOfInitiatives(PlanTree tree)
    {
        var order = new Dictionary<int, int>();
        void Walk(PlanNode node)
        {
            foreach (var p in PlanTree.PlacementsOf(node).Where(p => p.IsPrimary))
            {
                order.TryAdd(p.InitiativeId, order.Count);
            }

            foreach (var child in PlanTree.ChildrenOf(node))
            {
                Walk(child);
            }
        }

        foreach (var root in tree.Roots)
        {
            Walk(root);
        }

        return order;
    }
}
