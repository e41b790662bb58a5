using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>Record that the person withdrew a consent. From then on nothing that needed it is allowed.</summary>
[Authorize(Policy = Permissions.Participants.EditOwnCaseload)]
public sealed class WithdrawConsentModel(ParticipantRecords records, CaseCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public WithdrawInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public string AgreedTo { get; private set; } = "";
    public DateOnly GivenOn { get; private set; }
    public string Effect { get; private set; } = "";

    public sealed class WithdrawInput
    {
        public DateOnly? WithdrawnOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid consentId, CancellationToken ct)
    {
        Input.WithdrawnOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, consentId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid consentId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.WithdrawConsentAsync(id, consentId, Input.WithdrawnOn, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = $"Consent withdrawn: {result.Value!.Kind.Label().ToLowerInvariant()}.";
            return RedirectToPage("Record", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, consentId, ct) ?? Page();
    }

    /// <summary>404 when the person or consent is not the user's to see, 403 when they may only read the record, otherwise null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid consentId, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        var consent = participant?.Consents.SingleOrDefault(c => c.Id == consentId);
        if (participant is null || consent is null)
        {
            return NotFound();
        }

        if (!canEdit)
        {
            return Forbid();
        }

        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Withdraw consent");
        AgreedTo = consent.Kind.Label() + (consent.Organisation is null ? "" : $": {consent.Organisation.Name}");
        GivenOn = consent.GivenOn;
        Effect = consent.Kind switch
        {
            ConsentKind.ShareWithPartner => $"nothing more about {participant.DisplayName} may be shared with this organisation.",
            ConsentKind.ContactByText => "staff must stop sending text messages.",
            ConsentKind.ContactByEmail => "staff must stop sending emails.",
            ConsentKind.UseInEvaluation => "their information must not be used in evaluations from now on.",
            _ => "the record can no longer be transferred to another LEP.",
        };
        return null;
    }
}
