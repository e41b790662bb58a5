using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;

namespace Nolb.Web.Data.Configurations;

public sealed class DeliveryContractConfiguration : IEntityTypeConfiguration<DeliveryContract>
{
    public void Configure(EntityTypeBuilder<DeliveryContract> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(DeliveryContract.TitleLength);
        builder.Property(c => c.Description).HasMaxLength(DeliveryContract.TextLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(c => c.ServiceIds);
        builder.Ignore(c => c.Quarters);
        builder.Ignore(c => c.SpendRecorded);
        builder.HasOne<Lep>().WithMany().HasForeignKey(c => c.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PartnerOrganisation).WithMany().HasForeignKey(c => c.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Profile).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Spend).WithOne().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LepId, c.StartDate });
        builder.HasIndex(c => c.PartnerOrganisationId);
    }
}
