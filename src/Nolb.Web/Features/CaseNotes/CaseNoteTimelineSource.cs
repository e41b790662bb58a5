using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Timeline;

namespace Nolb.Web.Features.CaseNotes;

/// <summary>Notes on the timeline, through the same visibility rule as everywhere else: a sensitive note the user may not read is not there at all.</summary>
public sealed class CaseNoteTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "notes";

    public string Label => "Case notes";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var notes = await db.CaseNotes.AsNoTracking().VisibleTo(context.User, context.Case.Engagement).ToListAsync(ct);
        return notes.Select(n => new TimelineItem(Kind, n.Date, n.CreatedAt, n.CorrectsNoteId is null ? "Case note" : "Case note (correction)",
                n.Text, n.AuthorUserId, n.Sensitivity is { } s ? $"Sensitive: {CaseNoteLabels.Label(s).ToLowerInvariant()}" : null,
                n.IsEditableBy(context.User.Id ?? Guid.Empty, context.Now)
                    ? $"/Participants/Engagements/{n.EngagementId}/Notes/{n.Id}"
                    : $"/Participants/Engagements/{n.EngagementId}/Notes?corrects={n.Id}",
                n.IsEditableBy(context.User.Id ?? Guid.Empty, context.Now) ? "Change the note" : "Add a correction"))
            .ToList();
    }
}
