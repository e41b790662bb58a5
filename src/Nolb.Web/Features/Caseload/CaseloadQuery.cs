using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Caseload;

public enum CaseloadSort
{
    Name,
    Stage,
    LastActivity,
    Started,
}

/// <summary>One open case on a caseload.</summary>
public sealed record CaseRow(
    Guid ParticipantId, Guid EngagementId, string Reference, string Name, PipelineStage Stage,
    DateOnly Started, DateOnly LastActivity, Guid? KeyWorkerId, string? KeyWorkerName,
    int OverdueActions = 0, bool ReviewDue = false, DateTime? NextAppointment = null)
{
    public int DaysSinceLastActivity(DateOnly today) => today.DayNumber - LastActivity.DayNumber;
}

public sealed record CaseloadPage(IReadOnlyList<CaseRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Open cases in the user's LEP: a key worker's own, or (for a team leader) everyone's or one key worker's.
/// Last activity is the latest stage move, case note or attended appointment (by its UTC date). Each case
/// shows how many of its plan's actions are overdue and whether the plan's review is due.
/// </summary>
public sealed class CaseloadQuery(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const int DefaultPageSize = 25;

    public async Task<CaseloadPage> RunAsync(
        Guid? keyWorkerId, PipelineStage? stage, CaseloadSort sort, int page, int pageSize, CancellationToken ct)
    {
        var engagements = db.Engagements.Where(e => e.LeftOn == null && e.Participant!.LepId == currentUser.LepId);
        if (!currentUser.Has(Permissions.Participants.EditLep) || keyWorkerId is not null)
        {
            var who = currentUser.Has(Permissions.Participants.EditLep) ? keyWorkerId : currentUser.Id;
            engagements = engagements.Where(e => e.KeyWorkerId == who);
        }

        if (stage is { } only)
        {
            engagements = engagements.Where(e => e.CurrentStage == only);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        // Last activity: the latest stage move, case note or attended appointment (the engagement's start if none).
        var dated = engagements.Select(e => new
        {
            Engagement = e,
            LastMove = e.StageMoves.Max(m => (DateOnly?)m.Date) ?? e.StartDate,
            LastNote = db.CaseNotes.Where(n => n.EngagementId == e.Id).Max(n => (DateOnly?)n.Date) ?? DateOnly.MinValue,
            LastAttended = db.Appointments.Where(a => a.EngagementId == e.Id && a.Attendance == Attendance.Attended)
                .Max(a => (DateOnly?)DateOnly.FromDateTime(a.StartsAt)) ?? DateOnly.MinValue,
        });
        var rows = dated.Select(d => new
        {
            d.Engagement.ParticipantId,
            EngagementId = d.Engagement.Id,
            d.Engagement.Participant!.Reference,
            Name = (d.Engagement.Participant.PreferredName ?? d.Engagement.Participant.GivenName) + " " + d.Engagement.Participant.FamilyName,
            d.Engagement.Participant.FamilyName,
            d.Engagement.CurrentStage,
            d.Engagement.StartDate,
            LastActivity = d.LastMove >= d.LastNote
                ? (d.LastMove >= d.LastAttended ? d.LastMove : d.LastAttended)
                : (d.LastNote >= d.LastAttended ? d.LastNote : d.LastAttended),
            d.Engagement.KeyWorkerId,
            KeyWorkerName = db.Users.Where(u => u.Id == d.Engagement.KeyWorkerId).Select(u => u.DisplayName).FirstOrDefault(),
            OverdueActions = db.ActionPlanItems.Count(i => db.ActionPlans.Any(p => p.Id == i.ActionPlanId && p.EngagementId == d.Engagement.Id)
                && i.DueDate < today && (i.Status == ActionStatus.NotStarted || i.Status == ActionStatus.InProgress)),
            ReviewDue = db.ActionPlans.Any(p => p.EngagementId == d.Engagement.Id && p.ReviewDate <= today),
            NextAppointment = db.Appointments.Where(a => a.EngagementId == d.Engagement.Id && a.Attendance == null && a.StartsAt >= now).Min(a => (DateTime?)a.StartsAt),
        });
        rows = sort switch
        {
            // Stages are stored by name, so the database would sort them alphabetically; order by pipeline position.
            CaseloadSort.Stage => rows.OrderBy(r =>
                    r.CurrentStage == PipelineStage.EngagementReferralAndAssessment ? 1
                    : r.CurrentStage == PipelineStage.NeedsAssessmentAndBarrierRemoval ? 2
                    : r.CurrentStage == PipelineStage.VocationalActivity ? 3
                    : r.CurrentStage == PipelineStage.EmployerEngagementAndJobMatching ? 4 : 5)
                .ThenBy(r => r.FamilyName),
            CaseloadSort.LastActivity => rows.OrderBy(r => r.LastActivity).ThenBy(r => r.FamilyName),
            CaseloadSort.Started => rows.OrderBy(r => r.StartDate).ThenBy(r => r.FamilyName),
            _ => rows.OrderBy(r => r.FamilyName).ThenBy(r => r.Name),
        };
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CaseloadPage(
            items.Select(r => new CaseRow(r.ParticipantId, r.EngagementId, r.Reference, r.Name, r.CurrentStage, r.StartDate, r.LastActivity, r.KeyWorkerId, r.KeyWorkerName, r.OverdueActions, r.ReviewDue, r.NextAppointment)).ToList(),
            total, page, pageSize);
    }
}
