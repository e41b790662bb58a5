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
        // Restrict: a contract's link to the Annex 2 row it delivers is the commissioning trail of the plan, so the row
        // cannot be deleted while a contract delivers it (the plan pages refuse it with a message naming the contracts).
        builder.HasOne<Domain.DeliveryPlans.ServiceDeliveryRequirement>().WithMany().HasForeignKey(c => c.ServiceDeliveryRequirementId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Profile).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Spend).WithOne().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LepId, c.StartDate });
        builder.HasIndex(c => c.PartnerOrganisationId);
        builder.HasIndex(c => c.ServiceDeliveryRequirementId);
    }
}
