using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Incentives;

/// <summary>Apply for a recruitment incentive for a person's job; it is checked against the LEP's scheme for the year the job starts.</summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class CreateModel(IncentiveCommands commands, EmployerCommands employers) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public sealed class ApplicationInput
    {
        public string? ParticipantReference { get; set; }
        public Guid? EmployerId { get; set; }
        public string? JobTitle { get; set; }
        public DateOnly? StartDate { get; set; }
        public decimal? HourlyPay { get; set; }
        public decimal? HoursPerWeek { get; set; }
        public ContractType? Contract { get; set; }
        public int? ContractMonths { get; set; }
        public bool NoDisplacementConfirmed { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Employers"] = await VacancyForm.EmployersAsync(employers, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var result = await commands.ApplyAsync(new(null, i.ParticipantReference, i.EmployerId, i.JobTitle, i.StartDate, i.HourlyPay, i.HoursPerWeek, i.Contract, i.ContractMonths, i.NoDisplacementConfirmed), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The application is made. Check it against the minimum standards below.";
            return RedirectToPage("Details", new { id = result.Value!.Id });
        }

        ViewData["Employers"] = await VacancyForm.EmployersAsync(employers, ct);
        return result.Handle(ModelState) ?? Page();
    }
}
