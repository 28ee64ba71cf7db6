using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Data.Configurations;

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

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> b)
    {
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.PlanId, c.FiscalYear }).IsUnique();
        b.HasOne(c => c.Plan).WithMany().HasForeignKey(c => c.PlanId);
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
        b.HasOne(r => r.Indicator).WithMany(i => i.Reports).HasForeignKey(r => r.IndicatorId);
        b.HasMany(r => r.ReviewEvents).WithOne(e => e.Report).HasForeignKey(e => e.IndicatorReportId);
        b.HasMany(r => r.CouncilPosts).WithOne(p => p.Report).HasForeignKey(p => p.IndicatorReportId);
        b.HasMany(r => r.Overrides).WithOne().HasForeignKey(o => o.IndicatorReportId);
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

internal sealed class ReviewEventConfiguration : IEntityTypeConfiguration<Reporting.ReviewEvent>
{
    public void Configure(EntityTypeBuilder<Reporting.ReviewEvent> b)
    {
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.By).HasMaxLength(100);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.HasIndex(e => new { e.IndicatorReportId, e.At });
    }
}

internal sealed class CouncilMeetingConfiguration : IEntityTypeConfiguration<Council.CouncilMeeting>
{
    public void Configure(EntityTypeBuilder<Council.CouncilMeeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Members).HasMaxLength(4000);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Advice).HasMaxLength(20000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne(m => m.Plan).WithMany().HasForeignKey(m => m.PlanId);
        b.HasOne(m => m.Cycle).WithMany().HasForeignKey(m => m.CycleId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(m => m.Materials).WithOne().HasForeignKey(x => x.MeetingId);
    }
}

internal sealed class MeetingMaterialConfiguration : IEntityTypeConfiguration<Council.MeetingMaterial>
{
    public void Configure(EntityTypeBuilder<Council.MeetingMaterial> b)
    {
        b.Property(m => m.FileName).HasMaxLength(255);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.AttachedBy).HasMaxLength(100);
    }
}

internal sealed class CouncilPostConfiguration : IEntityTypeConfiguration<Council.CouncilPost>
{
    public void Configure(EntityTypeBuilder<Council.CouncilPost> b)
    {
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Text).HasMaxLength(8000);
        b.Property(p => p.By).HasMaxLength(100);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasOne(p => p.Meeting).WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.IndicatorReportId, p.At });
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<Reminders.SentReminder>
{
    public void Configure(EntityTypeBuilder<Reminders.SentReminder> b)
    {
        b.Property(r => r.Rule).HasMaxLength(50);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Email).HasMaxLength(256);
        b.HasIndex(r => new { r.CycleId, r.Rule, r.UserId }).IsUnique();
        b.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId);
    }
}
