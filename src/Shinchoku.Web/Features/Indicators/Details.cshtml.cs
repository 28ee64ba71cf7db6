using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Direction = Shinchoku.Core.Rules.Direction;
using ValueSource = Shinchoku.Core.Rules.ValueSource;
using static Shinchoku.Core.Rules.MarkGlyphs;
using Shinchoku.Core.Values;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Features.Indicators;

/// <summary>
/// An indicator: definition, targets, values per fiscal year with computed and printed marks, overrides,
/// chart and audit history. Public for published reports; unpublished reports only for signed-in staff.
/// </summary>
public class DetailsModel(ShinchokuDb db) : PageModel
{
    public Indicator Indicator { get; private set; } = null!;

    public List<ReportEvaluation> Evaluations { get; private set; } = [];

    public List<ChartPoint> ChartPoints { get; private set; } = [];

    public List<AuditEntry> Audit { get; private set; } = [];

    public string DirectionText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
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
        var reports = await Publication.VisibleReportsAsync(db, indicator, indicator.Initiative!.PlanId, User);
        Evaluations = reports.ConvertAll(r => ReportEvaluation.Of(indicator, r));
        var direction = Evaluations.Count > 0 ? Evaluations[^1].Computed.Direction
            : indicator.Direction ?? Direction.Unknown;
        DirectionText = direction.Describe() + (indicator.Direction is null ? "（目標値から判定）" : "（設定）");
        ChartPoints = BuildChart(indicator, Evaluations);
        // The history holds values before publication, so only staff see it.
        if (Publication.SeesUnpublished(User))
        {
            Audit = await db.AuditEntries.Where(a => a.IndicatorId == id).OrderByDescending(a => a.Id).Take(200).ToListAsync();
        }

        return Page();
    }

    private static List<ChartPoint> BuildChart(Indicator indicator, List<ReportEvaluation> evaluations)
    {
        var final = indicator.Targets.Where(t => t.Kind == TargetKind.Final).MaxBy(t => t.FiscalYear);
        var hint = final?.Value.Parse() is { } f && f.TryGetMagnitude(Unit.None, out _, out var u) ? u : Unit.None;
        var points = new List<ChartPoint>();
        if (indicator.BaselineFiscalYear is { } by && ReportEvaluation.Magnitude(indicator.Baseline.Parse(), hint) is { } b)
        {
            points.Add(new ChartPoint(ChartPointKind.Baseline, by, b, indicator.Baseline.Text));
        }

        foreach (var e in evaluations)
        {
            var value = e.Computed.Source == ValueSource.Actual ? e.Values.Actual : e.Values.Projection;
            if (ReportEvaluation.Magnitude(value, hint) is { } v)
            {
                points.Add(new ChartPoint(ChartPointKind.Value, e.Report.FiscalYear, v, e.ValueText));
            }
        }

        foreach (var target in indicator.Targets)
        {
            if (ReportEvaluation.Magnitude(target.Value.Parse(), hint) is { } t)
            {
                points.Add(new ChartPoint(target.Kind == TargetKind.Interim ? ChartPointKind.InterimTarget : ChartPointKind.FinalTarget, target.FiscalYear, t, target.Value.Text));
            }
        }

        return points;
    }
}
