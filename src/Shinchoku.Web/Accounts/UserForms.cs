using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>What the user pages share: the role and department rule, Identity's errors placed on fields, lockout.</summary>
public static class UserForms
{
    /// <summary>The role and department of a user's form: the role is one of <see cref="Roles.All"/>; a department is required for a department editor and not allowed for any other role.</summary>
    internal static (string? Role, int? DepartmentId) ReadRoleAndDepartment(AdminPageModel page, string? role, string? departmentId, IReadOnlyList<Department> departments)
    {
        var r = Roles.All.FirstOrDefault(x => string.Equals(x, role, StringComparison.Ordinal));
        if (r is null)
        {
            page.Fail("role", "役割を選んでください。");
        }

        Department? department = null;
        if (!string.IsNullOrEmpty(departmentId))
        {
            department = departments.FirstOrDefault(d => d.Id.ToString(CultureInfo.InvariantCulture) == departmentId);
            if (department is null)
            {
                page.Fail("departmentId", "選んだ所管課が見つかりません。ほかの人が名称を変更した可能性があります。もう一度選んでください。");
            }
        }

        if (r == Roles.DepartmentEditor && department is null && string.IsNullOrEmpty(departmentId))
        {
            page.Fail("departmentId", $"役割が「{Roles.Describe(Roles.DepartmentEditor)}」のときは、入力を担当する所管課を選んでください。");
        }
        else if (r is not null && r != Roles.DepartmentEditor && department is not null)
        {
            page.Fail("departmentId", $"所管課は、役割が「{Roles.Describe(Roles.DepartmentEditor)}」のときだけ選びます。「{Roles.Describe(r)}」では「（なし）」を選んでください。");
        }

        return (r, department?.Id);
    }

    /// <summary>Records Identity's errors on the fields they are about: passwords on <paramref name="passwordField"/>, user names on userName.</summary>
    internal static void Report(AdminPageModel page, IEnumerable<IdentityError> errors, string passwordField)
    {
        foreach (var error in errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.DuplicateUserName) => "userName",
                _ => null,
            };
            page.Fail(field, error.Description);
        }
    }

    /// <summary>Checks <paramref name="password"/> against Identity's password rules and its confirmation.</summary>
    internal static async Task ValidatePasswordAsync(AdminPageModel page, UserManager<AppUser> users, AppUser user, string? password, string? confirmation, string field)
    {
        if (string.IsNullOrEmpty(password))
        {
            page.Fail(field, "パスワードを入力してください。");
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            Report(page, result.Errors, field);
        }

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            page.Fail(field + "Confirm", "確認のために入力したパスワードが一致しません。");
        }
    }

    public static bool IsLocked(AppUser user, DateTimeOffset now) => user.LockoutEnabled && user.LockoutEnd > now;

    /// <summary>
    /// The lockout end of a user stopped by the DX office: far enough to mean "until unlocked", near enough to be stored
    /// and shown in Japan time by every database (DateTimeOffset.MaxValue is not).
    /// </summary>
    public static readonly DateTimeOffset StoppedUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>True while the user is stopped by the DX office rather than locked out for failed sign-ins.</summary>
    public static bool IsStopped(AppUser user) => user.LockoutEnabled && user.LockoutEnd >= StoppedUntil;

    /// <summary>The departments to choose from, by name.</summary>
    internal static Task<List<Department>> DepartmentsAsync(ShinchokuDb db) => db.Departments.OrderBy(d => d.Name).ToListAsync();
}
