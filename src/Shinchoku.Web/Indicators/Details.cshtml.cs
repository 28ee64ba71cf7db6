using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Direction = Shinchoku.Core.Rules.Direction;
using ValueSource = Shinchoku.Core.Rules.ValueSource;
using static Shinchoku.Core.Rules.MarkGlyphs;
using YearValue = Shinchoku.Core.Rules.YearValue;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// An indicator: definition, targets, values per fiscal year with computed and printed marks, overrides,
/// chart and audit history. Public for published reports; unpublished reports only for signed-in staff.
/// </summary>
[Shinchoku.Web.Dashboard.PublicPage]
public class DetailsModel(ShinchokuDb db) : PageModel
{
    public Indicator Indicator { get; private set; } = null!;

    public List<IndicatorYear> Evaluations { get; private set; } = [];

    /// <summary>The report each year of <see cref="Evaluations"/> was read from (its narratives, state and plan version).</summary>
    public IndicatorReport ReportOf(IndicatorYear year) => reports[year];

    private Dictionary<IndicatorYear, IndicatorReport> reports = [];

    /// <summary>The indicators of other plan versions this one continues or is continued by.</summary>
    public IndicatorLineage Lineage { get; private set; } = null!;

    public List<ChartPoint> ChartPoints { get; private set; } = [];

    public List<AuditEntry> Audit { get; private set; } = [];

    public string DirectionText { get; private set; } = "";

    /// <summary>The desired direction: set, or read from the targets.</summary>
    public Direction Direction { get; private set; }

    /// <summary>The published reporting cycles by fiscal year (their publication dates), of the plan version each report belongs to.</summary>
    public Dictionary<FiscalYear, ReportingCycle> PublishedCycles { get; private set; } = [];

    /// <summary>The published fiscal year shown in the summary: the one asked for (?fy=), else the latest published.</summary>
    public FiscalYear? ShownYear => Fy ?? (PublishedCycles.Count > 0 ? PublishedCycles.Keys.Max() : null);

    /// <summary>The fiscal year the visitor chose (?fy=) when it is published; kept in links.</summary>
    public FiscalYear? Fy { get; private set; }

    /// <summary>The published evaluation of <see cref="ShownYear"/>, the one the summary and the public counts use; null when the KPI has no report that year.</summary>
    public IndicatorYear? LatestPublished => ShownYear is { } year && PublishedCycles.ContainsKey(year)
        ? Evaluations.LastOrDefault(e => e.FiscalYear == year)
        : null;

    /// <summary>The latest published year with a report of this KPI, shown beside 「この年度の報告なし」.</summary>
    public FiscalYear? LastPublishedYear => Evaluations.Where(e => e.FiscalYear is { } y && PublishedCycles.ContainsKey(y)).Select(e => e.FiscalYear).Max();

    /// <summary>The evaluation published the year before <see cref="LatestPublished"/>, to show what changed.</summary>
    public IndicatorYear? PreviousPublished => LatestPublished is { } latest
        ? Evaluations.LastOrDefault(e => PublishedCycles.ContainsKey(e.FiscalYear!.Value) && e.FiscalYear!.Value < latest.FiscalYear!.Value)
        : null;

