using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>One user: display name, role and department; a new password; stopping and unlocking. DX office only.</summary>
public class UserEditModel(ShinchokuDb db, UserManager<AppUser> users, TimeProvider clock) : AdminPageModel
{
    public AppUser Account { get; private set; } = null!;

    public string CurrentRole { get; private set; } = "";

    public bool Locked { get; private set; }

    /// <summary>Locked by the DX office until unlocked, not for failed sign-ins.</summary>
    public bool Stopped => UserForms.IsStopped(Account);

    public List<Department> Departments { get; private set; } = [];

    /// <summary>The user as another administrator saved it while this form was open, or null.</summary>
    public (string DisplayName, string Role, string? Department)? Conflict { get; private set; }

    [BindProperty]
    public UserForm Form { get; set; } = new();

    [BindProperty]
    public PasswordForm Reset { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        var user = Account;
        if (Form.Stamp != StampOf())
        {
            ShowConflict();
        }

        var displayName = Required("displayName", "表示名", Form.DisplayName, 100);
        var (role, departmentId) = UserForms.ReadRoleAndDepartment(this, Form.Role, Form.DepartmentId, Departments);
        if (role is not null && CurrentRole == Roles.Administrator && role != Roles.Administrator
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
        {
            Fail("role", $"「{user.UserName}」はただ一人の{Roles.Describe(Roles.Administrator)}です。先にほかのユーザーを{Roles.Describe(Roles.Administrator)}にしてから変更してください。");
        }

        if (!IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = displayName;
        user.DepartmentId = departmentId;
        IdentityResult result;
        if (role != CurrentRole)
        {
            result = CurrentRole.Length == 0 ? IdentityResult.Success : await users.RemoveFromRoleAsync(user, CurrentRole);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role!);
            }

            if (result.Succeeded)
            {
                // Signs the user's other sessions in again with the new role at the next validation.
                result = await users.UpdateSecurityStampAsync(user);
            }
        }
        else
        {
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                db.ChangeTracker.Clear();
                await LoadAsync(userId);
                ShowConflict();
                return Page();
            }

            UserForms.Report(this, result.Errors, "displayName");
            return Page();
        }

        await transaction.CommitAsync();
        return DoneAndRedirect($"ユーザー「{user.UserName}」を「{Roles.Describe(role!)}」{(departmentId is null ? "" : "（" + Departments.First(d => d.Id == departmentId).Name + "）")}として保存しました。", "/admin/users");
    }

    public async Task<IActionResult> OnPostPasswordAsync(string userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        var user = Account;
        await UserForms.ValidatePasswordAsync(this, users, user, Reset.NewPassword, Reset.NewPasswordConfirm, "newPassword");
        if (IsValid)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, Reset.NewPassword!);
            if (result.Succeeded)
            {
                return DoneAndRedirect($"ユーザー「{user.UserName}」のパスワードを再設定しました。新しいパスワードを本人に伝えてください。" + (Locked ? "アカウントはロック中のままです。必要ならロックを解除してください。" : ""), $"/admin/users/{user.Id}");
            }

            UserForms.Report(this, result.Errors, "newPassword");
        }

        Fill();
        return Page();
    }

    /// <summary>
    /// Stops the user until unlocked; the new security stamp ends every session the user has open (a lockout alone
    /// only refuses the next sign-in).
    /// </summary>
    public async Task<IActionResult> OnPostLockAsync(string userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        var user = Account;
        if (user.Id == users.GetUserId(User))
        {
            Fill();
            Fail(null, "自分自身の利用を停止することはできません。");
            return Page();
        }

        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, UserForms.StoppedUntil);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            Fill();
            UserForms.Report(this, result.Errors, "newPassword");
            return Page();
        }

        return DoneAndRedirect($"ユーザー「{user.UserName}」の利用を停止しました。ログイン中の画面もログアウトされ、ロックを解除するまでログインできません。", $"/admin/users/{user.Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        var user = Account;
        if (!Locked)
        {
            return DoneAndRedirect($"ユーザー「{user.UserName}」はロックされていません。", $"/admin/users/{user.Id}");
        }

        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            Fill();
            UserForms.Report(this, result.Errors, "newPassword");
            return Page();
        }

        return DoneAndRedirect($"ユーザー「{user.UserName}」のロックを解除しました。すぐにログインできます。", $"/admin/users/{user.Id}");
    }

    private void ShowConflict()
    {
        var user = Account;
        Conflict = (user.DisplayName, CurrentRole, user.Department?.Name);
        Fail(null, "このユーザーの表示名・役割・所管課は、この画面を開いたあとでほかの人が変更しました。下の「現在の登録内容」を確かめてください。入力した内容は残してあります。このまま保存すると、入力した内容で上書きします。");
        Form.Stamp = StampOf();
    }

    private void Fill()
    {
        Form.DisplayName = Account.DisplayName;
        Form.Role = CurrentRole;
        Form.DepartmentId = Account.DepartmentId?.ToString(CultureInfo.InvariantCulture);
        Form.Stamp = StampOf();
    }

    private string StampOf() => EditStamp.Of(Account.DisplayName, CurrentRole, Account.DepartmentId);

    private async Task<bool> LoadAsync(string userId)
    {
        var user = await db.Users.Include(u => u.Department).FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return false;
        }

        Account = user;
        CurrentRole = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        Locked = UserForms.IsLocked(user, clock.GetUtcNow());
        Departments = await UserForms.DepartmentsAsync(db);
        return true;
    }
}
