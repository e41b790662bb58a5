using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Voice;

namespace Nolb.Web.Data.Configurations;

public sealed class CharterCommitmentConfiguration : IEntityTypeConfiguration<CharterCommitment>
{
    /// <summary>
    /// The national commitments. Seed 002 names the Customer Charter but does not give its text, so these are
    /// paraphrased from the published charter's themes; administrators replace them with the official wording.
    /// </summary>
    public static readonly (Guid Id, string Text)[] National =
    [
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000001"), "We treat you with dignity and respect"),
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000002"), "We listen to you and build your support around what you need"),
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000003"), "We explain clearly what support there is and what happens next"),
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000004"), "We make a plan with you and review it with you"),
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000005"), "We help you get other support you need, such as health, housing or money advice"),
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000006"), "We keep your information safe and ask before we share it"),
        (new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000007"), "We keep supporting you when you start work"),
    ];

    public void Configure(EntityTypeBuilder<CharterCommitment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(CharterCommitment.MaxTextLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Lep>().WithMany().HasForeignKey(c => c.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.LepId, c.Order });
        builder.HasData(National.Select((c, i) => new CharterCommitment
        {
            Id = c.Id,
            LepId = null,
            Order = i + 1,
            Text = c.Text,
            Active = true,
            Version = c.Id,
        }));
    }
}

public sealed class FeedbackResponseConfiguration : IEntityTypeConfiguration<FeedbackResponse>
{
    public void Configure(EntityTypeBuilder<FeedbackResponse> builder)
    {
        builder.Property(r => r.Period).HasMaxLength(16);
        builder.Property(r => r.Improvement).HasMaxLength(FeedbackResponse.MaxImprovementLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(r => r.Themes);
        builder.HasOne<Lep>().WithMany().HasForeignKey(r => r.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Participants.Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Ratings).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.LepId, r.Period });
        builder.HasIndex(r => new { r.EngagementId, r.Point });
    }
}

public sealed class FeedbackRatingConfiguration : IEntityTypeConfiguration<FeedbackRating>
{
    public void Configure(EntityTypeBuilder<FeedbackRating> builder)
    {
        builder.HasOne<CharterCommitment>().WithMany().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Satisfied);
    }
}
