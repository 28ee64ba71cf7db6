using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Features.Admin.Indicators;

/// <summary>
/// The DX office sets the marks of one report by judgement, with a required reason, or withdraws that
/// judgement. The computed marks stay visible; every override is kept and audited. DxOffice policy.
/// </summary>
public class OverrideModel(ShinchokuDb db, AuditActor actor, TimeProvider clock) : AdminPageModel
{
    [BindProperty]
    public string Kind { get; set; } = nameof(OverrideKind.Marks);

    [BindProperty]
    public string? Trend { get; set; }

    [BindProperty]
    public string? Rating { get; set; }

    [BindProperty]
    public string? Interim { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Shinchoku.Web.Indicators.Indicator Indicator { get; private set; } = null!;

    public IndicatorReport Report { get; private set; } = null!;

    public ReportEvaluation Evaluation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int fiscalYear) =>
        await LoadAsync(id, fiscalYear) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int fiscalYear)
    {
        if (!await LoadAsync(id, fiscalYear))
        {
            return NotFound();
        }

        var kind = Enum.TryParse<OverrideKind>(Kind, out var k) ? k : OverrideKind.Marks;
        Trend? trend = Enum.TryParse<Trend>(Trend, out var t) ? t : null;
        Rating? rating = Enum.TryParse<Rating>(Rating, out var r) ? r : null;
        bool? interim = Interim switch { "reached" => true, "missed" => false, _ => null };
        var reason = Required("Reason", "評価を変更する理由", Reason, 2000);
        if (kind == OverrideKind.Marks && trend is null && rating is null && interim is null)
        {
            Fail("Trend", "変更後の評価（進捗・進捗率・中間目標への到達のいずれか）を選んでください。");
        }

        if (!IsValid)
        {
            return Page();
        }

        foreach (var active in Report.Overrides.Where(o => o.IsActive))
        {
            active.IsActive = false;
        }

        Report.Overrides.Add(new RatingOverrideRecord
        {
            Kind = kind,
            Trend = kind == OverrideKind.Marks ? trend : null,
            Rating = kind == OverrideKind.Marks ? rating : null,
            InterimReached = kind == OverrideKind.Marks ? interim : null,
            Reason = reason,
            By = actor.Name,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return DoneAndRedirect("評価を変更しました。算出した評価も引き続き表示されます。", Request.Path);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int fiscalYear)
    {
        if (!await LoadAsync(id, fiscalYear))
        {
            return NotFound();
        }

        foreach (var active in Report.Overrides.Where(o => o.IsActive))
        {
            active.IsActive = false;
        }

        await db.SaveChangesAsync();
        return DoneAndRedirect("評価の変更を取り消しました。算出した評価を表示します。", Request.Path);
    }

    private async Task<bool> LoadAsync(int id, int fiscalYear)
    {
        var indicator = await db.Indicators
            .Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => r.FiscalYear == fiscalYear)).ThenInclude(r => r.Overrides)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id);
        var report = indicator?.Reports.FirstOrDefault();
        if (indicator is null || report is null)
        {
            return false;
        }

        Indicator = indicator;
        Report = report;
        Evaluation = ReportEvaluation.Of(indicator, report);
        return true;
    }
}
