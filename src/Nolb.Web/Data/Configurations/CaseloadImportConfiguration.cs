using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.CaseloadImport;

namespace Nolb.Web.Data.Configurations;

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Failure).HasMaxLength(2000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Lep>().WithMany().HasForeignKey(r => r.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.LepId, r.CreatedAt });
    }
}

public sealed class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(300);
        builder.Property(r => r.Hash).HasMaxLength(64);
        builder.HasIndex(r => new { r.LepId, r.Kind, r.Reference }).IsUnique();
    }
}
