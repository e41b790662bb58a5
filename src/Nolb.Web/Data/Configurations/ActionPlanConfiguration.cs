using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Data.Configurations;

public sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.ReviewDate);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(p => p.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(p => p.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ActionPlanId).OnDelete(DeleteBehavior.Cascade);

        // One plan per engagement.
        builder.HasIndex(p => p.EngagementId).IsUnique();
        builder.HasIndex(p => new { p.LepId, p.ReviewDate });
    }
}
