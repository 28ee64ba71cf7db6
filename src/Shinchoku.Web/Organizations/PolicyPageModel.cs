using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Organizations;

/// <summary>The policy pages of the site's organisation (/accessibility, /privacy). Public.</summary>
public abstract class PolicyPageModel(SiteIdentity site) : PageModel
{
    /// <summary>The site's organisation, or null when none is set up.</summary>
    public Organization? Organization { get; private set; }

    public async Task OnGetAsync() => Organization = await site.GetAsync(HttpContext.RequestAborted);
}

/// <summary>ウェブアクセシビリティ方針.</summary>
[Dashboard.PublicPage]
public sealed class AccessibilityModel(SiteIdentity site) : PolicyPageModel(site);

/// <summary>個人情報の取扱い.</summary>
[Dashboard.PublicPage]
public sealed class PrivacyModel(SiteIdentity site) : PolicyPageModel(site);
