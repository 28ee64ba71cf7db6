using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Indicators;

internal static class RecordedValueMapping
{
    /// <summary>Maps a <see cref="RecordedValue"/> to columns prefixed with the property's name.</summary>
    public static void MapRecordedValue<T>(this OwnedNavigationBuilder<T, RecordedValue> b)
        where T : class
    {
        b.Property(v => v.Text).HasMaxLength(2000).IsRequired();
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Magnitude).HasPrecision(28, 8);
        b.Property(v => v.Unit).HasMaxLength(50);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(i => i.Name).HasMaxLength(500);
        b.Property(i => i.Unit).HasMaxLength(50);
        b.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.ReportTable).HasMaxLength(10);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.OwnsOne(i => i.Baseline, v => v.MapRecordedValue());
        b.Navigation(i => i.Baseline).IsRequired();
        b.HasOne(i => i.Initiative).WithMany(i => i.Indicators).HasForeignKey(i => i.InitiativeId);
        b.HasMany(i => i.Departments).WithMany().UsingEntity("IndicatorDepartments");
        b.HasOne(i => i.Predecessor).WithMany().HasForeignKey(i => i.PredecessorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(t => new { t.IndicatorId, t.Kind, t.FiscalYear }).IsUnique();
        b.OwnsOne(t => t.Value, v => v.MapRecordedValue());
        b.Navigation(t => t.Value).IsRequired();
        b.HasOne(t => t.Indicator).WithMany(i => i.Targets).HasForeignKey(t => t.IndicatorId);
    }
}

internal sealed class IndicatorReportConfiguration : IEntityTypeConfiguration<IndicatorReport>
{
    public void Configure(EntityTypeBuilder<IndicatorReport> b)
    {
        b.HasIndex(r => new { r.IndicatorId, r.FiscalYear }).IsUnique();
        b.OwnsOne(r => r.Actual, v => v.MapRecordedValue());
        b.OwnsOne(r => r.Projection, v => v.MapRecordedValue());
        b.Navigation(r => r.Actual).IsRequired();
        b.Navigation(r => r.Projection).IsRequired();
        b.Property(r => r.PrintedTrend).HasMaxLength(20);
        b.Property(r => r.PrintedRating).HasMaxLength(20);
        b.Property(r => r.PrintedInterimReached).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ProjectionMethod).HasConversion<Data.ProjectionMethodConverter>().HasMaxLength(20);
        b.HasOne(r => r.Indicator).WithMany(i => i.Reports).HasForeignKey(r => r.IndicatorId);
        b.HasMany(r => r.ReviewEvents).WithOne(e => e.Report).HasForeignKey(e => e.IndicatorReportId);
        b.HasMany(r => r.CouncilPosts).WithOne(p => p.Report).HasForeignKey(p => p.IndicatorReportId);
        b.HasMany(r => r.Overrides).WithOne().HasForeignKey(o => o.IndicatorReportId);
        b.ComplexProperty(r => r.Evaluation, e =>
        {
            e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Trend).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.Property(x => x.Explanation).HasMaxLength(500);
            e.Property(x => x.PrintedTrendKind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PrintedTrend).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PrintedRatingKind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PrintedRating).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PrintedInterimKind).HasConversion<string>().HasMaxLength(20);
        });
    }
}

internal sealed class RatingOverrideConfiguration : IEntityTypeConfiguration<RatingOverrideRecord>
{
    public void Configure(EntityTypeBuilder<RatingOverrideRecord> b)
    {
        b.ToTable("RatingOverrides");
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Trend).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Rating).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Reason).HasMaxLength(2000);
        b.Property(o => o.By).HasMaxLength(100);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.User).HasMaxLength(100);
        b.Property(a => a.Entity).HasMaxLength(50);
        b.Property(a => a.Field).HasMaxLength(100);
        b.HasIndex(a => new { a.IndicatorId, a.At });
    }
}
