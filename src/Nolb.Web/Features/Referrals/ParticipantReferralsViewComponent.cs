using Microsoft.AspNetCore.Mvc;
using Nolb.Web.Data;

namespace Nolb.Web.Features.Referrals;

/// <summary>The referrals section of a person's record: each referral's status and timings, and a link to refer.</summary>
public sealed class ParticipantReferralsViewComponent(NolbDbContext db, ReferralCommands commands, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid participantId, bool canRefer)
    {
        var rows = await db.Referrals.Where(r => r.ParticipantId == participantId)
            .RowsAsync(db, commands.Options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), HttpContext.RequestAborted);
        return View("/Features/Referrals/_ParticipantReferrals.cshtml", (participantId, (IReadOnlyList<ReferralRow>)rows, canRefer));
    }
}
