using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class InterventionCategoryConfiguration : IEntityTypeConfiguration<InterventionCategory>
{
    public void Configure(EntityTypeBuilder<InterventionCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(CatalogueCodes.CodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(CatalogueCodes.NameLength);
        builder.Property(c => c.Description).HasMaxLength(1000);
        builder.HasMany(c => c.Types).WithOne(t => t.Category).HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InterventionTypeConfiguration : IEntityTypeConfiguration<InterventionType>
{
    public void Configure(EntityTypeBuilder<InterventionType> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(CatalogueCodes.CodeLength);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(CatalogueCodes.NameLength);
    }
}

public sealed class InterventionEntityConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Hours).HasPrecision(7, 2);
        builder.Property(i => i.Notes).HasMaxLength(InterventionRules.NotesLength);
        builder.Property(i => i.QualificationTitle).HasMaxLength(InterventionRules.QualificationTitleLength);
        builder.Property(i => i.QualificationAwardingBody).HasMaxLength(InterventionRules.AwardingBodyLength);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(i => i.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Type).WithMany().HasForeignKey(i => i.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.PartnerOrganisation).WithMany().HasForeignKey(i => i.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(i => i.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.HasQualification);
        builder.HasIndex(i => new { i.EngagementId, i.StartDate });
        // The indicator engine and the quarterly return read one LEP's records by date (bench/README.md shows the timings).
        builder.HasIndex(i => new { i.LepId, i.StartDate });
    }
}
