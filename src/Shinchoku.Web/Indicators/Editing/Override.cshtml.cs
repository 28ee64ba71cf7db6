using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Indicators.Editing;

/// <summary>
/// The DX office sets the marks of one report by judgement, with a required reason, or withdraws that
/// judgement. The computed marks stay visible; every override is kept and audited. A published report's marks
/// change only after it is reopened for correction (ReportRules.IsFrozen). DxOffice policy.
/// </summary>
public class OverrideModel(ShinchokuDb db, AuditActor actor, TimeProvider clock) : AdminPageModel
{
    [BindProperty]
    public OverrideForm Form { get; set; } = new();

    public Shinchoku.Web.Indicators.Indicator Indicator { get; private set; } = null!;

    public IndicatorReport Report { get; private set; } = null!;

    public ReportEvaluation Evaluation { get; private set; } = null!;

    /// <summary>The cycle of the report's year, when one was opened.</summary>
    public ReportingCycle? Cycle { get; private set; }

    /// <summary>True when the report is published and its marks may not be changed until it is reopened.</summary>
    public bool IsFrozen => ReportRules.IsFrozen(Report.State, Cycle);

    public async Task<IActionResult> OnGetAsync(int id, FiscalYear? fiscalYear)
    {
        if (!await LoadAsync(id, fiscalYear))
        {
            return NotFound();
        }

        Form.Version = Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, FiscalYear? fiscalYear)
    {
        if (!await LoadAsync(id, fiscalYear))
        {
            return NotFound();
        }

        if (RefuseWhenFrozen())
        {
            return Page();
        }

        var kind = Enum.TryParse<OverrideKind>(Form.Kind, out var k) ? k : OverrideKind.Marks;
        Trend? trend = Enum.TryParse<Trend>(Form.Trend, out var t) ? t : null;
        Rating? rating = Enum.TryParse<Rating>(Form.Rating, out var r) ? r : null;
        bool? interim = Form.Interim switch { "reached" => true, "missed" => false, _ => null };
        var reason = Required("Reason", "評価を変更する理由", Form.Reason, 2000);
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
        if (!await SaveAsync(id, Report.FiscalYear))
        {
            return Page();
        }

        return DoneAndRedirect("評価を変更しました。算出した評価も引き続き表示されます。", Request.Path);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, FiscalYear? fiscalYear)
    {
        if (!await LoadAsync(id, fiscalYear))
        {
            return NotFound();
        }

        if (RefuseWhenFrozen())
        {
            return Page();
        }

        foreach (var active in Report.Overrides.Where(o => o.IsActive))
        {
            active.IsActive = false;
        }

        if (!await SaveAsync(id, Report.FiscalYear))
        {
            return Page();
        }

        return DoneAndRedirect("評価の変更を取り消しました。算出した評価を表示します。", Request.Path);
    }

    /// <summary>Saves under the version the page was opened on; false (409, the current marks shown, the input kept) when someone changed the report first.</summary>
    private async Task<bool> SaveAsync(int id, FiscalYear fiscalYear)
    {
        db.SaveOnlyAtVersion(Report, Form.Version);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, fiscalYear);
            Form.Version = Report.Version;
            Fail(null, "ほかの方が先にこの報告を変更しました。上に現在の評価を表示しています。確認のうえ、もう一度操作してください（入力した内容はそのまま残っています）。");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return false;
        }
    }

    private bool RefuseWhenFrozen()
    {
        if (!IsFrozen)
        {
            return false;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        Fail(null, $"{Report.FiscalYear}の報告は公表済みのため、評価を変更できません。訂正する場合は、審査画面で「訂正のため差し戻す」を行ってください。");
        return true;
    }

    /// <summary>False (404) when the year in the URL is out of range or the indicator has no report for it.</summary>
    private async Task<bool> LoadAsync(int id, FiscalYear? fiscalYear)
    {
        if (fiscalYear is null)
        {
            return false;
        }

        var indicator = await db.Indicators
            .Include(i => i.Initiative)
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
        Cycle = await db.ReportingCycles.FirstOrDefaultAsync(c => c.PlanId == indicator.Initiative!.PlanId && c.FiscalYear == fiscalYear);
        Evaluation = ReportEvaluation.Of(indicator, report);
        return true;
    }
}
