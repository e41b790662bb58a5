using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Measurement;

namespace Nolb.Web.Data.Configurations;

public sealed class ReferenceDatasetConfiguration : IEntityTypeConfiguration<ReferenceDataset>
{
    public void Configure(EntityTypeBuilder<ReferenceDataset> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Source).HasMaxLength(ReferenceDataset.MaxSourceLength);
        builder.Property(d => d.LoadedBy).HasMaxLength(256);

        // One current dataset of each kind: a second load at the same moment fails instead of leaving two.
        builder.HasIndex(d => d.Kind).IsUnique();
    }
}

public sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> builder)
    {
        builder.Property(p => p.Dimension).HasMaxLength(40);
        builder.Property(p => p.Group).HasMaxLength(100);
        builder.HasOne<ReferenceDataset>().WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lep>().WithMany().HasForeignKey(p => p.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.LepId, p.Dimension, p.Group }).IsUnique();
        builder.HasIndex(p => p.DatasetId);
    }
}

public sealed class SimdPostcodeConfiguration : IEntityTypeConfiguration<SimdPostcode>
{
    public void Configure(EntityTypeBuilder<SimdPostcode> builder)
    {
        // The postcode is the key, so the measurement query finds a participant's quintile by an index seek.
        builder.HasKey(s => s.Postcode);
        builder.Property(s => s.Postcode).HasMaxLength(8);
        builder.Property(s => s.DataZone).HasMaxLength(9);
        builder.HasOne<ReferenceDataset>().WithMany().HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.DatasetId);
    }
}

public sealed class StatisticsPublicationConfiguration : IEntityTypeConfiguration<StatisticsPublication>
{
    public void Configure(EntityTypeBuilder<StatisticsPublication> builder)
    {
        builder.Property(p => p.Quarter).HasMaxLength(7);
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Property(p => p.PreparedBy).HasMaxLength(256);

        // Two analysts publishing the same quarter at once: the second insert fails rather than taking the same number.
        builder.HasIndex(p => new { p.Quarter, p.Number }).IsUnique();
    }
}

public sealed class StatisticsDraftConfiguration : IEntityTypeConfiguration<StatisticsDraft>
{
    public void Configure(EntityTypeBuilder<StatisticsDraft> builder)
    {
        builder.Property(d => d.Quarter).HasMaxLength(7);
        builder.Property(d => d.PreparedBy).HasMaxLength(256);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.Property(d => d.Reason).HasMaxLength(StatisticsDraft.MaxReasonLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);

        // Two approvals of the same draft at once: the second save finds the version changed and publishes nothing.
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Quarter, d.Status });
    }
}
