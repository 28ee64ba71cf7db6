namespace Shinchoku.Web.Accounts;

/// <summary>The form that sets a user's new password (never written back into the page).</summary>
public sealed class PasswordForm
{
    public string? NewPassword { get; set; }

    public string? NewPasswordConfirm { get; set; }
}
