using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;

namespace Nolb.Web.Data.Configurations;

public sealed class LepConfiguration : IEntityTypeConfiguration<Lep>
{
    public void Configure(EntityTypeBuilder<Lep> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(9);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.HasIndex(l => l.Code).IsUnique();
    }
}
