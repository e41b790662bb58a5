using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>A partner worker's referral inbox: referrals to their own organisation only, overdue ones flagged.</summary>
[Authorize(Policy = Permissions.Referrals.ReceiveForOrganisation)]
public sealed class InboxModel(NolbDbContext db, CurrentUser currentUser, ReferralCommands commands, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReferralRow> Open { get; private set; } = [];
    public IReadOnlyList<ReferralRow> Closed { get; private set; } = [];
    public (IReadOnlyList<ReferralRow>, string, bool) OpenTable => (Open, "Open referrals", true);
    public (IReadOnlyList<ReferralRow>, string, bool) ClosedTable => (Closed, "Declined and completed referrals", true);
    public int OverdueDays => commands.Options.OverdueAfterWorkingDays;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Inbox(currentUser).RowsAsync(db, commands.Options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        Open = rows.Where(r => r.Status is Domain.Referrals.ReferralStatus.Sent or Domain.Referrals.ReferralStatus.Accepted).ToList();
        Closed = rows.Except(Open).ToList();
    }
}
