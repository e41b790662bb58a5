using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Commissioning;

namespace Nolb.Web.Data.Configurations;

public sealed class ContractSpendConfiguration : IEntityTypeConfiguration<ContractSpend>
{
    public void Configure(EntityTypeBuilder<ContractSpend> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(DeliveryContract.TextLength);
        builder.Ignore(s => s.Quarter);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(s => s.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ContractId, s.FinancialYear, s.QuarterNumber }).IsUnique();
    }
}
