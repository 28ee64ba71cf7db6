using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>Every user with role, department and whether the account is locked. DX office only.</summary>
public class UsersModel(ShinchokuDb db, TimeProvider clock) : PageModel
{
    public List<UserRow> Users { get; private set; } = [];

    /// <summary>Shown once after a change made on another user page.</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        var users = await db.Users.Include(u => u.Department).OrderBy(u => u.UserName).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        Users = users.ConvertAll(u => new UserRow(
            u,
            string.Join("、", roles.Where(r => r.UserId == u.Id).Select(r => Roles.Describe(r.Name!))),
            UserForms.IsLocked(u, now)));
    }
}

/// <summary>A user in the list.</summary>
public sealed record UserRow(AppUser User, string Roles, bool Locked);
