using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>End a period of support with a leaving date and reason. The stage history stays with the engagement.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class CloseEngagementModel(ParticipantRecords records, CaseCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public DateOnly StartDate { get; private set; }
    public PipelineStage CurrentStage { get; private set; }

    public sealed class CloseInput
    {
        public DateOnly? Date { get; set; }
        public LeavingReason? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CloseEngagementAsync(id, Input.Date, Input.Reason, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = $"The engagement is closed: {result.Value!.LeavingReason!.Value.Label().ToLowerInvariant()}.";
            return RedirectToPage("Record", new { id = result.Value.ParticipantId });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>404 when the case is not the user's to see, 403 when they may only read it, otherwise null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid engagementId, CancellationToken ct)
    {
        var (participant, engagement, canEdit) = await records.EngagementForEditAsync(engagementId, ct);
        if (participant is null || engagement is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Close the engagement");
        StartDate = engagement.StartDate;
        CurrentStage = engagement.CurrentStage;
        return null;
    }
}
