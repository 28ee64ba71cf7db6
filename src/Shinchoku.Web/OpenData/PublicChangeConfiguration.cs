using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shinchoku.Web.OpenData;

internal sealed class PublicChangeConfiguration : IEntityTypeConfiguration<PublicChange>
{
    public void Configure(EntityTypeBuilder<PublicChange> builder)
    {
        builder.Property(c => c.What).HasMaxLength(200);
    }
}
