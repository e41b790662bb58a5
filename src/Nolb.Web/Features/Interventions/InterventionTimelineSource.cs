using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Timeline;

namespace Nolb.Web.Features.Interventions;

public sealed class InterventionTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "interventions";

    public string Label => "Interventions";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var engagementId = context.Case.Engagement.Id;
        var rows = await db.Interventions.AsNoTracking().Where(i => i.EngagementId == engagementId)
            .Select(i => new { i.Id, i.StartDate, i.RecordedAt, Type = i.Type!.Name, Category = i.Type.Category!.Name, i.Outcome, i.QualificationTitle, i.QualificationScqfLevel, i.RecordedByUserId })
            .ToListAsync(ct);
        return rows.Select(r => new TimelineItem(Kind, r.StartDate, r.RecordedAt, $"Intervention: {r.Type}",
                $"{r.Category}. {InterventionLabels.Label(r.Outcome)}." + (r.QualificationTitle is null ? "" : $" Gained {r.QualificationTitle} (SCQF level {r.QualificationScqfLevel})."),
                r.RecordedByUserId, Link: $"/Participants/Engagements/{engagementId}/Interventions/{r.Id}", LinkText: "Change the intervention"))
            .ToList();
    }
}
