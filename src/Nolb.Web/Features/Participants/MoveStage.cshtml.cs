using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Record a move to any stage: forward, back or skipping. The pipeline is not linear.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class MoveStageModel(ParticipantRecords records, NolbDbContext db, CaseCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public PipelineStage CurrentStage { get; private set; }

    public sealed class MoveInput
    {
        public int? Stage { get; set; }
        public DateOnly? Date { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.MoveStageAsync(id, Input.Stage, Input.Date, Input.Reason, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = $"Moved to stage {result.Value!.Stage.Label()}.";
            return RedirectToPage("Record", new { id = await ParticipantIdAsync(id, ct) });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private Task<Guid> ParticipantIdAsync(Guid engagementId, CancellationToken ct) =>
        db.Engagements.Where(e => e.Id == engagementId).Select(e => e.ParticipantId).SingleAsync(ct);

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

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Move to another stage");
        CurrentStage = engagement.CurrentStage;
        return null;
    }
}
