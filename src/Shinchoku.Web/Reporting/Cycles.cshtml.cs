using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting;

/// <summary>
/// The reporting cycles (one progress report of a plan per fiscal year): open one with its deadline and the KPIs
/// requested (one NotStarted report each), and move it between 入力中, 確認中 and 公表済み (publishing after a
/// confirmation of how many approved reports become public). Only approved reports of published cycles are public. DX office only.
/// </summary>
public class CyclesModel(ShinchokuDb db, TimeProvider clock, ReportReview review) : AdminPageModel
{
    /// <summary>The group of KPIs without a department: the DX office reports on them itself.</summary>
    public const string DxOfficeGroup = "DX推進担当（所管課の設定なし）";

    public List<ReportingCycle> Cycles { get; private set; } = [];

    public List<Plan> Plans { get; private set; } = [];

    [BindProperty]
    public CycleForm Form { get; set; } = new();

    /// <summary>The KPIs of the chosen plan, grouped by their departments (those without one under <see cref="DxOfficeGroup"/>).</summary>
    public List<IGrouping<string, Indicator>> IndicatorGroups { get; private set; } = [];

    /// <summary>The step about to be taken, asked first (every step: a year's state is not changed by one stray click).</summary>
    public StateConfirmation? Confirmation { get; private set; }

    public async Task OnGetAsync(int? planId)
    {
        await LoadAsync();
        var plan = Plans.FirstOrDefault(p => p.Id == planId) ?? Plans.FirstOrDefault(p => p.Status == Core.Strategy.PlanStatus.Current);
        Form.PlanId = plan?.Id.ToString(CultureInfo.InvariantCulture);
        await LoadIndicatorsAsync();
        Form.IndicatorIds = [.. IndicatorGroups.SelectMany(g => g).Select(i => i.Id)];
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        var plan = Plans.FirstOrDefault(p => p.Id.ToString(CultureInfo.InvariantCulture) == Form.PlanId);
        if (plan is null)
        {
            Fail("planId", "戦略・計画を選んでください。");
        }

        var year = Core.Time.FiscalYear.Parse(Form.FiscalYear);
        if (!year.Success)
        {
            Fail("fiscalYear", year.Errors.First().Message);
        }
        else if (plan is not null && Cycles.FirstOrDefault(c => c.PlanId == plan.Id && c.FiscalYear == year.Value) is { } existing)
        {
            Fail("fiscalYear", $"「{plan.Name}」の{year.Value}の報告は既にあります（{existing.Title}、{AdminText.Describe(existing.State)}）。");
        }

        var title = Optional("title", "報告の題名", Form.Title, 200);
        var deadline = ReadDeadline(year.Success ? year.Value : null);
        await LoadIndicatorsAsync();
        var requested = IndicatorGroups.SelectMany(g => g).Select(i => i.Id).Where(Form.IndicatorIds.Contains).Distinct().ToList();
        if (IndicatorGroups.Count > 0 && requested.Count == 0)
        {
            Fail("indicators", "報告を依頼する成果指標を1つ以上選んでください。");
        }

        if (!IsValid)
        {
            return Page();
        }

        var cycle = new ReportingCycle
        {
            PlanId = plan!.Id,
            FiscalYear = year.Value,
            Title = title ?? $"{year.Value} 進捗状況",
            State = PublicationState.Draft,
            Deadline = deadline,
        };
        db.ReportingCycles.Add(cycle);
        int added;
        try
        {
            await db.SaveChangesAsync();
            added = await review.RequestReportsAsync(cycle, requested);
        }
        catch (DbUpdateException)
        {
            Fail("fiscalYear", $"「{plan.Name}」の{year.Value}の報告は、ほかの人が同時に作成しました。一覧を確かめてください。");
            await LoadAsync();
            return Page();
        }

        var warnings = string.Concat(year.Warnings.Select(w => "（" + w.Message + "）"));
        return DoneAndRedirect($"「{plan.Name}」の{year.Value}の報告「{cycle.Title}」を作成しました。状態は「入力中」です。成果指標{requested.Count}件の報告を依頼しました（新たに作成{added}件）。{warnings}", "/admin/cycles");
    }

    public async Task<IActionResult> OnPostStateAsync(int cycleId, string? from, string? to, bool confirmed)
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

        var name = $"{cycle.FiscalYear}「{cycle.Title}」";
        if (cycle.State != expected)
        {
            await LoadAsync();
            Fail(null, $"{name}の状態は、ほかの人が既に「{AdminText.Describe(cycle.State)}」に変更しています。一覧を確かめてから、もう一度操作してください。");
            return Page();
        }

