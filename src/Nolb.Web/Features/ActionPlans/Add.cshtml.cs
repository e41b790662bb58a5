using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>Add a goal and action to the person's plan.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class AddModel(EngagementCases cases, ActionPlanCommands commands, NolbDbContext db) : PageModel
{
    [BindProperty]
    public ItemForm Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AddItemAsync(id, Input.ToDetails(), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The action is added to the plan.";
            return RedirectToPage("Index", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

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

        Heading = found.Heading("Add an action");
        ViewData["Organisations"] = await ItemForm.OrganisationsAsync(db, found.Engagement.LepId, ct);
        return null;
    }
}
