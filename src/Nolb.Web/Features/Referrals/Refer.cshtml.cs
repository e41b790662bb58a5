using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>
/// Refer a person to a directory service, in two steps without JavaScript: choose the service, then choose what to
/// share. What may be shared depends on the person's consent to share with the service's organisation.
/// </summary>
[Authorize(Policy = Permissions.Referrals.Make)]
public sealed class ReferModel(ParticipantRecords records, NolbDbContext db, ReferralCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ServiceId { get; set; }

    [BindProperty]
    public ReferInput Input { get; set; } = new();

    public (Guid Id, string Name, string Reference, string Title) Heading { get; private set; }
    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];
    public DirectoryService? Service { get; private set; }
    public bool HasConsent { get; private set; }
    public string PersonName { get; private set; } = "";

    public sealed class ReferInput
    {
        public string? Reason { get; set; }
        public List<ShareItem> Share { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CreateAsync(id, ServiceId, Input.Reason, Input.Share, ct);
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            var referral = result.Value!;
            TempData["Confirmation"] = referral.IsExternal
                ? "The referral is recorded. This service does not use Nolb: print the summary and send it to them."
                : "The referral is sent. You will see here when they answer.";
            return RedirectToPage("Details", new { id = referral.Id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

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

        PersonName = participant.DisplayName;
        Heading = (participant.Id, participant.DisplayName, participant.Reference, "Refer to a service");
        Services = await db.DirectoryServices.AsNoTracking()
            .Where(s => s.Active && (s.LepId == null || s.LepId == participant.LepId))
            .OrderBy(s => s.Name)
            .Select(s => new SelectListItem($"{s.Name} ({s.Organisation!.Name})", s.Id.ToString()))
            .ToListAsync(ct);
        if (ServiceId is { } serviceId)
        {
            Service = await db.DirectoryServices.AsNoTracking().Include(s => s.Organisation)
                .SingleOrDefaultAsync(s => s.Id == serviceId && s.Active && (s.LepId == null || s.LepId == participant.LepId), ct);
            HasConsent = Service is not null && participant.HasActiveConsent(ConsentKind.ShareWithPartner, Service.OrganisationId);
        }

        return null;
    }
}
