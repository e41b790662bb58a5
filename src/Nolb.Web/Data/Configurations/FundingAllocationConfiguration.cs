using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Commissioning;

namespace Nolb.Web.Data.Configurations;

public sealed class FundingAllocationConfiguration : IEntityTypeConfiguration<FundingAllocation>
{
    public void Configure(EntityTypeBuilder<FundingAllocation> builder)
    {
        builder.Property(a => a.Notes).HasMaxLength(FundingAllocation.NotesLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Year);
        builder.HasOne<Lep>().WithMany().HasForeignKey(a => a.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.LepId, a.Stream, a.FinancialYear }).IsUnique();
    }
}
