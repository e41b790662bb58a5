using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Employers;

namespace Nolb.Web.Data.Configurations;

public sealed class OccupationUnitGroupConfiguration : IEntityTypeConfiguration<OccupationUnitGroup>
{
    public void Configure(EntityTypeBuilder<OccupationUnitGroup> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(4);
        builder.Property(o => o.Title).HasMaxLength(OccupationUnitGroup.TitleLength);
    }
}

public sealed class OccupationListLoadConfiguration : IEntityTypeConfiguration<OccupationListLoad>
{
    public void Configure(EntityTypeBuilder<OccupationListLoad> builder)
    {
        builder.Property(o => o.Source).HasMaxLength(OccupationListLoad.SourceLength);
        builder.HasIndex(o => o.LoadedAt);
    }
}
