using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>
/// A clean, printable referral summary for a service outside Nolb (e.g. an NHS team). It holds only what was sent:
/// the person's details appear only where they agreed to share them with that organisation.
/// </summary>
[Authorize(Policy = Permissions.Referrals.Make)]
public sealed class SummaryModel(NolbDbContext db, CurrentUser currentUser, ReferralCommands commands, AuditLog audit, TimeProvider clock) : PageModel
{
    public ReferralRow Referral { get; private set; } = null!;
    public string Referrer { get; private set; } = "";
    public string? ServiceContact { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null || !(await ReferralAccess.ForAsync(db, currentUser, referral, ct)).CanSee)
        {
            return NotFound();
        }

        await audit.ReadAsync(nameof(Domain.Referrals.Referral), referral.Id, referral.LepId, ct);
        Referral = (await db.Referrals.Where(r => r.Id == id).RowsAsync(db, commands.Options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct)).Single();
        var sender = await db.Users.Where(u => u.Id == referral.SentByUserId).Select(u => new { u.DisplayName, u.Email, Lep = u.Lep!.Name }).SingleAsync(ct);
        Referrer = $"{sender.DisplayName}, {sender.Lep} LEP, {sender.Email}";
        ServiceContact = await db.DirectoryServices.Where(s => s.Id == referral.ServiceId)
            .Select(s => s.ReferralMethod ?? s.ContactEmail ?? s.ContactPhone).SingleOrDefaultAsync(ct);
        return Page();
    }
}