    /// <summary>What changed from the previous publication to the latest: field, before, after.</summary>
    public List<(string Field, string Before, string After)> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, FiscalYear? fy)
    {
        var indicator = await db.Indicators
            .Include(i => i.Initiative!).ThenInclude(i => i.Plan)
            .Include(i => i.Departments)
            .Include(i => i.Targets)
            .Include(i => i.Reports).ThenInclude(r => r.Overrides)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        ViewData["OtherLanguage"] = $"/en/indicators/{id}";
        // The history reads across plan versions: each report is evaluated against its own version's definition.
        Lineage = await IndicatorLineage.LoadAsync(db, indicator, User);
        Evaluations = Lineage.Reports.ConvertAll(r => KpiYears.Of(r.Indicator!, r));
        reports = Evaluations.Zip(Lineage.Reports).ToDictionary(p => p.First, p => p.Second);
        var direction = Evaluations.Count > 0 ? Evaluations[^1].Computed.Direction
            : indicator.Direction ?? Direction.Unknown;
        Direction = direction;
        DirectionText = direction.Describe() + (indicator.Direction is null ? "（目標値から判定）" : "（設定）");
        ChartPoints = BuildChart(indicator, Evaluations);
        PublishedCycles = await Lineage.PublishedCyclesAsync(db);
        Fy = fy is { } chosen && PublishedCycles.ContainsKey(chosen) ? chosen : null;
        ViewData[Shinchoku.Web.Dashboard.YearLinks.ViewDataKey] = Fy;
        Changes = CompareWithPrevious(LatestPublished, PreviousPublished);
        // The history holds values before publication, so only staff see it.
        if (Publication.SeesUnpublished(User))
        {
            Audit = await db.AuditEntries.Where(a => a.IndicatorId == id).OrderByDescending(a => a.Id).Take(200).ToListAsync();
        }

        return Page();
    }

    /// <summary>
    /// The changes from one published year to the next: values as written and the marks shown. Compared between
    /// published years (not with the audit trail, which holds values before publication and is staff only).
    /// </summary>
    public static List<(string Field, string Before, string After)> CompareWithPrevious(IndicatorYear? latest, IndicatorYear? previous)
    {
        var changes = new List<(string, string, string)>();
        if (latest is null || previous is null)
        {
            return changes;
        }

        void Compare(string field, string before, string after)
        {
            if (!string.Equals(before.Trim(), after.Trim(), StringComparison.Ordinal))
            {
                changes.Add((field, before.Length == 0 ? "－" : before, after.Length == 0 ? "－" : after));
            }
        }

        Compare("実績値", previous.Actual.Text, latest.Actual.Text);
        Compare("年度末見込値", previous.Projection.Text, latest.Projection.Text);
        Compare("進捗", Shinchoku.Web.Dashboard.MarkText.TrendLabelOf(previous), Shinchoku.Web.Dashboard.MarkText.TrendLabelOf(latest));
        Compare("評価", Shinchoku.Web.Dashboard.MarkText.Label(Shinchoku.Web.Dashboard.MarkText.BucketOf(previous)), Shinchoku.Web.Dashboard.MarkText.Label(Shinchoku.Web.Dashboard.MarkText.BucketOf(latest)));
        return changes;
    }

    /// <summary>
    /// The chart's points in the unit the targets are written in, as the rating compares them (a ratio against a target
    /// in % is drawn as a percentage): read from the stored years, nothing parsed; a target no year was measured
    /// against yet is drawn from its stored number.
    /// </summary>
    private static List<ChartPoint> BuildChart(Indicator indicator, List<IndicatorYear> evaluations)
    {
        var points = new List<ChartPoint>();
        var baseline = evaluations.LastOrDefault(e => e.BaselineMagnitude is not null)?.BaselineMagnitude ?? indicator.Baseline.Magnitude;
        if (indicator.BaselineFiscalYear is { } by && baseline is { } b)
        {
            points.Add(new ChartPoint(ChartPointKind.Baseline, by, b, indicator.Baseline.Text));
        }

        foreach (var e in evaluations)
        {
            if (e.ValueMagnitude is { } v && e.FiscalYear is { } year)
            {
                points.Add(new ChartPoint(ChartPointKind.Value, year, v, e.ValueText));
            }
        }

        foreach (var target in indicator.Targets)
        {
            var measured = evaluations.LastOrDefault(e => Matches(target.Kind == TargetKind.Interim ? e.InterimTarget : e.FinalTarget, target));
            var magnitude = measured is null ? target.Value.Magnitude
                : target.Kind == TargetKind.Interim ? measured.InterimTargetMagnitude : measured.FinalTargetMagnitude;
            if (magnitude is { } t)
            {
                points.Add(new ChartPoint(target.Kind == TargetKind.Interim ? ChartPointKind.InterimTarget : ChartPointKind.FinalTarget, target.FiscalYear, t, target.Value.Text));
            }
        }

        static bool Matches(YearValue inForce, IndicatorTarget target) =>
            inForce.FiscalYear == target.FiscalYear && inForce.Text == target.Value.Text.Trim();

        return points;
    }
}
