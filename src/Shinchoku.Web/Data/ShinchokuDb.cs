using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Data;

/// <summary>
/// The application's database. One model; the provider-specific subclasses exist only so that each provider
/// keeps its own migrations (SQLite by default, PostgreSQL in production).
/// </summary>
public class ShinchokuDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanNode> PlanNodes => Set<PlanNode>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<InitiativePlacement> InitiativePlacements => Set<InitiativePlacement>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Player> Players => Set<Player>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    public DbSet<ReportingCycle> ReportingCycles => Set<ReportingCycle>();

    public DbSet<IndicatorReport> IndicatorReports => Set<IndicatorReport>();

    public DbSet<RatingOverrideRecord> RatingOverrides => Set<RatingOverrideRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Bumps the version of every changed indicator and report, so a stale edit fails as a conflict.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShinchokuDb).Assembly, t => t.Namespace == typeof(ShinchokuDb).Namespace + ".Configurations");
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is Indicator or IndicatorReport)
            {
                var version = entry.Property(nameof(Indicator.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}

/// <summary>The SQLite flavour, with its migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteShinchokuDb(DbContextOptions<SqliteShinchokuDb> options) : ShinchokuDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: store instants as sortable binary so ORDER BY and comparisons work.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The PostgreSQL flavour, with its migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlShinchokuDb(DbContextOptions<PostgreSqlShinchokuDb> options) : ShinchokuDb(options);
