using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;

namespace Nolb.Web.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Lep).WithMany().HasForeignKey(o => o.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.LepId, o.Name }).IsUnique();
    }
}
