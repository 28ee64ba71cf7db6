using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>Sign-in with user name and password, with lockout after repeated failures. Anyone may open it.</summary>
public class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>The answer to every refused sign-in, whatever the reason.</summary>
    public const string Refused = "ユーザー名またはパスワードが正しくないか、ログインに続けて失敗したため一時的にロックされています。確認のうえ、時間をおいてからもう一度お試しください。";

    public string? Error { get; private set; }

    public string UserName { get; private set; } = "";

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        UserName = userName?.Trim() ?? "";
        ReturnUrl = returnUrl;
        if (UserName.Length == 0 || string.IsNullOrEmpty(password))
        {
            Error = "ユーザー名とパスワードを入力してください。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Without a page asked for, each role lands on its to-do list.
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/todo");
        }

        // One answer for a wrong password, an unknown name and a locked account: the page never tells which names exist.
        Error = Refused;
        return Page();
    }
}
