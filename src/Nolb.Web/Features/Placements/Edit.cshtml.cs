using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Placements;

/// <summary>
/// Change a placement of your LEP (dates, hours, pay, how it went); another LEP's is 404, and a save is refused
/// if someone else changed it since it was opened. The person cannot be changed: add a new placement instead.
/// </summary>
[Authorize(Policy = Permissions.Employers.Manage)]
public sealed class EditModel(EmployerCommands commands, NolbDbContext db) : PageModel
{
    [BindProperty]
    public PlacementInput Input { get; set; } = new();

    public string ParticipantReference { get; private set; } = "";

    public sealed class PlacementInput
    {
        public Guid? EmployerId { get; set; }
        public PlacementKind? Kind { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public decimal? HoursPerWeek { get; set; }
        public decimal? WeeklyAllowance { get; set; }
        public decimal? HourlyWage { get; set; }
        public PlacementOutcome? Outcome { get; set; }
        public string? Notes { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var placement = await commands.Placements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (placement is null)
        {
            return NotFound();
        }

        Input = new PlacementInput
        {
            EmployerId = placement.EmployerId,
            Kind = placement.Kind,
            StartDate = placement.StartDate,
            EndDate = placement.EndDate,
            HoursPerWeek = placement.HoursPerWeek,
            WeeklyAllowance = placement.WeeklyAllowance,
            HourlyWage = placement.HourlyWage,
            Outcome = placement.Outcome,
            Notes = placement.Notes,
            Version = placement.Version,
        };
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var result = await commands.SavePlacementAsync(id, new(null, null, i.EmployerId, i.Kind, i.StartDate, i.EndDate, i.HoursPerWeek, i.WeeklyAllowance, i.HourlyWage, i.Outcome, i.Notes), i.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The placement is saved.";
            return RedirectToPage("Index");
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var reference = await commands.Placements.Where(p => p.Id == id)
            .Join(db.Participants, p => p.ParticipantId, person => person.Id, (_, person) => person.Reference)
            .SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return NotFound();
        }

        ParticipantReference = reference;
        ViewData["Employers"] = await VacancyForm.EmployersAsync(commands, ct);
        return null;
    }
}
