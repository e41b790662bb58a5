using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.Web.Data.Configurations;

public sealed class DirectoryServiceConfiguration : IEntityTypeConfiguration<DirectoryService>
{
    public void Configure(EntityTypeBuilder<DirectoryService> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.EligibilityDescription).HasMaxLength(1000);
        builder.Property(s => s.Cost).HasMaxLength(300);
        builder.Property(s => s.ReferralMethod).HasMaxLength(1000);
        builder.Property(s => s.ContactName).HasMaxLength(200);
        builder.Property(s => s.ContactEmail).HasMaxLength(256);
        builder.Property(s => s.ContactPhone).HasMaxLength(30);
        builder.Property(s => s.Website).HasMaxLength(300);
        builder.Property(s => s.FundingSource).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(s => s.TargetGroups).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(s => s.Stages).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(s => s.InterventionTypes);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Lep).WithMany().HasForeignKey(s => s.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Schedules).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsNational);
        builder.HasIndex(s => new { s.LepId, s.Name });
    }
}

public sealed class ServiceLocationConfiguration : IEntityTypeConfiguration<ServiceLocation>
{
    public void Configure(EntityTypeBuilder<ServiceLocation> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.AddressLine).HasMaxLength(300);
        builder.Property(l => l.Town).HasMaxLength(100);
        builder.Property(l => l.Postcode).HasMaxLength(8);
        builder.HasIndex(l => l.LinkId).IsUnique();
    }
}

public sealed class ServiceScheduleConfiguration : IEntityTypeConfiguration<ServiceSchedule>
{
    public void Configure(EntityTypeBuilder<ServiceSchedule> builder)
    {
        builder.Property(s => s.ByDay).HasMaxLength(40);
        builder.Property(s => s.Description).HasMaxLength(500);
    }
}
