using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Shinchoku.Web.Accounts;

/// <summary>
/// How the app fails closed: security headers on every answer, cookies Secure over HTTPS, a session that ends
/// when its user signs out or has the password or roles changed (the security stamp is checked on every request),
/// and a page asked with a method or handler it does not have answers 405/404 instead of running without one.
/// </summary>
public static class SecuritySetup
{
    /// <summary>The policy of every answer: no inline script or style, nothing from elsewhere, never in a frame.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The print view of 資料4 is one self-contained HTML document (also printed to PDF) with its own style sheet and
    /// column widths inline: styles may be inline there, scripts still may not.
    /// </summary>
    public const string PrintViewPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar, a third-party page without user data) starts from one inline module script, allowed by
    /// the nonce Scalar sets on it for this answer alone (never 'unsafe-inline'), and injects its styles: the one page
    /// whose styles may be inline. Still never in a frame, nothing from elsewhere.
    /// </summary>
    public static string ApiDocsPolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        // A copied cookie is refused once its user signed out, changed password or role: the stamp is compared on every request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<MvcOptions>(o => o.Filters.Add(new HandlerRequired()));
        return services;
    }

    /// <summary>Adds the headers to every answer (error pages and static files included) and applies the cookie policy.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase)
                        ? ApiDocsPolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string)
                        : ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// A page that has handlers but none for this request (POST to a page that only answers GET, an unknown
    /// ?handler=) would otherwise render without its model loaded: 405 with Allow, or 404 for an unknown handler name.
    /// </summary>
    private sealed class HandlerRequired : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HandlerMethod is not null)
            {
                return next();
            }

            var request = context.HttpContext.Request;
            var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method;
            var handlers = context.ActionDescriptor.HandlerMethods;
            if (handlers.Count == 0 && HttpMethods.IsGet(method))
            {
                return next(); // a page without a model to load (e.g. the data definitions)
            }

            if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                context.Result = new NotFoundResult();
                return Task.CompletedTask;
            }

            var allowed = handlers.Count == 0 ? [HttpMethods.Get] : handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
            if (allowed.Contains(HttpMethods.Get))
            {
                allowed.Add(HttpMethods.Head);
            }

            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }
    }
}
