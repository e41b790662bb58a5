using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Appointments;

/// <summary>The signed-in key worker's upcoming appointments, and the same as a calendar file to add to their diary.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnCaseload)]
public sealed class DiaryModel(AppointmentCommands commands, CurrentUser currentUser, TimeProvider clock, PublicLinks links) : PageModel
{
    public IReadOnlyList<DiaryEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await commands.DiaryAsync(currentUser.Id!.Value, ct);

    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken ct)
    {
        var entries = await commands.DiaryAsync(currentUser.Id!.Value, ct);
        var events = entries.Select(e => new ICalendar.Event(e.Id, e.StartsAt, e.DurationMinutes, e.Channel, e.Place, e.WithWhom, e.Reference,
            links.Page("/Participants/Record", new { id = e.ParticipantId }).ToString()));
        var ics = ICalendar.Write(events, clock.GetUtcNow().UtcDateTime, "Nolb appointments");
        return File(System.Text.Encoding.UTF8.GetBytes(ics), ICalendar.ContentType, "nolb-appointments.ics");
    }
}
