using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolb.Web.Domain.DeliveryPlans;

namespace Nolb.Web.Data.Configurations;

public sealed class ServiceDeliveryRequirementConfiguration : IEntityTypeConfiguration<ServiceDeliveryRequirement>
{
    public void Configure(EntityTypeBuilder<ServiceDeliveryRequirement> builder)
    {
        builder.Property(r => r.TargetGroup).HasMaxLength(200);
        builder.Property(r => r.Rationale).HasMaxLength(ServiceDeliveryRequirement.MaxTextLength);
        builder.Property(r => r.DeliveryMethod).HasMaxLength(ServiceDeliveryRequirement.MaxTextLength);
        builder.Property(r => r.OutcomeExpected).HasMaxLength(ServiceDeliveryRequirement.MaxTextLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(r => r.SourcesOfInvestment).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(r => r.PolicyDrivers).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(r => r.DeliveryPartnerIds);
        builder.HasIndex(r => new { r.PlanId, r.Position });
    }
}
