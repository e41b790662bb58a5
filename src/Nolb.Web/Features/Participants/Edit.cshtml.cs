using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Change a person's details. A save over someone else's newer change is refused, not silently applied.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class EditModel(ParticipantRecords records, UpdateParticipant update, CurrentUser currentUser, AuditLog audit) : PageModel
{
    [BindProperty]
    public ParticipantForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? ChangeReason { get; set; }

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public bool ShowEquality => currentUser.CanSeeEqualityData();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        // The form shows the whole record, equality answers included: that is a read like the record page.
        await audit.ReadAsync(nameof(Domain.Participants.Participant), participant.Id, participant.LepId, ct);
        Input = ParticipantForm.From(participant);
        Version = participant.Version;
        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Change details");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Change details");
        ModelState.Clear();
        var details = Input.ToDetails();
        if (!ShowEquality)
        {
            // Roles that may not see equality answers cannot change them either: keep what is stored.
            details = details with { Equality = participant.Equality };
        }

        var result = await update.UpdateAsync(participant, details, Version, ct, ChangeReason);
        if (result.Outcome == UpdateParticipant.Outcome.Saved)
        {
            TempData["Confirmation"] = "The changes are saved.";
            return RedirectToPage("Record", new { id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field switch { "" => "", nameof(ChangeReason) => field, _ => $"Input.{field}" }, message);
        }

        return Page();
    }
}
