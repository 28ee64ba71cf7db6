using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Features.Admin;

/// <summary>
/// The reporting cycles (one progress report of a plan per fiscal year): create one, and move it between
/// 入力中, 確認中 and 公表済み. Only published reports are public. DX office only.
/// </summary>
public class CyclesModel(ShinchokuDb db, TimeProvider clock) : AdminPageModel
{
    public List<ReportingCycle> Cycles { get; private set; } = [];

    public List<Plan> Plans { get; private set; } = [];

    [BindProperty]
    public string? PlanId { get; set; }

    [BindProperty]
    public string? FiscalYear { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        PlanId = Plans.FirstOrDefault(p => p.Status == Core.Strategy.PlanStatus.Current)?.Id.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        var plan = Plans.FirstOrDefault(p => p.Id.ToString(CultureInfo.InvariantCulture) == PlanId);
        if (plan is null)
        {
            Fail("planId", "戦略・計画を選んでください。");
        }

        var year = Core.Time.FiscalYear.Parse(FiscalYear);
        if (!year.Success)
        {
            Fail("fiscalYear", year.Errors.First().Message);
        }
        else if (plan is not null && Cycles.FirstOrDefault(c => c.PlanId == plan.Id && c.FiscalYear == year.Value.StartYear) is { } existing)
        {
            Fail("fiscalYear", $"「{plan.Name}」の{year.Value}の報告は既にあります（{existing.Title}、{AdminText.Describe(existing.State)}）。");
        }

        var title = Optional("title", "報告の題名", Title, 200);
        if (!IsValid)
        {
            return Page();
        }

        var cycle = new ReportingCycle
        {
            PlanId = plan!.Id,
            FiscalYear = year.Value.StartYear,
            Title = title ?? $"{year.Value} 進捗状況",
            State = PublicationState.Draft,
        };
        db.ReportingCycles.Add(cycle);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            Fail("fiscalYear", $"「{plan.Name}」の{year.Value}の報告は、ほかの人が同時に作成しました。一覧を確かめてください。");
            await LoadAsync();
            return Page();
        }

        var warnings = string.Concat(year.Warnings.Select(w => "（" + w.Message + "）"));
        return DoneAndRedirect($"「{plan.Name}」の{year.Value}の報告「{cycle.Title}」を作成しました。状態は「入力中」です。{warnings}", "/admin/cycles");
    }

    public async Task<IActionResult> OnPostStateAsync(int cycleId, string? from, string? to)
    {
        var cycle = await db.ReportingCycles.Include(c => c.Plan).FirstOrDefaultAsync(c => c.Id == cycleId);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!Enum.TryParse<PublicationState>(from, out var expected) || !Enum.TryParse<PublicationState>(to, out var target)
            || !Steps(expected).Any(s => s.To == target))
        {
            return BadRequest();
        }

        var name = $"{new Core.Time.FiscalYear(cycle.FiscalYear)}「{cycle.Title}」";
        if (cycle.State != expected)
        {
            await LoadAsync();
            Fail(null, $"{name}の状態は、ほかの人が既に「{AdminText.Describe(cycle.State)}」に変更しています。一覧を確かめてから、もう一度操作してください。");
            return Page();
        }

        cycle.State = target;
        cycle.PublishedAt = target == PublicationState.Published ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync();
        return DoneAndRedirect(target switch
        {
            PublicationState.Published => $"{name}を公表しました。一般のページで閲覧できるようになりました。",
            PublicationState.Submitted when expected == PublicationState.Published => $"{name}の公表を取り消し、「確認中」に戻しました。一般のページには表示されなくなりました。",
            PublicationState.Submitted => $"{name}を「確認中」にしました。",
            _ => $"{name}を「入力中」に戻しました。",
        }, "/admin/cycles");
    }

    /// <summary>The states a cycle in <paramref name="state"/> can move to, one step forward or back, with the button's words.</summary>
    public static IEnumerable<(PublicationState To, string Action)> Steps(PublicationState state) => state switch
    {
        PublicationState.Draft => [(PublicationState.Submitted, "確認中にする")],
        PublicationState.Submitted => [(PublicationState.Published, "公表する"), (PublicationState.Draft, "入力中に戻す")],
        PublicationState.Published => [(PublicationState.Submitted, "公表を取り消す（確認中に戻す）")],
        _ => [],
    };

    private async Task LoadAsync()
    {
        Plans = await db.Plans.OrderBy(p => p.Status == Core.Strategy.PlanStatus.Current ? 0 : p.Status == Core.Strategy.PlanStatus.Draft ? 1 : 2).ThenByDescending(p => p.Id).ToListAsync();
        Cycles = await db.ReportingCycles.Include(c => c.Plan).OrderByDescending(c => c.FiscalYear).ThenBy(c => c.PlanId).ToListAsync();
    }
}
