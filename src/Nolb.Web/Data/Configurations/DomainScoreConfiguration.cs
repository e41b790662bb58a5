using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.Assessments;

namespace Nolb.Web.Data.Configurations;

public sealed class DomainScoreConfiguration : IEntityTypeConfiguration<DomainScore>
{
    public void Configure(EntityTypeBuilder<DomainScore> builder)
    {
        // The 1–5 scale is kept by the database too, whatever writes to it.
        builder.ToTable("DomainScores", t => t.HasCheckConstraint("CK_DomainScores_Score", "\"Score\" BETWEEN 1 AND 5"));
        builder.HasIndex(s => new { s.NeedsAssessmentId, s.Domain }).IsUnique();
    }
}
