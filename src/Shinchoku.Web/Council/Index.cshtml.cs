using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Council;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Council;

/// <summary>The advisory council's meetings, newest first. Staff; the DX office registers meetings.</summary>
public class IndexModel(ShinchokuDb db) : PageModel
{
    public List<CouncilMeeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync() =>
        Meetings = await db.CouncilMeetings.AsNoTracking().Include(m => m.Plan).Include(m => m.Cycle).Include(m => m.Materials)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync();
}
