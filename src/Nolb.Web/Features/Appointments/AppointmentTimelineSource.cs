using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Timeline;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Appointments;

public sealed class AppointmentTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "appointments";

    public string Label => "Appointments";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.EngagementId == context.Case.Engagement.Id).ToListAsync(ct);
        return appointments.Select(a => new TimelineItem(Kind, DateOnly.FromDateTime(UkTime.FromUtc(a.StartsAt)), a.StartsAt,
                $"Appointment with {a.WithWhom}, {UkTime.FromUtc(a.StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}",
                $"{ICalendar.Label(a.Channel)}{(a.Place is null ? "" : $", {a.Place}")}", a.RecordedByUserId,
                a.Attendance is { } attendance ? AppointmentLabels.Label(attendance) : a.StartsAt >= context.Now ? "Upcoming" : "Attendance not recorded",
                $"/Participants/Engagements/{a.EngagementId}/Appointments/{a.Id}", "Change or record attendance"))
            .ToList();
    }
}
