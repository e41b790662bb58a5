using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;

namespace Nolb.Web.Data.Configurations;

public sealed class CommissioningDecisionConfiguration : IEntityTypeConfiguration<CommissioningDecision>
{
    public void Configure(EntityTypeBuilder<CommissioningDecision> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(CommissioningDecision.ReasonLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(CommissioningDecision.DecidedByLength);
        builder.HasOne<Lep>().WithMany().HasForeignKey(d => d.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DeliveryContract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DeliveryContract>().WithMany().HasForeignKey(d => d.FromContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DeliveryContract>().WithMany().HasForeignKey(d => d.ToContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundingAllocation>().WithMany().HasForeignKey(d => d.FromAllocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundingAllocation>().WithMany().HasForeignKey(d => d.ToAllocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(d => d.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.LepId, d.DecidedOn });
    }
}
