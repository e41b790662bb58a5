using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>Add an employer to your LEP's list.</summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class CreateModel(EmployerCommands commands) : PageModel
{
    [BindProperty]
    public EmployerForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveEmployerAsync(null, Input.ToDetails(), null, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"{result.Value!.Name} is added.";
            return RedirectToPage("Details", new { id = result.Value.Id });
        }

        return result.Handle(ModelState) ?? Page();
    }
}
