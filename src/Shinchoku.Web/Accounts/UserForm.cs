namespace Shinchoku.Web.Accounts;

/// <summary>
/// A user's form as typed, when creating one (user name, display name, role, department, initial password) or changing
/// one (display name, role, department, and the fingerprint of what the form was filled with).
/// </summary>
public sealed class UserForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public string? Role { get; set; }

    /// <summary>The department's id as posted; empty for none.</summary>
    public string? DepartmentId { get; set; }

    /// <summary>The initial password; never written back into the page.</summary>
    public string? Password { get; set; }

    public string? PasswordConfirm { get; set; }

    /// <summary>The fingerprint of display name, role and department when the form was filled.</summary>
    public string? Stamp { get; set; }
}
