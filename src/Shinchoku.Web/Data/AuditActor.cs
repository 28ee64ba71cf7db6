namespace Shinchoku.Web.Data;

/// <summary>
/// Who is changing data now, for the audit log: the signed-in user of the request, or a name set for work
/// that runs outside a request (demo data, the command line's import).
/// </summary>
public sealed class AuditActor(IHttpContextAccessor? accessor = null)
{
    /// <summary>A name that takes precedence over the signed-in user, for work outside a request.</summary>
    public string? Fixed { get; set; }

    /// <summary>The name written into audit entries.</summary>
    public string Name => Fixed ?? accessor?.HttpContext?.User.Identity?.Name ?? "システム";

    /// <summary>An actor with a fixed name (design time, tests).</summary>
    public static AuditActor Named(string name) => new() { Fixed = name };
}
