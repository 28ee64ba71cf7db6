using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;
using Shinchoku.Web.Strategy.Editing;

namespace Shinchoku.Web.Council;

/// <summary>
/// The council thread of one report, and where its form posts: experts answer, the indicator's department (or the
/// DX office) records its action, the DX office the advice. After a post, back to the indicator's page. Staff.
/// </summary>
public class ThreadModel(ShinchokuDb db, Access access, UserManager<AppUser> users, TimeProvider clock, Notifications.Notifier notifier) : AdminPageModel
{
    public CouncilThread Thread { get; private set; } = null!;

    [BindProperty]
    public CouncilPostForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int reportId)
    {
        if (await CouncilThread.LoadAsync(db, access, User, reportId) is not { } thread)
        {
            return NotFound();
        }

        Thread = thread;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reportId)
    {
        if (await CouncilThread.LoadAsync(db, access, User, reportId) is not { } thread)
        {
            return NotFound();
        }

        Thread = thread;
        if (!Enum.TryParse<CouncilPostKind>(Form.Kind, out var postKind) || !Enum.IsDefined(postKind))
        {
            return BadRequest();
        }

        if (!thread.MayPost.Contains(postKind))
        {
            return Forbid();
        }

        var field = "text-" + reportId;
        var body = Required(field, CouncilRules.Describe(postKind), Form.Text, CouncilRules.MaxPostLength);
        var user = await users.GetUserAsync(User);
        var by = user?.DisplayName is { Length: > 0 } name ? name : User.Identity!.Name!;
        var now = clock.GetUtcNow();
        if (IsValid && await CouncilRules.DuplicateAsync(db, reportId, postKind, user?.Id, by, body, now) is { } duplicate)
        {
            Fail(field, duplicate);
        }

        if (!IsValid)
        {
            thread.DraftKind = postKind;
            thread.DraftText = Form.Text;
            thread.Errors = Errors;
            return Page();
        }

        var meetingId = await db.CouncilMeetings
            .Where(m => m.Cycle!.PlanId == thread.Indicator.Initiative!.PlanId && m.Cycle.FiscalYear == thread.Report.FiscalYear)
            .OrderByDescending(m => m.HeldOn).Select(m => (int?)m.Id).FirstOrDefaultAsync();
        var post = new CouncilPost
        {
            IndicatorReportId = reportId,
            MeetingId = meetingId,
            Kind = postKind,
            Text = body,
            By = by,
            UserId = user?.Id,
            At = now,
        };
        db.CouncilPosts.Add(post);
        await db.SaveChangesAsync();
        if (postKind == CouncilPostKind.ExpertAnswer)
        {
            // The department that asked, and the DX office that runs the council.
            var indicator = thread.Indicator;
            var recipients = (await notifier.EditorsOfAsync([.. indicator.Departments.Select(d => d.Id)]))
                .Concat(await notifier.InRoleAsync(Roles.Administrator));
            await notifier.NotifyAsync(new Notifications.NotificationMessage(Notifications.NotificationKind.ExpertAnswered, $"report:{reportId}", $"post:{post.Id}",
                $"{indicator.Name}（{thread.Report.FiscalYear}）の質問に有識者が回答しました", $"{by}:\n{body}", $"/council/reports/{reportId}#post-{post.Id}"), recipients, user?.Id);
        }

        TempData[CouncilThread.DoneKey] = $"{reportId}|{CouncilRules.Describe(postKind)}を書き込みました。";
        return Redirect($"/indicators/{thread.Indicator.Id}#council-{reportId}");
    }
}
