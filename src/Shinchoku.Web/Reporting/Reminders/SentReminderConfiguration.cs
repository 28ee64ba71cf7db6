using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Reminders;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<Reporting.Reminders.SentReminder>
{
    public void Configure(EntityTypeBuilder<Reporting.Reminders.SentReminder> b)
    {
        b.Property(r => r.Rule).HasMaxLength(50);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Email).HasMaxLength(256);
        b.HasIndex(r => new { r.CycleId, r.Rule, r.UserId }).IsUnique();
        b.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId);
    }
}
