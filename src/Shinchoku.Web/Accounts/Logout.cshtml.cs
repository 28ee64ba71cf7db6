using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>
/// Sign-out (POST with antiforgery). Signed-in users. The user's security stamp changes, so a copy of the session
/// cookie is refused from the next request on (and the user's sessions on other devices end too).
/// </summary>
public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
