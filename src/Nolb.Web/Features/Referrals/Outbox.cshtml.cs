using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>
/// Referrals sent: the LEP's referrals to services (key workers, team leaders), or the referrals a partner's
/// organisation sent into an LEP (partner workers), overdue ones flagged. Anyone else is refused.
/// </summary>
[Authorize]
public sealed class OutboxModel(NolbDbContext db, CurrentUser currentUser, ReferralCommands commands, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReferralRow> Open { get; private set; } = [];
    public IReadOnlyList<ReferralRow> Closed { get; private set; } = [];
    public (IReadOnlyList<ReferralRow>, string, bool) OpenTable => (Open, "Referrals waiting for an answer or in progress", true);
    public (IReadOnlyList<ReferralRow>, string, bool) ClosedTable => (Closed, "Declined, completed and allocated referrals", true);
    public int OverdueDays => commands.Options.OverdueAfterWorkingDays;

    /// <summary>Who may see a list of referrals they sent: the same rule as <c>GET /api/v1/referrals/outbox</c>.</summary>
    public static bool MaySee(CurrentUser user) => user.Has(Permissions.Referrals.Make) || user.Has(Permissions.Referrals.SendInbound);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MaySee(currentUser))
        {
            return Forbid();
        }

        var rows = await db.Outbox(currentUser).RowsAsync(db, commands.Options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        Open = rows.Where(r => r.Status is Domain.Referrals.ReferralStatus.Sent or Domain.Referrals.ReferralStatus.Accepted).ToList();
        Closed = rows.Except(Open).ToList();
        return Page();
    }
}
