using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Data;

/// <summary>
/// The application's database. One model; the provider-specific subclasses exist only so that each provider
/// keeps its own migrations (SQLite by default, PostgreSQL in production).
/// </summary>
public class ShinchokuDb(DbContextOptions options, AuditActor actor, TimeProvider clock) : IdentityDbContext<AppUser>(options)
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

    public DbSet<Reporting.ReviewEvent> ReviewEvents => Set<Reporting.ReviewEvent>();

    public DbSet<Council.CouncilMeeting> CouncilMeetings => Set<Council.CouncilMeeting>();

    public DbSet<Council.MeetingMaterial> MeetingMaterials => Set<Council.MeetingMaterial>();

    public DbSet<Council.CouncilPost> CouncilPosts => Set<Council.CouncilPost>();

    public DbSet<Reporting.Reminders.SentReminder> SentReminders => Set<Reporting.Reminders.SentReminder>();

    public DbSet<Council.CouncilPostRevision> CouncilPostRevisions => Set<Council.CouncilPostRevision>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Notifications.NotificationOptOut> NotificationOptOuts => Set<Notifications.NotificationOptOut>();

    public DbSet<OpenData.PublicChange> PublicChanges => Set<OpenData.PublicChange>();

    /// <summary>
    /// Saves, bumping the version of every changed indicator and report (a stale edit then fails as a conflict),
    /// writing an audit entry for every changed field of KPI data and a change record when something public changed
    /// (<see cref="OpenData.PublicChanges"/>), in the same transaction.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        if (OpenData.PublicChanges.Detect(ChangeTracker, clock.GetUtcNow()) is { } change)
        {
            PublicChanges.Add(change);
        }

        var pending = CollectAuditChanges();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = clock.GetUtcNow();
            await InsertAuditAsync(pending.ConvertAll(p => p.ToEntry(actor.Name, now)), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Shinchoku.Core.Time.FiscalYear>().HaveConversion<FiscalYearConverter>();
        configurationBuilder.Properties<Shinchoku.Core.Strategy.ReportTableNumber>().HaveConversion<ReportTableNumberConverter>();
        configurationBuilder.Properties<Shinchoku.Core.Values.Unit>().HaveConversion<UnitConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(100);
        builder.Entity<AppUser>().HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.ApplyConfigurationsFromAssembly(typeof(ShinchokuDb).Assembly);
    }

    /// <summary>
    /// Writes audit entries untracked and in bulk (PostgreSQL: binary COPY; SQLite: one prepared INSERT run per
    /// entry, in-process): an import of 20,000 KPIs writes some 400,000 entries, which the change tracker would hold
    /// (and scan on every later save) for nothing. Inside the save's transaction, so they commit or roll back with it.
    /// </summary>
    private async Task InsertAuditAsync(List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var type = Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = this.GetService<ISqlGenerationHelper>();
        var columns = type.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var head = $"{sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))})";
        var connection = Database.GetDbConnection();
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync($"COPY {head} FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var entry in entries)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    switch (column.PropertyInfo!.GetValue(entry))
                    {
                        case null:
                            await copy.WriteNullAsync(cancellationToken);
                            break;
                        case DateTimeOffset at:
                            await copy.WriteAsync(at.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken);
                            break;
                        case string text:
                            await copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                            break;
                        case int number:
                            await copy.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                            break;
                        case var other:
                            throw new InvalidOperationException($"監査ログの列 {column.Name} の型 {other.GetType().Name} は書き込めません。");
                    }
                }
            }

            await copy.CompleteAsync(cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO {head} VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => ((RelationalTypeMapping)c.GetTypeMapping()).CreateParameter(command, "@p" + i, null, nullable: true)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        command.Prepare();
        foreach (var entry in entries)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].PropertyInfo!.GetValue(entry);
                var converter = columns[i].GetTypeMapping().Converter;
                parameters[i].Value = (value is null || converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The changed fields of audited entities, read before saving; ids are filled in after.</summary>
    private List<PendingAudit> CollectAuditChanges()
    {
        var pending = new List<PendingAudit>();
        var entries = ChangeTracker.Entries().ToList();

        // An owned value replaced by a new instance leaves its old entry Deleted: find it by type and owner key.
        var replacedValues = entries.Where(e => e.State == EntityState.Deleted && e.Metadata.IsOwned())
            .ToLookup(e => (e.Metadata, KeyOf(e)));
        var owned = entries.Where(e => e.Metadata.IsOwned() && e.State != EntityState.Deleted)
            .GroupBy(e => e.Entity, ReferenceEqualityComparer.Instance)
            .ToDictionary(g => g.Key, g => g.ToList(), ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            // A council post is audited when it changes after it was written (edited, withdrawn, hidden, shown again).
            if (entry.Entity is not (Indicator or IndicatorTarget or IndicatorReport or RatingOverrideRecord)
                && !(entry.Entity is Council.CouncilPost && entry.State == EntityState.Modified))
            {
                continue;
            }

            var state = entry.State;
            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                if (meta.IsPrimaryKey() || meta.IsForeignKey() || meta.IsShadowProperty() || meta.Name == nameof(Indicator.Version))
                {
                    continue;
                }

                var before = state == EntityState.Added ? null : Show(property.OriginalValue);
                var after = state == EntityState.Deleted ? null : Show(property.CurrentValue);
                if (state != EntityState.Unchanged && before != after && !(state == EntityState.Added && after is null or ""))
                {
                    pending.Add(new PendingAudit(entry, meta.Name, before, after));
                }
            }

            // Owned values by navigation, found among the entries already read: EntityEntry.References would run a
            // local DetectChanges per reference, which grows with everything tracked (quadratic in an import).
            foreach (var navigation in entry.Metadata.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned()))
            {
                var value = navigation.PropertyInfo?.GetValue(entry.Entity);
                var current = value is null ? null : owned.GetValueOrDefault(value)?.Find(e => e.Metadata == navigation.TargetEntityType);
                var replaced = current is null ? null : replacedValues[(navigation.TargetEntityType, KeyOf(current))].FirstOrDefault();
                var before = state == EntityState.Added ? null
                    : replaced is not null ? Show(replaced.Property(nameof(RecordedValue.Text)).OriginalValue)
                    : current is null ? null
                    : Show(current.Property(nameof(RecordedValue.Text)).OriginalValue);
                var after = state == EntityState.Deleted || current is null ? null : Show(current.Property(nameof(RecordedValue.Text)).CurrentValue);
                if (before != after && !(state == EntityState.Added && after is null or ""))
                {
                    pending.Add(new PendingAudit(entry, navigation.Name, before, after));
                }
            }
        }

        return pending;

        static object? KeyOf(EntityEntry? e) => e?.Properties.FirstOrDefault(p => p.Metadata.IsPrimaryKey())?.CurrentValue;
        static string? Show(object? value) => value switch
        {
            null => null,
            DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            // As stored: the start year (2020), as the audit trail has always shown it.
            Shinchoku.Core.Time.FiscalYear y => y.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // As stored and shown: 年度末換算, 独自; nothing for none.
            Shinchoku.Core.Projections.ProjectionMethod m => m == Shinchoku.Core.Projections.ProjectionMethod.None ? "" : Shinchoku.Core.Projections.ProjectionMethods.Label(m),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private sealed record PendingAudit(EntityEntry Entry, string Field, string? Before, string? After)
    {
        public AuditEntry ToEntry(string user, DateTimeOffset at)
        {
            var (id, indicatorId) = Entry.Entity switch
            {
                Indicator i => (i.Id, i.Id),
                IndicatorTarget t => (t.Id, t.IndicatorId),
                IndicatorReport r => (r.Id, r.IndicatorId),
                RatingOverrideRecord o => (o.Id, IndicatorOf(o.IndicatorReportId)),
                Council.CouncilPost p => (p.Id, IndicatorOf(p.IndicatorReportId)),
                _ => (0, 0),
            };
            return new AuditEntry
            {
                At = at,
                User = user,
                Entity = Entry.Entity.GetType().Name,
                EntityId = id,
                IndicatorId = indicatorId,
                // The history page shows only the field: a post's fields say they are the post's.
                Field = Entry.Entity is Council.CouncilPost ? "CouncilPost." + Field : Field,
                Before = Before,
                After = After,
            };

            int IndicatorOf(int reportId) =>
                Entry.Context.ChangeTracker.Entries<IndicatorReport>().FirstOrDefault(r => r.Entity.Id == reportId)?.Entity.IndicatorId
                ?? Entry.Context.Set<IndicatorReport>().Where(r => r.Id == reportId).Select(r => r.IndicatorId).FirstOrDefault();
        }
    }

    /// <summary>
    /// Makes the next save of <paramref name="entity"/> conditional on it still being at <paramref name="loadedVersion"/>
    /// (the version the form was opened on) and moves its version on, even when the form changed nothing:
    /// of two saves from forms opened on the same version, exactly one succeeds, whatever field each changed.
    /// </summary>
    public void SaveOnlyAtVersion(IVersioned entity, int loadedVersion)
    {
        var version = Entry(entity).Property<int>(nameof(IVersioned.Version));
        version.OriginalValue = loadedVersion;
        version.IsModified = true;
    }

    /// <summary>
    /// Every changed versioned entity gets version + 1, compared with the version loaded in the UPDATE's WHERE clause.
    /// A change of an owned value (a <see cref="RecordedValue"/> replaced) leaves its owner Unchanged in EF's eyes, so it counts here too.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var ownedChanged = entry.References.Any(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { State: not EntityState.Unchanged });
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && ownedChanged))
            {
                var version = entry.Property<int>(nameof(IVersioned.Version));
                version.CurrentValue = version.OriginalValue + 1;
                version.IsModified = true;
            }
        }
    }
}

/// <summary>An entity saved under optimistic concurrency: every save moves <see cref="Version"/> on and is refused when it moved first.</summary>
public interface IVersioned
{
    /// <summary>Incremented on every save; the concurrency token.</summary>
    int Version { get; set; }
}

/// <summary>The SQLite flavour, with its migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteShinchokuDb(DbContextOptions<SqliteShinchokuDb> options, AuditActor actor, TimeProvider clock) : ShinchokuDb(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time type: store instants as sortable binary so ORDER BY and comparisons work.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The PostgreSQL flavour, with its migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlShinchokuDb(DbContextOptions<PostgreSqlShinchokuDb> options, AuditActor actor, TimeProvider clock) : ShinchokuDb(options, actor, clock);
