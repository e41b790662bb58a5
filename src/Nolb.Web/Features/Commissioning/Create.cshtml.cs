using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>Add a grant or contract with a delivery partner; the quarterly profile is set next.</summary>
[Authorize(Policy = Permissions.Commissioning.Manage)]
public sealed class CreateModel(CommissioningCommands commands) : PageModel
{
    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Choices"] = await ContractForm.ChoicesAsync(commands, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CreateContractAsync(Input.ToTerms(), null, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"{result.Value!.Title} is added. Now set its quarterly profile of starts, job outcomes and spend.";
            return RedirectToPage("Profile", new { id = result.Value.Id });
        }

        ViewData["Choices"] = await ContractForm.ChoicesAsync(commands, ct);
        return result.Handle(ModelState) ?? Page();
    }
}
