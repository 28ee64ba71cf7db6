using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>Creates a user with a role, a department for department editors, and an initial password. DX office only.</summary>
public class UserCreateModel(ShinchokuDb db, UserManager<AppUser> users) : AdminPageModel
{
    public List<Department> Departments { get; private set; } = [];

    [BindProperty]
    public UserForm Form { get; set; } = new();

    // Passwords are never written back into the page.
    public async Task OnGetAsync() => Departments = await UserForms.DepartmentsAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        Departments = await UserForms.DepartmentsAsync(db);
        var userName = (Form.UserName ?? "").Trim();
        if (userName.Length == 0)
        {
            Fail("userName", "ユーザー名を入力してください。");
        }

        var user = new AppUser { UserName = userName };
        if (userName.Length > 0)
        {
            foreach (var validator in users.UserValidators)
            {
                UserForms.Report(this, (await validator.ValidateAsync(users, user)).Errors, "password");
            }
        }

        var displayName = Required("displayName", "表示名", Form.DisplayName, 100);
        var (role, departmentId) = UserForms.ReadRoleAndDepartment(this, Form.Role, Form.DepartmentId, Departments);
        await UserForms.ValidatePasswordAsync(this, users, user, Form.Password, Form.PasswordConfirm, "password");
        if (!IsValid)
        {
            return Page();
        }

        user.DisplayName = displayName;
        user.DepartmentId = departmentId;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Form.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role!);
        }

        if (!created.Succeeded)
        {
            UserForms.Report(this, created.Errors, "password");
            return Page();
        }

        await transaction.CommitAsync();
        Done = $"ユーザー「{user.UserName}」（{Roles.Describe(role!)}）を作成しました。初期パスワードを本人に伝えてください。";
        return Redirect("/admin/users");
    }
}
