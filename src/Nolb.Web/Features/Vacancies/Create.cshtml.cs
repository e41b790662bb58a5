using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Vacancies;

/// <summary>Add a vacancy for one of your LEP's employers.</summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class CreateModel(EmployerCommands commands) : PageModel
{
    [BindProperty]
    public VacancyForm Input { get; set; } = new();

    public async Task OnGetAsync(Guid? employerId, CancellationToken ct)
    {
        Input.EmployerId = employerId;
        ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveVacancyAsync(null, Input.ToDetails(), null, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The vacancy is added.";
            return RedirectToPage("Details", new { id = result.Value!.Id });
        }

        ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);
        return result.Handle(ModelState) ?? Page();
    }
}
