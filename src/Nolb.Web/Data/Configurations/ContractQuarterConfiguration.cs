using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Commissioning;

namespace Nolb.Web.Data.Configurations;

public sealed class ContractQuarterConfiguration : IEntityTypeConfiguration<ContractQuarter>
{
    public void Configure(EntityTypeBuilder<ContractQuarter> builder)
    {
        builder.ToTable("ContractProfileQuarters");
        builder.Ignore(q => q.Quarter);
        builder.HasIndex(q => new { q.ContractId, q.FinancialYear, q.QuarterNumber }).IsUnique();
    }
}
