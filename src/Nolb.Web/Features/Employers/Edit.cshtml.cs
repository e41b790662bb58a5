using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>Change an employer's details; refused if someone else saved it since the form was opened.</summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class EditModel(EmployerCommands commands) : PageModel
{
    [BindProperty]
    public EmployerForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var employer = await commands.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null)
        {
            return NotFound();
        }

        Input = EmployerForm.From(employer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveEmployerAsync(id, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The employer's details are saved.";
            return RedirectToPage("Details", new { id });
        }

        return result.Handle(ModelState) ?? Page();
    }
}
