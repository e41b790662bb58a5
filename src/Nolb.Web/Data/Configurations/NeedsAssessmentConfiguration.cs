using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class NeedsAssessmentConfiguration : IEntityTypeConfiguration<NeedsAssessment>
{
    public void Configure(EntityTypeBuilder<NeedsAssessment> builder)
    {
        builder.Property(a => a.Strengths).HasMaxLength(NeedsAssessment.MaxTextLength);
        builder.Property(a => a.Aspirations).HasMaxLength(NeedsAssessment.MaxTextLength);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(a => a.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(a => a.AssessedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.NeedsAssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.EngagementId, a.AssessedOn });
        // The indicator engine and the quarterly return read one LEP's records by date (bench/README.md shows the timings).
        builder.HasIndex(a => new { a.LepId, a.AssessedOn });
    }
}
