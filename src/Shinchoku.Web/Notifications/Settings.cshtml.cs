using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Notifications;

/// <summary>
/// The signed-in user's choice of e-mails: one checkbox per kind of notification, all on until turned off. Turning
/// one off stops its e-mails only; the notices still appear on the to-do list. Staff.
/// </summary>
public class SettingsModel(ShinchokuDb db, UserManager<AppUser> users) : AdminPageModel
{
    /// <summary>The kinds the user gets by e-mail.</summary>
    public HashSet<NotificationKind> Mailed { get; private set; } = [];

    public string? Email { get; private set; }

    /// <summary>The kinds ticked on the form (their names).</summary>
    [BindProperty]
    public List<string> Kinds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email;
        var optedOut = await db.NotificationOptOuts.Where(o => o.UserId == user.Id).Select(o => o.Kind).ToListAsync();
        Mailed = [.. NotificationKinds.All.Except(optedOut)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var wanted = NotificationKinds.All.Where(k => Kinds.Contains(k.ToString())).ToHashSet();
        var existing = await db.NotificationOptOuts.Where(o => o.UserId == user.Id).ToListAsync();
        db.NotificationOptOuts.RemoveRange(existing.Where(o => wanted.Contains(o.Kind)));
        foreach (var kind in NotificationKinds.All.Where(k => !wanted.Contains(k) && !existing.Any(o => o.Kind == k)))
        {
            db.NotificationOptOuts.Add(new NotificationOptOut { UserId = user.Id, Kind = kind });
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same choice saved twice at once (two tabs): the other save stands; show what is stored.
            db.ChangeTracker.Clear();
        }

        return DoneAndRedirect(wanted.Count == NotificationKinds.All.Count ? "お知らせの設定を保存しました。すべての種類をメールでも受け取ります。"
            : wanted.Count == 0 ? "お知らせの設定を保存しました。メールは受け取りません（お知らせは「やること」に表示します）。"
            : $"お知らせの設定を保存しました。メールで受け取るのは{string.Join("・", NotificationKinds.All.Where(wanted.Contains).Select(NotificationKinds.Label))}です。", "/account/notifications");
    }
}
