using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>Add an action to the LEP's improvement action plan, linked to the evidence it answers.</summary>
[Authorize(Policy = Permissions.Improvement.Manage)]
public sealed class ActionCreateModel(ImprovementActionCommands commands) : PageModel
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Choices"] = ActionForm.ChoicesFrom(await commands.EvidenceAsync(null, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CreateAsync(Input.ToDetails(), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The improvement action is added.";
            return RedirectToPage("Index");
        }

        ViewData["Choices"] = ActionForm.ChoicesFrom(await commands.EvidenceAsync(null, ct));
        return result.Handle(ModelState) ?? Page();
    }
}
