using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Data;

/// <summary>/healthz is healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(ShinchokuDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("データベースに接続できません。");
}
