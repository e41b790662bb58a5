using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(12);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.PreferredName).HasMaxLength(100);
        builder.Property(p => p.NationalInsuranceNumber).HasMaxLength(9);
        builder.Property(p => p.Postcode).HasMaxLength(8);
        builder.Property(p => p.AddressLine).HasMaxLength(300);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(p => p.BenefitsAtStart).ElementType().HasConversion<string>();
        builder.OwnsOne(p => p.Equality);
        builder.OwnsOne(p => p.Circumstances, c => c.Ignore(x => x.InPriorityFamily));
        builder.Navigation(p => p.Equality).IsRequired();
        builder.Navigation(p => p.Circumstances).IsRequired();
        builder.HasOne(p => p.Lep).WithMany().HasForeignKey(p => p.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Consents).WithOne().HasForeignKey(c => c.ParticipantId);
        builder.HasMany(p => p.Engagements).WithOne(e => e.Participant).HasForeignKey(e => e.ParticipantId);
        builder.Ignore(p => p.DisplayName);
        builder.Ignore(p => p.OpenEngagement);
        builder.HasIndex(p => new { p.LepId, p.FamilyName, p.GivenName });
        builder.HasIndex(p => new { p.LepId, p.DateOfBirth });
        builder.HasIndex(p => p.NationalInsuranceNumber);
    }
}

public sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(e => e.FundingStreams).ElementType().HasConversion<string>();
        builder.HasMany(e => e.StageMoves).WithOne().HasForeignKey(m => m.EngagementId);
        builder.HasMany(e => e.Assignments).WithOne().HasForeignKey(a => a.EngagementId);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(e => e.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(e => e.KeyWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.IsOpen);

        // The database keeps the rule too: one open engagement per person.
        builder.HasIndex(e => e.ParticipantId, "IX_Engagements_OneOpenPerParticipant").IsUnique().HasFilter("\"LeftOn\" IS NULL");
        // A person's record loads all their engagements: the partial index above holds only the open one.
        builder.HasIndex(e => e.ParticipantId, "IX_Engagements_ParticipantId");
        builder.HasIndex(e => new { e.LepId, e.KeyWorkerId, e.LeftOn });
        // The indicator engine and the quarterly return read one LEP's records by date (bench/README.md shows the timings).
        builder.HasIndex(e => new { e.LepId, e.StartDate });
    }
}

public sealed class StageMoveConfiguration : IEntityTypeConfiguration<StageMove>
{
    public void Configure(EntityTypeBuilder<StageMove> builder)
    {
        builder.Property(m => m.Reason).HasMaxLength(1000);
        builder.HasIndex(m => new { m.EngagementId, m.Date });
    }
}

public sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> builder) => builder.Property(a => a.Reason).HasMaxLength(1000);
}

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsActive);
        builder.HasIndex(c => new { c.ParticipantId, c.Kind });
    }
}
