using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Shinchoku.Web.OpenData;

/// <summary>The open data API: services, middleware and endpoints (wired from Program.cs).</summary>
public static class OpenDataSetup
{
    /// <summary>The licence of all open data.</summary>
    public const string License = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.ja)";

    /// <summary>The licence's address, sent as <c>Link: &lt;…&gt;; rel="license"</c> on every answer.</summary>
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/deed.ja";

    /// <summary>The licence statement written into every download.</summary>
    public const string LicenseText =
        "ライセンス: クリエイティブ・コモンズ 表示 4.0 国際 ライセンス（CC BY 4.0）\r\n" +
        "https://creativecommons.org/licenses/by/4.0/deed.ja\r\n" +
        "このデータは、出典を表示すれば、複製・改変・再配布・商用利用を含めて自由に利用できます。\r\n" +
        "出典の表示例: 「出典: 千葉県 DX推進戦略 進捗状況（Shinchoku オープンデータ）」。改変した場合はその旨を記載してください。\r\n";

    /// <summary>How long clients and caches may keep an answer without asking again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private const string CorsPolicy = "open-data";
    private const string RateLimitPolicy = "open-data";

    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OpenDataStore>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SavedChangesSignal>();
        // Japanese text is written as is in JSON, not as \uXXXX escapes; control characters not at all.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new ControlFreeStrings());
        });
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Last-Modified", "Link", "Retry-After", "Content-Disposition")));

        var permitPerMinute = configuration.GetValue("OpenData:RateLimit:PermitPerMinute", 120);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(
                    new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "リクエストが多すぎます",
                        Detail = $"一つの接続元からのリクエストは 1 分間に {permitPerMinute} 回までです。{seconds} 秒後に再度お試しください。一括で必要な場合は /api/v1/download.zip をご利用ください。",
                        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                    },
                    options: null, contentType: "application/problem+json", cancellationToken);
            };
        });

        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Shinchoku オープンデータ API";
            document.Info.Version = "v1";
            document.Info.Description = "DX推進戦略の計画・体系・取組・成果指標と、公表済みの進捗状況（値・評価・算出方法）。公表前の値は含みません。";
            document.Info.License = new OpenApiLicense { Name = "CC BY 4.0", Url = new Uri(LicenseUrl) };
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Middleware that must run before routing's endpoints (CORS, rate limiting, caching).</summary>
    public static WebApplication UseOpenData(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The /api/v1 endpoints, the OpenAPI document and its reference page.</summary>
    public static WebApplication MapOpenData(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("open data")
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.Link = $"<{LicenseUrl}>; rel=\"license\"";
                return await next(context);
            });
        OpenDataApi.Map(api);
        AtomFeed.Map(app);

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().RequireCors(CorsPolicy);
        app.MapScalarApiReference("/api/docs", o =>
        {
            o.Title = "Shinchoku オープンデータ API";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
            o.DefaultFonts = false; // no font CDN
            o.WithNonce(); // a fresh nonce per answer for its inline bootstrap, matched by the Content-Security-Policy
        }).AllowAnonymous();
        return app;
    }
}
