using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.ActionPlans;

namespace Nolb.Web.Features.Timeline;

/// <summary>Needs assessments on the timeline, each with how many domains it scored.</summary>
public sealed class AssessmentTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "assessments";

    public string Label => "Needs assessments";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var engagementId = context.Case.Engagement.Id;
        var rows = await db.NeedsAssessments.AsNoTracking().Where(a => a.EngagementId == engagementId)
            .Select(a => new { a.AssessedOn, a.RecordedAt, a.AssessedByUserId, Domains = a.Scores.Count })
            .ToListAsync(ct);
        return rows.Select(r => new TimelineItem(Kind, r.AssessedOn, r.RecordedAt, "Needs assessment",
                $"{r.Domains.ToString(System.Globalization.CultureInfo.InvariantCulture)} areas scored.", r.AssessedByUserId,
                Link: $"/Engagements/{engagementId}/Assessments", LinkText: "See the assessments"))
            .ToList();
    }
}

/// <summary>Actions added to the plan, on the day they were added, with their current status.</summary>
public sealed class ActionPlanTimelineSource(NolbDbContext db) : ITimelineSource
{
    public string Kind => "actions";

    public string Label => "Action plan";

    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineContext context, CancellationToken ct)
    {
        var engagementId = context.Case.Engagement.Id;
        var items = await db.ActionPlanItems.AsNoTracking()
            .Where(i => db.ActionPlans.Any(p => p.Id == i.ActionPlanId && p.EngagementId == engagementId))
            .ToListAsync(ct);
        return items.Select(i => new TimelineItem(Kind, DateOnly.FromDateTime(Infrastructure.UkTime.FromUtc(i.CreatedAt)), i.CreatedAt,
                $"Action added: {i.Action}", $"Goal: {i.Goal}. {i.Status.Label()}.", i.CreatedByUserId,
                Link: $"/Engagements/{engagementId}/ActionPlan", LinkText: "See the action plan"))
            .ToList();
    }
}
