using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>Change a contract's terms; a save over someone else's newer change is refused.</summary>
[Authorize(Policy = Permissions.Commissioning.Manage)]
public sealed class EditModel(CommissioningCommands commands) : PageModel
{
    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public string ContractTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var contract = await commands.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return NotFound();
        }

        Input = ContractForm.From(contract);
        ContractTitle = contract.Title;
        ViewData["Choices"] = await ContractForm.ChoicesAsync(commands, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.UpdateContractAsync(id, Input.ToTerms(), null, Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The contract's terms are saved.";
            return RedirectToPage("Contract", new { id });
        }

        ContractTitle = Input.Title ?? "";
        ViewData["Choices"] = await ContractForm.ChoicesAsync(commands, ct);
        return result.Handle(ModelState) ?? Page();
    }
}
