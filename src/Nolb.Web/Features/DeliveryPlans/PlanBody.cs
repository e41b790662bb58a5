using Nolb.Web.Features.Commissioning;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// What <c>_PlanBody</c> renders: a plan (live or an approved version), whether change links are shown, and, for a reader
/// who manages commissioning, the contracts delivering each Annex 2 row (null hides that column, as in an approved version).
/// </summary>
public sealed record PlanBody(Guid PlanId, PlanSnapshot Snapshot, bool CanEdit, IReadOnlyDictionary<Guid, IReadOnlyList<DeliveringContract>>? Delivery = null);
