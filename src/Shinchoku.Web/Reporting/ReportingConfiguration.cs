using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting;

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
