using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>A team leader moves a person's record to the LEP of the area they moved to, with their consent.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class TransferModel(ParticipantRecords records, NolbDbContext db, CaseCommands commands, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public TransferInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public bool HasConsent { get; private set; }
    public DateOnly? OpenEngagementStarted { get; private set; }
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];

    public sealed class TransferInput
    {
        public string? ToLepCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.TransferAsync(id, Input.ToLepCode, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            var participant = result.Value!;
            var lep = await db.Leps.Where(l => l.Id == participant.LepId).Select(l => l.Name).SingleAsync(ct);
            // The record is no longer this LEP's to open, so the confirmation goes on the caseload.
            TempData["Confirmation"] = $"{participant.DisplayName} ({participant.Reference}) is transferred to {lep} LEP.";
            return RedirectToPage("/Caseload/Index");
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>404 when the person is not the user's to see, 403 when they may not transfer the record, otherwise null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (!canEdit || !currentUser.Has(Permissions.Participants.Transfer))
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Transfer to another LEP");
        HasConsent = participant.HasActiveConsent(ConsentKind.TransferToAnotherLep);
        OpenEngagementStarted = participant.OpenEngagement?.StartDate;
        Leps = await db.Leps
            .Where(l => l.Id != participant.LepId)
            .OrderBy(l => l.Name)
            .Select(l => new SelectListItem(l.Name, l.Code))
            .ToListAsync(ct);
        return null;
    }
}
