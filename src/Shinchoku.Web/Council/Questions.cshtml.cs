using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Council;

/// <summary>
/// The departments' questions to the experts (of submitted and approved reports), unanswered first, then the newest
/// year first: where an expert finds what to answer. An answer withdrawn or hidden does not count. Staff.
/// </summary>
public class QuestionsModel(ShinchokuDb db) : PageModel
{
    public List<Question> Items { get; private set; } = [];

    public int Unanswered => Items.Count(q => !q.Answered);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var asked = db.IndicatorReports.AsNoTracking()
            .Where(CouncilRules.HasQuestion)
            .Where(r => r.State == ReportState.Submitted || r.State == ReportState.Approved);
        var unanswered = (await asked.Where(CouncilRules.IsUnanswered).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        Items = (await asked.Select(r => new { r.Id, r.FiscalYear, r.Indicator!.Name, r.Indicator.Order, r.QuestionToExperts }).ToListAsync(cancellationToken))
            .Select(r => new Question(r.Id, r.FiscalYear, r.Name, r.Order, r.QuestionToExperts, !unanswered.Contains(r.Id)))
            .OrderBy(q => q.Answered).ThenByDescending(q => q.FiscalYear).ThenBy(q => q.Order).ToList();
    }

    public sealed record Question(int ReportId, Core.Time.FiscalYear FiscalYear, string Name, int Order, string Text, bool Answered);
}
