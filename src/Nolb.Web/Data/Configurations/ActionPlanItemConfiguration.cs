using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.ActionPlans;

namespace Nolb.Web.Data.Configurations;

public sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> builder)
    {
        builder.Property(i => i.Goal).HasMaxLength(ActionPlanItem.MaxGoalLength);
        builder.Property(i => i.Action).HasMaxLength(ActionPlanItem.MaxActionLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Lep>().WithMany().HasForeignKey(i => i.LepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.NolbUser>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.IsOpen);
        builder.HasIndex(i => new { i.ActionPlanId, i.Status, i.DueDate });
    }
}
