using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Appointments;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>
/// The participant's own page: their plan (they mark their own actions done here), appointments with a calendar file,
/// referrals, outcomes and their key worker's contact details. Built for a phone screen first.
/// </summary>
[Authorize(Policy = Permissions.Participants.ReadOwnRecord)]
public sealed class IndexModel(MyRecord me, OwnPlan plan, YouSaidWeDid.YouSaidWeDidCommands changes, TimeProvider clock, PublicLinks links) : PageModel
{
    public MyRecord.View? View { get; private set; }

    /// <summary>What the person's LEP changed because of feedback ("You said, we did").</summary>
    public IReadOnlyList<YouSaidWeDid.YouSaidWeDidCommands.ChangeForPeople> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await me.ReadAsync(ct);
        if (await me.FindAsync(ct) is { } person)
        {
            Changes = await changes.ForPeopleAsync(person.LepId, ct);
        }
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid itemId, Guid? version, CancellationToken ct)
    {
        var result = await plan.MarkDoneAsync(itemId, version, ct);
        switch (result.Outcome)
        {
            case PlanningOutcome.NotFound:
                return NotFound();
            case PlanningOutcome.Done:
                TempData["Confirmation"] = $"Well done. \"{result.Value!.Action}\" is marked as done.";
                return RedirectToPage();
            default:
                TempData["Problem"] = result.Errors[0].Message;
                return RedirectToPage();
        }
    }

    /// <summary>The upcoming appointments as a calendar file, holding what <see cref="ICalendar"/> allows and no more.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        var appointments = await me.AppointmentsAsync(person.Engagements.Select(e => e.Id).ToList(), ct);
        var events = appointments.Select(a => new ICalendar.Event(a.Id, a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, person.Reference,
            links.Page("/Me/Index").ToString()));
        var ics = ICalendar.Write(events, clock.GetUtcNow().UtcDateTime, "My appointments");
        return File(System.Text.Encoding.UTF8.GetBytes(ics), ICalendar.ContentType, "my-appointments.ics");
    }
}
