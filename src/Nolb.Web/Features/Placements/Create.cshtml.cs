using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Placements;

/// <summary>Add a placement for a person (by their reference) with one of your LEP's employers.</summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class CreateModel(EmployerCommands commands) : PageModel
{
    [BindProperty]
    public PlacementInput Input { get; set; } = new();

    public sealed class PlacementInput
    {
        public string? ParticipantReference { get; set; }
        public Guid? EmployerId { get; set; }
        public PlacementKind? Kind { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public decimal? HoursPerWeek { get; set; }
        public decimal? WeeklyAllowance { get; set; }
        public decimal? HourlyWage { get; set; }
        public string? Notes { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var result = await commands.SavePlacementAsync(null, new(null, i.ParticipantReference, i.EmployerId, i.Kind, i.StartDate, i.EndDate, i.HoursPerWeek, i.WeeklyAllowance, i.HourlyWage, null, i.Notes), null, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The placement is added.";
            return RedirectToPage("Index");
        }

        ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);
        return result.Handle(ModelState) ?? Page();
    }
}
