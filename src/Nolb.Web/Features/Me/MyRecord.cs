using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>
/// What a participant sees of their own record: their plan, upcoming appointments, referrals, outcomes and their key
/// worker's contact details. The record is always the one linked to the signed-in account, never one named in the
/// request, so a participant cannot reach anyone else's. Case notes and staff-only fields are never read here.
/// Every read is audited like a staff read.
/// </summary>
public sealed class MyRecord(NolbDbContext db, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const string AuditedAs = "OwnRecord";

    public sealed record KeyWorker(string Name, string? Email, string? Phone);

    public sealed record PlanItem(Guid Id, string Goal, string Action, ActionOwner Owner, string Who, DateOnly? DueDate, ActionStatus Status, bool Overdue, Guid Version)
    {
        public bool Mine => Owner == ActionOwner.Participant;
    }

    public sealed record UpcomingAppointment(Guid Id, DateTime StartsAt, int DurationMinutes, AppointmentChannel Channel, string? Place, string WithWhom, string? Purpose);

    public sealed record MyReferral(Guid Id, string Service, string Organisation, DateTime SentAt, ReferralStatus Status, DateOnly? FirstContactOn);

    public sealed record MyOutcome(Guid Id, OutcomeKind Kind, DateOnly StartDate, string? JobTitle, string? Where);

    public sealed record View(
        Guid ParticipantId, string Name, string Reference, Guid? EngagementId, PipelineStage? Stage, DateOnly? SupportedSince,
        KeyWorker? KeyWorker, DateOnly? ReviewDate, IReadOnlyList<PlanItem> Plan, IReadOnlyList<UpcomingAppointment> Appointments,
        IReadOnlyList<MyReferral> Referrals, IReadOnlyList<MyOutcome> Outcomes);

    public DateOnly Today => UkTime.Today(clock);

    /// <summary>The signed-in person's record with its engagements; null when the account is not linked to one. Not audited.</summary>
    public async Task<Participant?> FindAsync(CancellationToken ct)
    {
        if (currentUser.ParticipantId is not { } id || !currentUser.Has(Permissions.Participants.ReadOwnRecord))
        {
            return null;
        }

        return await db.Participants.Include(p => p.Engagements).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The person's own view, audited as a read of their record; null when the account is not linked to one.</summary>
    public async Task<View?> ReadAsync(CancellationToken ct)
    {
        var person = await FindAsync(ct);
        if (person is null)
        {
            return null;
        }

        await audit.ReadAsync(AuditedAs, person.Id, person.LepId, ct);
        var engagement = person.OpenEngagement ?? person.Engagements.OrderByDescending(e => e.StartDate).FirstOrDefault();
        var engagementIds = person.Engagements.Select(e => e.Id).ToList();
        var keyWorker = engagement?.KeyWorkerId is { } keyWorkerId
            ? await db.Users.Where(u => u.Id == keyWorkerId).Select(u => new KeyWorker(u.DisplayName, u.Email, u.PhoneNumber)).SingleOrDefaultAsync(ct)
            : null;
        var plan = engagement is null ? null : await db.ActionPlans.AsNoTracking().Include(p => p.Items).ThenInclude(i => i.Organisation)
            .SingleOrDefaultAsync(p => p.EngagementId == engagement.Id, ct);
        var today = Today;
        var items = plan?.Items
            .OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.DueDate ?? DateOnly.MaxValue).ThenBy(i => i.CreatedAt)
            .Select(i => new PlanItem(i.Id, i.Goal, i.Action, i.Owner, i.ForPerson(), i.DueDate, i.Status, i.IsOverdue(today), i.Version))
            .ToList() ?? [];
        return new View(
            person.Id, person.DisplayName, person.Reference, engagement?.Id, engagement?.IsOpen == true ? engagement.CurrentStage : null,
            engagement?.IsOpen == true ? engagement.StartDate : null, engagement?.IsOpen == true ? keyWorker : null,
            plan?.ReviewDate, items, await AppointmentsAsync(engagementIds, ct), await ReferralsAsync(person.Id, ct), await OutcomesAsync(engagementIds, ct));
    }

    public async Task<IReadOnlyList<UpcomingAppointment>> AppointmentsAsync(IReadOnlyList<Guid> engagementIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => engagementIds.Contains(a.EngagementId) && a.Attendance == null && a.StartsAt >= now)
            .OrderBy(a => a.StartsAt)
            .Select(a => new UpcomingAppointment(a.Id, a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, a.Purpose))
            .ToListAsync(ct);
        return rows;
    }

    private async Task<IReadOnlyList<MyReferral>> ReferralsAsync(Guid participantId, CancellationToken ct) =>
        await (from r in db.Referrals.AsNoTracking()
               where r.ParticipantId == participantId && r.Direction == ReferralDirection.Outbound
               join s in db.DirectoryServices on r.ServiceId equals s.Id into services
               from s in services.DefaultIfEmpty()
               join o in db.Organisations on r.ToOrganisationId equals o.Id into organisations
               from o in organisations.DefaultIfEmpty()
               orderby r.SentAt descending
               select new MyReferral(r.Id, s == null ? "A service" : s.Name, o == null ? "" : o.Name, r.SentAt, r.Status, r.FirstContactOn))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<MyOutcome>> OutcomesAsync(IReadOnlyList<Guid> engagementIds, CancellationToken ct) =>
        await db.Outcomes.AsNoTracking()
            .Where(o => engagementIds.Contains(o.EngagementId))
            .OrderByDescending(o => o.StartDate)
            .Select(o => new MyOutcome(o.Id, o.Kind, o.StartDate, o.JobTitle, o.Employer != null ? o.Employer.Name : o.OrganisationName))
            .ToListAsync(ct);
}
