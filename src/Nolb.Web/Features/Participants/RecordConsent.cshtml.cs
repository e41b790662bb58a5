using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Record what the person agreed to: sharing with a named partner, contact by text or email, evaluation, transfer.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class RecordConsentModel(ParticipantRecords records, NolbDbContext db, CaseCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public sealed class ConsentInput
    {
        public ConsentKind? Kind { get; set; }
        public Guid? OrganisationId { get; set; }
        public DateOnly? GivenOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.GivenOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.RecordConsentAsync(id, Input.Kind, Input.OrganisationId, Input.GivenOn, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = $"Consent recorded: {result.Value!.Kind.Label().ToLowerInvariant()}.";
            return RedirectToPage("Record", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>404 when the person is not the user's to see, 403 when they may only read the record, otherwise null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
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

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Record consent");
        Organisations = await db.Organisations
            .Where(o => o.LepId == null || o.LepId == participant.LepId)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(ct);
        return null;
    }
}
