using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Accounts;

/// <summary>Which indicators a signed-in user may enter data for: the DX office all, a department editor its own department's.</summary>
public sealed class Access(ShinchokuDb db, UserManager<AppUser> users)
{
    /// <summary>The department of the signed-in editor, or null (administrators and others).</summary>
    public async Task<int?> DepartmentOfAsync(ClaimsPrincipal principal)
    {
        var id = users.GetUserId(principal);
        return id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DepartmentId).FirstOrDefaultAsync();
    }

    /// <summary>True when <paramref name="principal"/> may enter data for <paramref name="indicator"/> (its departments loaded).</summary>
    public async Task<bool> MayEditAsync(ClaimsPrincipal principal, Indicator indicator)
    {
        if (principal.IsInRole(Roles.Administrator))
        {
            return true;
        }

        if (!principal.IsInRole(Roles.DepartmentEditor))
        {
            return false;
        }

        var department = await DepartmentOfAsync(principal);
        return department is not null && indicator.Departments.Any(d => d.Id == department);
    }

    /// <summary>The indicators of <paramref name="planId"/> that <paramref name="principal"/> may enter data for.</summary>
    public async Task<IQueryable<Indicator>> EditableAsync(ClaimsPrincipal principal, int planId)
    {
        var indicators = db.Indicators.Where(i => i.Initiative!.PlanId == planId);
        if (principal.IsInRole(Roles.Administrator))
        {
            return indicators;
        }

        var department = await DepartmentOfAsync(principal);
        return principal.IsInRole(Roles.DepartmentEditor) && department is not null
            ? indicators.Where(i => i.Departments.Any(d => d.Id == department))
            : indicators.Where(_ => false);
    }
}
