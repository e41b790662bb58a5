using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>Set the date the plan is next reviewed with the person. A review shows as due from that date.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class ReviewModel(EngagementCases cases, ActionPlanCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }

    public sealed class ReviewInput
    {
        public DateOnly? ReviewDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        Input.ReviewDate = (await commands.PlanAsync(id, ct))?.ReviewDate is { } current && current > Today
            ? current
            : Today.AddDays(28);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SetReviewDateAsync(id, Input.ReviewDate, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"The plan will be reviewed on {PlanLabels.LongDate(result.Value!.ReviewDate!.Value)}.";
            return RedirectToPage("Index", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.FindAsync(id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.CanEdit)
        {
            return Forbid();
        }

        Heading = found.Heading("Set the plan review date");
        return null;
    }
}
