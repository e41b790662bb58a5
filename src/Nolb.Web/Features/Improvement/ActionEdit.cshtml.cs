using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>Change an improvement action and record its progress; a save over someone else's newer change is refused.</summary>
[Authorize(Policy = Permissions.Improvement.Manage)]
public sealed class ActionEditModel(ImprovementActionCommands commands) : PageModel
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var action = await commands.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return NotFound();
        }

        Input = ActionForm.From(action);
        ViewData["Choices"] = ActionForm.ChoicesFrom(await commands.EvidenceAsync(action.FeedbackThemes, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.UpdateAsync(id, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The improvement action is saved.";
            return RedirectToPage("Index");
        }

        ViewData["Choices"] = ActionForm.ChoicesFrom(await commands.EvidenceAsync(Input.FeedbackThemes, ct));
        return result.Handle(ModelState) ?? Page();
    }
}
