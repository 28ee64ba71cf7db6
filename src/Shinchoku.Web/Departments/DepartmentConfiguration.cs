using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Departments;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(100);
        b.HasIndex(d => new { d.OrganizationId, d.Name }).IsUnique();
        b.HasOne(d => d.Organization).WithMany(o => o.Departments).HasForeignKey(d => d.OrganizationId);
    }
}
