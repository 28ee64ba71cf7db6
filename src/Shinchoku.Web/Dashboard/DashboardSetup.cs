namespace Shinchoku.Web.Dashboard;

/// <summary>The public dashboard's services (registered from Program.cs).</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services;
}
