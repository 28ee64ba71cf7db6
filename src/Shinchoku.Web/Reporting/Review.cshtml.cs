using Microsoft.AspNetCore.Mvc;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting;

/// <summary>
/// The DX office's review of one report: values, computed marks and the thread; comment, return (差戻し, with a
/// reason), approve (承認), and reopen a published report for correction (with a reason). Each step is refused on
/// a stale page (the report's Version). DX office only.
/// </summary>
public class ReviewModel(ReportReview review) : AdminPageModel
{
    public ReportingCycle Cycle { get; private set; } = null!;

    public Indicator Indicator { get; private set; } = null!;

    public IndicatorReport Report { get; private set; } = null!;

    public ReportEvaluation Evaluation { get; private set; } = null!;

    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int cycleId, int indicatorId) =>
        await LoadAsync(cycleId, indicatorId) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommentAsync(int cycleId, int indicatorId) =>
        ActAsync(cycleId, indicatorId, ReviewAction.Comment, _ => true, "コメント", "コメントを送りました。");

    public Task<IActionResult> OnPostReturnAsync(int cycleId, int indicatorId) =>
        ActAsync(cycleId, indicatorId, ReviewAction.Returned, r => ReportRules.MayDecide(r.State), "差戻しの理由", "差し戻しました。所管課が修正して再提出します。");

    public Task<IActionResult> OnPostApproveAsync(int cycleId, int indicatorId) =>
        ActAsync(cycleId, indicatorId, ReviewAction.Approved, r => ReportRules.MayDecide(r.State), null, "承認しました。");

    public Task<IActionResult> OnPostReopenAsync(int cycleId, int indicatorId) =>
        ActAsync(cycleId, indicatorId, ReviewAction.Reopened, r => ReportRules.MayReopen(r.State, Cycle), "訂正の理由", "訂正のため所管課に差し戻しました。訂正が承認されるまで、この年度の値は公表されません。");

    /// <summary>The field a reason or comment is typed into, for each action that needs text.</summary>
    public static string TextField(ReviewAction action) => "text-" + action.ToString().ToLowerInvariant();

    private async Task<IActionResult> ActAsync(int cycleId, int indicatorId, ReviewAction action, Func<IndicatorReport, bool> allowed, string? textName, string done)
    {
        if (!await LoadAsync(cycleId, indicatorId))
        {
            return NotFound();
        }

        var text = textName is null ? "" : Required(TextField(action), textName, Form.Text, 2000);
        if (!IsValid)
        {
            return Page();
        }

        if (Report.Version != Form.Version)
        {
            Fail(null, "ほかの人が先にこの報告を変更しました。下の最新の内容を確かめてから、もう一度操作してください。");
            return Page();
        }

        if (!allowed(Report))
        {
            Fail(null, $"この報告は今「{ReportRules.Describe(Report.State)}」のため、この操作はできません。");
            return Page();
        }

        if (!await review.RecordAsync(Report, Form.Version, action, text, User, Cycle))
        {
            await LoadAsync(cycleId, indicatorId);
            Fail(null, "ほかの人が先にこの報告を変更しました。下の最新の内容を確かめてから、もう一度操作してください。");
            return Page();
        }

        return DoneAndRedirect(done, $"/admin/cycles/{cycleId}/reports/{indicatorId}");
    }

    private async Task<bool> LoadAsync(int cycleId, int indicatorId)
    {
        if (await review.FindAsync(cycleId, indicatorId) is not var (cycle, indicator, report))
        {
            return false;
        }

        Cycle = cycle;
        Indicator = indicator;
        Report = report;
        Evaluation = ReportEvaluation.Of(indicator, Report);
        return true;
    }
}
