using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Accounts;

namespace Shinchoku.Web.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Subject).HasMaxLength(100);
        b.Property(n => n.Event).HasMaxLength(100);
        b.Property(n => n.Title).HasMaxLength(500);
        b.Property(n => n.Detail).HasMaxLength(8000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.Mail).HasConversion<string>().HasMaxLength(20);
        // Each notification once: two requests that trigger the same one insert the same key, and only one insert succeeds.
        b.HasIndex(n => new { n.UserId, n.Kind, n.Subject, n.Event }).IsUnique();
        b.HasIndex(n => n.Mail);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(n => new { n.UserId, n.Kind }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