        if (!confirmed)
        {
            await LoadAsync();
            Confirmation = await ConfirmationOfAsync(cycle, target);
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

    /// <summary>The button's words with the year named: 「令和3年度を確認中にする」, 「令和3年度の公表を取り消す（確認中に戻す）」.</summary>
    public static string ActionLabel(Core.Time.FiscalYear fiscalYear, string action) =>
        fiscalYear + (action.StartsWith("公表を", StringComparison.Ordinal) ? "の" + action : "を" + action);

    /// <summary>
    /// What a step will do, in words, for the confirmation: for publication, which year the public pages will show and
    /// how many KPIs will read 「この年度の報告なし」 (the approved reports are all that become public).
    /// </summary>
    private async Task<StateConfirmation> ConfirmationOfAsync(ReportingCycle cycle, PublicationState target)
    {
        var year = cycle.FiscalYear;
        var name = $"{year}「{cycle.Title}」";
        var action = Steps(cycle.State).First(s => s.To == target).Action;
        var button = ActionLabel(cycle.FiscalYear, action);
        var otherYears = await db.ReportingCycles.Where(c => c.PlanId == cycle.PlanId && c.Id != cycle.Id).Where(Publication.IsPublished)
            .Select(c => c.FiscalYear).ToListAsync();
        Core.Time.FiscalYear? latestOther = otherYears.Count > 0 ? otherYears.Max() : null;
        if (target == PublicationState.Published)
        {
            var kpis = await db.Indicators.CountAsync(i => i.Initiative!.PlanId == cycle.PlanId);
            var reports = db.IndicatorReports.Where(r => r.FiscalYear == cycle.FiscalYear && r.Indicator!.Initiative!.PlanId == cycle.PlanId);
            var approved = await reports.CountAsync(Publication.IsApproved);
            var notApproved = await reports.CountAsync() - approved;
            var shows = latestOther is { } later && later > cycle.FiscalYear
                ? $"公表しても、公開ページが最初に表示するのは{later}のままです。{year}は各ページの「表示する年度」で選べるようになります。"
                : $"公表すると、公開ページは{year}の表示に切り替わります。";
            var lines = new List<string>
            {
                shows + $"承認済みの報告は{kpis}件中{approved}件です。" + (kpis - approved > 0 ? $"残りの{kpis - approved}件は「この年度の報告なし」と表示されます。" : ""),
                $"承認済みの報告 {approved}件が一般のページとオープンデータで公表されます。承認されていない報告 {notApproved}件は公表されません（職員だけが見られます）。",
            };
            if (latestOther is { } earlier && earlier < cycle.FiscalYear)
            {
                lines.Add($"{earlier}までの表示は、各ページの「表示する年度」で引き続き選べます。");
            }

            return new StateConfirmation(cycle, target, $"{name}を公表しますか", lines, $"承認済み{approved}件を公表する", notApproved > 0);
        }

        if (cycle.State == PublicationState.Published)
        {
            var back = latestOther is { } other && other < cycle.FiscalYear
                ? $"公開ページは{other}の表示に戻ります。"
                : "";
            return new StateConfirmation(cycle, target, $"{name}の公表を取り消しますか",
                [$"取り消すと、{year}の値と評価は公開ページとオープンデータに表示されなくなります。{back}状態は「確認中」に戻ります。"], button, false);
        }

        return new StateConfirmation(cycle, target, name + (target == PublicationState.Submitted ? "を確認中にしますか" : "を入力中に戻しますか"),
            [$"状態が「{AdminText.Describe(cycle.State)}」から「{AdminText.Describe(target)}」に変わります。公開ページの表示は変わりません。"], button, false);
    }

    private DateOnly? ReadDeadline(Core.Time.FiscalYear? year)
    {
        var text = (Form.Deadline ?? "").Trim();
        if (text.Length == 0)
        {
            Fail("deadline", "提出期限を入力してください。");
            return null;
        }

        DateOnly date;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            var parsed = Core.Time.JapaneseDate.Parse(text);
            if (!parsed.Success)
            {
                Fail("deadline", $"提出期限「{text}」を日付として読み取れません（例: 2026年7月31日、令和8年7月31日）。");
                return null;
            }

            date = parsed.Value;
        }

        if (year is { } y && date < y.FirstDay)
        {
            Fail("deadline", $"提出期限（{Core.Time.JapaneseDate.Format(date)}）が{y}の始まり（{Core.Time.JapaneseDate.Format(y.FirstDay)}）より前です。");
        }

        return date;
    }

    private async Task LoadIndicatorsAsync()
    {
        var planId = int.TryParse(Form.PlanId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var indicators = await db.Indicators.Include(i => i.Departments).Where(i => i.Initiative!.PlanId == planId).OrderBy(i => i.Order).ToListAsync();
        IndicatorGroups = [.. indicators
            .GroupBy(i => i.Departments.Count == 0 ? DxOfficeGroup : string.Join("、", i.Departments.Select(d => d.Name).Order(StringComparer.Ordinal)))
            .OrderBy(g => g.Key == DxOfficeGroup ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    private async Task LoadAsync()
    {
        Plans = await db.Plans.OrderBy(p => p.Status == Core.Strategy.PlanStatus.Current ? 0 : p.Status == Core.Strategy.PlanStatus.Draft ? 1 : 2).ThenByDescending(p => p.Id).ToListAsync();
        Cycles = await db.ReportingCycles.Include(c => c.Plan).OrderByDescending(c => c.FiscalYear).ThenBy(c => c.PlanId).ToListAsync();
    }
}

/// <summary>A step of a reporting cycle waiting for confirmation: the question, what it will do, and the confirming button's words.</summary>
public sealed record StateConfirmation(ReportingCycle Cycle, PublicationState To, string Question, IReadOnlyList<string> Consequences, string Button, bool LinkToBoard);
