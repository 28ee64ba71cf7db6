using Microsoft.Net.Http.Headers;
using Shinchoku.Web.OpenData;

namespace Shinchoku.Web.Dashboard;

/// <summary>
/// Marks a public page whose HTML for anonymous visitors depends only on its URL and the published data, so that
/// <see cref="PublicPageCache"/> renders it once per data version.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPageAttribute : Attribute;

/// <summary>
/// Keeps the HTML of <see cref="PublicPageAttribute"/> pages as anonymous visitors get it with the open data's
/// snapshot (<see cref="OpenDataStore"/>): rendered by the first request for a URL, answered from memory until the
/// data version changes (a publication, a report's change), when the snapshot and everything kept with it is
/// replaced. Signed-in staff, who also see unpublished reports, always get a page rendered for them.
/// </summary>
public sealed class PublicPageCache(RequestDelegate next, OpenDataStore store)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.User.Identity?.IsAuthenticated == true
            || context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is null)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var snapshot = await store.GetAsync(context.RequestAborted);
        var key = "page " + context.Request.Path.Value + context.Request.QueryString.Value;
        if (snapshot.Answer(key) is { } kept)
        {
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = kept.Length;
            await response.Body.WriteAsync(kept, context.RequestAborted);
            return;
        }

        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var html = buffer.ToArray();
        // Only a whole page meant for anyone: not an error, a redirect, or an answer that sets a cookie.
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            snapshot.Keep(key, html);
        }

        if (html.Length > 0)
        {
            // Writing nothing would start the response, and the status code pages could no longer answer a 404.
            await body.WriteAsync(html, context.RequestAborted);
        }
    }
}
