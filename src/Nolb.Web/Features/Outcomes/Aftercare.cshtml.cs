using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>Record an in-work support contact: what came up and what will be done.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class AftercareModel(EngagementCases cases, OutcomeCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AftercareInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }

    public sealed class AftercareInput
    {
        public DateOnly? Date { get; set; }
        public ContactMethod? Method { get; set; }
        public List<AftercareIssue> Issues { get; set; } = [];
        public string? Notes { get; set; }
        public string? Actions { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AddAftercareAsync(id, new(Input.Date, Input.Method, Input.Issues, Input.Notes, Input.Actions), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The in-work support contact is recorded.";
            return RedirectToPage("Index", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await cases.FindAsync(id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (!found.CanEdit)
        {
            return Forbid();
        }

        Heading = found.Heading("Record an in-work support contact");
        return null;
    }
}
