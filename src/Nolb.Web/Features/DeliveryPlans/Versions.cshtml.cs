using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// The approved versions of a plan, each readable as approved, and what changed: a version against the one before
/// it, or the current draft against the latest approved version.
/// </summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class VersionsModel(PlanCommands commands) : PageModel
{
    public DeliveryPlan? Plan { get; private set; }
    public PlanVersion? Shown { get; private set; }
    public PlanSnapshot? ShownSnapshot { get; private set; }
    public PlanDifference? Difference { get; private set; }
    public string? DifferenceTitle { get; private set; }

    // A version number shows that version compared with the one before it; none compares the draft with the latest version.
    public async Task<IActionResult> OnGetAsync(Guid id, int? number, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        var versions = Plan.Versions.OrderBy(v => v.Number).ToList();
        if (number is not null)
        {
            Shown = versions.SingleOrDefault(v => v.Number == number);
            if (Shown is null)
            {
                return NotFound();
            }

            ShownSnapshot = PlanSnapshot.FromJson(Shown.Snapshot);
            var previous = versions.LastOrDefault(v => v.Number < Shown.Number);
            if (previous is not null)
            {
                Difference = PlanDiff.Compare(PlanSnapshot.FromJson(previous.Snapshot), ShownSnapshot);
                DifferenceTitle = $"What changed from version {previous.Number} to version {Shown.Number}";
            }
        }
        else if (versions.Count > 0 && Plan.Status != PlanStatus.Approved)
        {
            var latest = versions[^1];
            Difference = PlanDiff.Compare(PlanSnapshot.FromJson(latest.Snapshot), await commands.SnapshotAsync(Plan, ct));
            DifferenceTitle = $"What the current draft changes from version {latest.Number}";
        }

        return Page();
    }
}
