using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Improvement;

namespace Nolb.Web.Data.Configurations;

public sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.ReviewComment).HasMaxLength(SelfAssessment.MaxCommentLength);

        // The ratings are read and written with their assessment, never on their own: one JSON column.
        builder.OwnsMany(a => a.Ratings, r =>
        {
            r.ToJson();
            r.Property(x => x.Code).HasMaxLength(16);
            r.Property(x => x.Evidence).HasMaxLength(SelfAssessmentRating.MaxEvidenceLength);
        });
        builder.HasOne<Lep>().WithMany().HasForeignKey(a => a.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.LepId, a.Framework, a.FinancialYear, a.OrganisationId });
    }
}

public sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(ImprovementAction.MaxActionLength);
        builder.Property(a => a.Owner).HasMaxLength(ImprovementAction.MaxOwnerLength);
        builder.Property(a => a.Progress).HasMaxLength(ImprovementAction.MaxProgressLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(a => a.FeedbackThemes);
        builder.PrimitiveCollection(a => a.IndicatorCodes);
        builder.PrimitiveCollection(a => a.StandardCodes);
        builder.HasOne<Lep>().WithMany().HasForeignKey(a => a.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.LepId, a.DueDate });
    }
}
