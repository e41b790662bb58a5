using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>Record a sustainment check: is the person still in the job, and how do you know. Refused if someone recorded it meanwhile.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class CheckModel(OutcomeCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CheckInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public Outcome? Job { get; private set; }
    public SustainmentCheck? Due { get; private set; }

    public sealed class CheckInput
    {
        public SustainmentResult? Result { get; set; }
        public SustainmentEvidence? Evidence { get; set; }
        public DateOnly? CheckedOn { get; set; }
        public string? Notes { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var failure = await LoadAsync(id, ct);
        if (failure is not null)
        {
            return failure;
        }

        Input.CheckedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Input.Version = Due!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.RecordCheckAsync(id, Input.Result, Input.Evidence, Input.CheckedOn, Input.Notes, Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"The {(int)result.Value!.Point}-week check is recorded: {result.Value.Result!.Value.Label().ToLowerInvariant()}.";
            return RedirectToPage("Index", new { id = Job?.EngagementId ?? (await commands.CheckAsync(id, ct)).Outcome!.EngagementId });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (check, outcome, found) = await commands.CheckAsync(id, ct);
        if (check is null || found is null)
        {
            return NotFound();
        }

        if (!found.CanEdit)
        {
            return Forbid();
        }

        Heading = found.Heading($"{(int)check.Point}-week sustainment check");
        Job = outcome;
        Due = check;
        return null;
    }
}
