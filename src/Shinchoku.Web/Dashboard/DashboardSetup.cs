namespace Shinchoku.Web.Dashboard;

/// <summary>The public dashboard's services and middleware (registered from Program.cs).</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services;

    /// <summary>Answers anonymous visitors' public pages from memory (after authentication: staff get fresh pages).</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseMiddleware<PublicPageCache>();
        return app;
    }
}
