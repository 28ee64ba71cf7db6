using Microsoft.AspNetCore.Identity;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Accounts;

/// <summary>A user of Shinchoku: DX office staff, department editors, experts and viewers.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name shown in the header and the audit log (千葉 太郎（税務課）).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The department a department editor enters data for; null for other roles.</summary>
    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }
}
