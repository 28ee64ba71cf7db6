using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Code).HasMaxLength(6);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.EmblemPath).HasMaxLength(Organization.LineMaxLength);
        b.Property(o => o.ContactDepartment).HasMaxLength(200);
        b.Property(o => o.ContactPhone).HasMaxLength(50);
        b.Property(o => o.ContactEmail).HasMaxLength(200);
        b.Property(o => o.ContactAddress).HasMaxLength(Organization.LineMaxLength);
        b.Property(o => o.AccessibilityTarget).HasMaxLength(Organization.LineMaxLength);
        b.Property(o => o.AccessibilityPolicy).HasMaxLength(Organization.TextMaxLength);
        b.Property(o => o.PrivacyPolicy).HasMaxLength(Organization.TextMaxLength);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Key).HasMaxLength(100);
        b.HasIndex(p => p.Key).IsUnique();
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.VersionLabel).HasMaxLength(20);
        b.Property(p => p.IssuedLabel).HasMaxLength(50);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.Organization).WithMany(o => o.Plans).HasForeignKey(p => p.OrganizationId);
        b.HasOne(p => p.Predecessor).WithMany().HasForeignKey(p => p.PredecessorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanNodeConfiguration : IEntityTypeConfiguration<PlanNode>
{
    public void Configure(EntityTypeBuilder<PlanNode> b)
    {
        b.Property(n => n.Key).HasMaxLength(100);
        b.HasIndex(n => new { n.PlanId, n.Key }).IsUnique();
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Label).HasMaxLength(20);
        b.Property(n => n.Title).HasMaxLength(500);
        b.HasOne(n => n.Plan).WithMany(p => p.Nodes).HasForeignKey(n => n.PlanId);
        b.HasOne(n => n.Parent).WithMany(n => n.Children).HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(n => n.DisplayTitle);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(i => i.Key).HasMaxLength(100);
        b.HasIndex(i => new { i.PlanId, i.Key }).IsUnique();
        b.Property(i => i.Title).HasMaxLength(500);
        b.HasOne(i => i.Plan).WithMany(p => p.Initiatives).HasForeignKey(i => i.PlanId);
        b.HasMany(i => i.Players).WithMany(p => p.Initiatives).UsingEntity("InitiativePlayers");
    }
}

internal sealed class InitiativePlacementConfiguration : IEntityTypeConfiguration<InitiativePlacement>
{
    public void Configure(EntityTypeBuilder<InitiativePlacement> b)
    {
        b.HasIndex(p => new { p.InitiativeId, p.NodeId }).IsUnique();
        b.Property(p => p.Title).HasMaxLength(500);
        b.Ignore(p => p.DisplayTitle);
        b.HasOne(p => p.Initiative).WithMany(i => i.Placements).HasForeignKey(p => p.InitiativeId);
        b.HasOne(p => p.Node).WithMany(n => n.Placements).HasForeignKey(p => p.NodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlayerConfiguration : IEntityTypeConfiguration<Player>
{
    public void Configure(EntityTypeBuilder<Player> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
    }
}
