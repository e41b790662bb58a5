using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Incentives;

/// <summary>
/// One application: each minimum standard met or not and why, the decision (an approval of a job that fails a
/// standard needs the override reason), and the stage payments with a button to record each once due.
/// </summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class DetailsModel(IncentiveCommands commands, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public IncentiveApplication? Application { get; private set; }
    public IReadOnlyList<StandardCheck> Checks { get; private set; } = [];
    public bool CanDecide { get; private set; }
    public DateOnly Today { get; private set; }

    public sealed class DecisionInput
    {
        public IncentiveCommands.Decision? Decision { get; set; }
        public string? Reason { get; set; }
        public DateOnly? PaidOn { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.DecideAsync(id, Input.Decision, Input.Reason, Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"The application is {result.Value!.Status.ToString().ToLowerInvariant()}.";
            return RedirectToPage("Details", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id, Guid paymentId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.RecordPaymentAsync(id, paymentId, Input.PaidOn ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The payment is recorded.";
            return RedirectToPage("Details", new { id });
        }

        return result.Handle(ModelState, _ => "") ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Application = await commands.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (Application is null)
        {
            return NotFound();
        }

        Checks = Application.Checks(Application.Scheme!);
        CanDecide = currentUser.Has(Permissions.Employers.ApproveIncentives);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Input.Version = Application.Version;
        return null;
    }
}
