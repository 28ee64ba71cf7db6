using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Accounts;

/// <summary>
/// The roles, and one demo account per role, created with the demo data. The password is the same for all
/// and is printed in the README: these accounts are for trying the system, never for production data.
/// </summary>
public sealed class DemoAccounts(ShinchokuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    public const string Password = "shinchoku-demo";

    /// <summary>User name, display name, role, department (for editors).</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Department)> All =
    [
        ("dx-admin", "DX推進課 管理者", Roles.Administrator, null),
        ("zeimu", "税務課 入力担当", Roles.DepartmentEditor, "税務課"),
        ("kenkei", "県警 入力担当", Roles.DepartmentEditor, "県警"),
        ("expert", "有識者（アドバイザリー会議）", Roles.Expert, null),
        ("viewer", "閲覧者", Roles.Viewer, null),
    ];

    public async Task CreateAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        foreach (var (userName, displayName, role, department) in All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = userName,
                DisplayName = displayName,
                DepartmentId = department is null ? null : await db.Departments.Where(d => d.Name == department).Select(d => (int?)d.Id).FirstOrDefaultAsync(),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
