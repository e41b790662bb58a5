namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>What <c>_PlanBody</c> renders: a plan (live or an approved version) and whether change links are shown.</summary>
public sealed record PlanBody(Guid PlanId, PlanSnapshot Snapshot, bool CanEdit);
