using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>Change a goal or action, or its status. A save over someone else's newer change is refused, not silently applied.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class EditModel(EngagementCases cases, ActionPlanCommands commands, NolbDbContext db) : PageModel
{
    [BindProperty]
    public ItemForm Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null)
        {
            return denied;
        }

        var item = (await commands.PlanAsync(id, ct))?.Items.SingleOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return NotFound();
        }

        Input = ItemForm.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.UpdateItemAsync(id, itemId, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The action is updated.";
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

        Heading = found.Heading("Change an action");
        ViewData["Organisations"] = await ItemForm.OrganisationsAsync(db, found.Engagement.LepId, ct);
        return null;
    }
}
