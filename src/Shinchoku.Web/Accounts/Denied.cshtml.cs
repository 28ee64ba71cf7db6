using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>Where a signed-in user is sent for a page their role does not allow; answers 403. Anyone may open it.</summary>
public class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
