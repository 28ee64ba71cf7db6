using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Council;

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
        b.Property(p => p.HiddenReason).HasMaxLength(1000);
        b.Property(p => p.HiddenBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.IndicatorReportId, p.At });
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.CouncilPostId);
    }
}

internal sealed class CouncilPostRevisionConfiguration : IEntityTypeConfiguration<Council.CouncilPostRevision>
{
    public void Configure(EntityTypeBuilder<Council.CouncilPostRevision> b) => b.Property(r => r.Text).HasMaxLength(8000);
}
