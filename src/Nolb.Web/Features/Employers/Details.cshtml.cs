using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>One employer: details, Fair Work commitments, vacancies and the engagement log, with a form to log more.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class DetailsModel(EmployerCommands commands, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public Employer? Employer { get; private set; }
    public IReadOnlyList<Vacancy> Vacancies { get; private set; } = [];
    public bool CanManage { get; private set; }

    public sealed class ActivityInput
    {
        public DateOnly? Date { get; set; }
        public EmployerActivityKind? Kind { get; set; }
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AddActivityAsync(id, Input.Date, Input.Kind, Input.Notes, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The activity is logged.";
            return RedirectToPage("Details", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Employer = await commands.Employers.Include(e => e.Activities).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (Employer is null)
        {
            return NotFound();
        }

        Vacancies = await commands.Vacancies.AsNoTracking().Where(v => v.EmployerId == id).OrderBy(v => v.Title).ToListAsync(ct);
        CanManage = currentUser.Has(Permissions.Employers.Manage);
        return null;
    }
}
