using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Vacancies;

/// <summary>Change a vacancy, or mark it filled or withdrawn; refused if someone else saved it meanwhile.</summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class EditModel(EmployerCommands commands) : PageModel
{
    [BindProperty]
    public VacancyForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var vacancy = await commands.Vacancies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return NotFound();
        }

        Input = VacancyForm.From(vacancy);
        ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveVacancyAsync(id, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The vacancy is saved.";
            return RedirectToPage("Details", new { id });
        }

        ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);
        return result.Handle(ModelState) ?? Page();
    }
}
