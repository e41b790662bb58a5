using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>The person's action plan: goals and actions, who does them, by when, how they are going; overdue actions and the review date. Every view is audited.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class IndexModel(EngagementCases cases, ActionPlanCommands commands, TimeProvider clock) : PageModel
{
    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public Guid EngagementId { get; private set; }
    public bool CanEdit { get; private set; }
    public ActionPlan? Plan { get; private set; }
    public DateOnly Today { get; private set; }

    public IEnumerable<ActionPlanItem> Items => Plan?.Items
        .OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.DueDate ?? DateOnly.MaxValue).ThenBy(i => i.CreatedAt) ?? Enumerable.Empty<ActionPlanItem>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.ReadAsync(id, ActionPlanCommands.AuditedAs, ct);
        if (found is null)
        {
            return NotFound();
        }

        Heading = found.Heading("Action plan");
        EngagementId = id;
        CanEdit = found.CanEdit && found.Engagement.IsOpen;
        Plan = await commands.PlanAsync(id, ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }
}
