using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>
/// One referral: what was sent, its status and timings. The receiving partner accepts or declines it, records
/// first contact and completes it here; for a service outside Nolb the referrer records its answers. Every view is audited.
/// </summary>
[Authorize]
public sealed class DetailsModel(NolbDbContext db, CurrentUser currentUser, ReferralCommands commands, AuditLog audit, TimeProvider clock) : PageModel
{
    public ReferralRow Referral { get; private set; } = null!;
    public ReferralAccess Access { get; private set; } = null!;
    public string? ParticipantName { get; private set; }
    public string? ServiceContact { get; private set; }
    public int OverdueDays => commands.Options.OverdueAfterWorkingDays;

    [BindProperty]
    public ResponseInput Input { get; set; } = new();

    public sealed class ResponseInput
    {
        public DeclineReason? Reason { get; set; }
        public string? Note { get; set; }
        public DateOnly? Date { get; set; }
        public string? Outcome { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await LoadAsync(id, audited: true, ct) ?? Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, commands.AcceptAsync(id, Input.Version, ct), "You accepted the referral.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, commands.DeclineAsync(id, Input.Reason, Input.Note, Input.Version, ct), "You declined the referral.", ct);

    public Task<IActionResult> OnPostFirstContactAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, commands.RecordFirstContactAsync(id, Input.Date, Input.Version, ct), "First contact is recorded.", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        HandleAsync(id, commands.CompleteAsync(id, Input.Outcome, Input.Version, ct), "The referral is completed.", ct);

    private async Task<IActionResult> HandleAsync(Guid id, Task<CaseCommands.Result<Domain.Referrals.Referral>> action, string confirmation, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await action;
        if (result.Outcome == CaseCommands.Outcome.Done)
        {
            TempData["Confirmation"] = confirmation;
            return RedirectToPage(new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, audited: false, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool audited, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        Access = await ReferralAccess.ForAsync(db, currentUser, referral, ct);
        if (!Access.CanSee)
        {
            return NotFound();
        }

        if (audited)
        {
            await audit.ReadAsync(nameof(Domain.Referrals.Referral), referral.Id, referral.LepId, ct);
        }

        Referral = (await db.Referrals.Where(r => r.Id == id).RowsAsync(db, commands.Options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct)).Single();
        Input.Version = Referral.Version;
        if (!Access.IsReceiver && referral.ParticipantId is { } participantId)
        {
            ParticipantName = await db.Participants.Where(p => p.Id == participantId).Select(p => p.GivenName + " " + p.FamilyName).SingleOrDefaultAsync(ct);
        }

        var sender = await db.Users.Where(u => u.Id == referral.SentByUserId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(ct);
        ServiceContact = $"{sender.DisplayName} ({sender.Email})";
        return null;
    }
}
