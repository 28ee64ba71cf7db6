using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Council;

/// <summary>
/// The council thread on one report (an indicator's fiscal year): the question, the posts oldest first, the advice
/// of the cycle's meetings, and what the viewer may post. A draft and its problems are kept after a failed post.
/// </summary>
public sealed class CouncilThread
{
    /// <summary>The TempData key of the message shown once on the indicator's page after a post ("report id|message").</summary>
    public const string DoneKey = "CouncilDone";

    private static readonly Func<IndicatorReport, bool> HasQuestion = CouncilRules.HasQuestion.Compile();

    public required IndicatorReport Report { get; init; }

    public required Indicator Indicator { get; init; }

    public required List<CouncilPost> Posts { get; init; }

    /// <summary>The meetings on the report's cycle that recorded advice as a whole.</summary>
    public required List<CouncilMeeting> MeetingsWithAdvice { get; init; }

    /// <summary>The kinds of post the viewer may write (none for visitors).</summary>
    public required List<CouncilPostKind> MayPost { get; init; }

    /// <summary>The question, or empty when the department asked none.</summary>
    public string Question => HasQuestion(Report) ? Report.QuestionToExperts : "";

    public CouncilPostKind? DraftKind { get; set; }

    public string? DraftText { get; set; }

    public IReadOnlyList<FormError> Errors { get; set; } = [];

    /// <summary>True when there is nothing to show a visitor (no question, post or advice).</summary>
    public bool IsEmpty => Question.Length == 0 && Posts.Count == 0 && MeetingsWithAdvice.Count == 0;

    /// <summary>Loads the thread of <paramref name="reportId"/> as <paramref name="user"/> may see it; null when the report does not exist or is not public for a visitor.</summary>
    public static async Task<CouncilThread?> LoadAsync(ShinchokuDb db, Access access, ClaimsPrincipal user, int reportId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!await CouncilRules.MaySeeAsync(db, user, reportId, cancellationToken))
        {
            return null;
        }

        var report = await db.IndicatorReports.AsNoTracking()
            .Include(r => r.Indicator!).ThenInclude(i => i.Departments)
            .Include(r => r.Indicator!).ThenInclude(i => i.Initiative!).ThenInclude(i => i.Plan)
            .Include(r => r.CouncilPosts.OrderBy(p => p.At).ThenBy(p => p.Id)).ThenInclude(p => p.Meeting)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var indicator = report.Indicator!;
        var planId = indicator.Initiative!.PlanId;
        var meetings = await db.CouncilMeetings.AsNoTracking()
            .Where(m => m.Cycle!.PlanId == planId && m.Cycle.FiscalYear == report.FiscalYear && m.Advice != "")
            .OrderBy(m => m.HeldOn).ToListAsync(cancellationToken);
        var mayPost = new List<CouncilPostKind>();
        foreach (var kind in CouncilRules.Kinds)
        {
            if (await CouncilRules.MayPostAsync(user, kind, indicator, access))
            {
                mayPost.Add(kind);
            }
        }

        return new CouncilThread { Report = report, Indicator = indicator, Posts = report.CouncilPosts, MeetingsWithAdvice = meetings, MayPost = mayPost };
    }
}

/// <summary>The council thread of a report on the indicator's page (Features/Indicators/_CouncilThread.cshtml).</summary>
public sealed class CouncilThreadViewComponent(ShinchokuDb db, Access access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int reportId)
    {
        var thread = await CouncilThread.LoadAsync(db, access, UserClaimsPrincipal, reportId);
        return thread is null || (thread.IsEmpty && thread.MayPost.Count == 0 && !Reporting.Publication.SeesUnpublished(UserClaimsPrincipal))
            ? Content("")
            : View("/Indicators/_CouncilThread.cshtml", thread);
    }
}
