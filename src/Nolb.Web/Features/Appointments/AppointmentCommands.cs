using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Appointments;

/// <summary>One appointment as pages and the API show it. Times are UTC.</summary>
public sealed record AppointmentView(
    Guid Id, Guid EngagementId, DateTime StartsAt, int DurationMinutes, AppointmentChannel Channel, string? Place,
    string WithWhom, string? Purpose, Guid StaffUserId, string StaffName, Attendance? Attendance, Guid Version);

/// <summary>Book, change, record attendance of and list the appointments of an engagement.</summary>
public sealed class AppointmentCommands(NolbDbContext db, CaseActivityAccess access, CurrentUser currentUser, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ActivityResult<List<AppointmentView>>> ListAsync(Guid engagementId, CancellationToken ct)
    {
        if (await access.ReadAsync(engagementId, "Appointments", ct) is null)
        {
            return Activity.Fail<List<AppointmentView>>(ActivityOutcome.NotFound);
        }

        return Activity.Done<List<AppointmentView>>(await Views(db, engagementId).ToListAsync(ct));
    }

    public async Task<ActivityResult<AppointmentView>> GetAsync(Guid engagementId, Guid id, CancellationToken ct)
    {
        var view = await access.ReadAsync(engagementId, nameof(Appointment), ct);
        var appointment = view is null ? null : await Project(db, db.Appointments.Where(a => a.Id == id && a.EngagementId == engagementId)).SingleOrDefaultAsync(ct);
        return appointment is null ? Activity.Fail<AppointmentView>(ActivityOutcome.NotFound) : Activity.Done<AppointmentView>(appointment);
    }

    public async Task<ActivityResult<Appointment>> BookAsync(Guid engagementId, AppointmentDetails details, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return Activity.Fail<Appointment>(outcome);
        }

        if (!view.Engagement.IsOpen)
        {
            return Activity.Invalid<Appointment>("Date", "This engagement is closed: start a new one to book appointments");
        }

        var appointment = new Appointment { EngagementId = engagementId, LepId = view.Engagement.LepId, RecordedByUserId = currentUser.Id!.Value, RecordedAt = Now };
        var errors = await StaffErrorsAsync(details.StaffUserId, view.Engagement.LepId, ct);
        errors.AddRange(appointment.Apply(details, Now, isNew: true));
        if (errors.Count > 0)
        {
            return Activity.Invalid<Appointment>(errors);
        }

        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        return Activity.Done<Appointment>(appointment);
    }

    public async Task<ActivityResult<Appointment>> UpdateAsync(
        Guid engagementId, Guid id, AppointmentDetails details, Attendance? attendance, Guid version, CancellationToken ct)
    {
        var (view, outcome) = await access.EditAsync(engagementId, ct);
        if (view is null)
        {
            return Activity.Fail<Appointment>(outcome);
        }

        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id && a.EngagementId == engagementId, ct);
        if (appointment is null)
        {
            return Activity.Fail<Appointment>(ActivityOutcome.NotFound);
        }

        if (appointment.Version != version)
        {
            return Activity.Fail<Appointment>(ActivityOutcome.Conflict);
        }

        var errors = await StaffErrorsAsync(details.StaffUserId, view.Engagement.LepId, ct);
        if (errors.Count == 0)
        {
            errors.AddRange(appointment.Apply(details, Now, isNew: false));
        }

        if (errors.Count == 0 && appointment.RecordAttendance(attendance, Now) is { Succeeded: false } failed)
        {
            errors.Add((failed.Field!, failed.Error!));
        }

        if (errors.Count > 0)
        {
            return Activity.Invalid<Appointment>(errors);
        }

        db.Entry(appointment).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Activity.Fail<Appointment>(ActivityOutcome.Conflict);
        }

        return Activity.Done<Appointment>(appointment);
    }

    /// <summary>The appointments still to come in one staff member's diary, in the current user's LEP.</summary>
    public Task<List<DiaryEntry>> DiaryAsync(Guid staffUserId, CancellationToken ct)
    {
        var now = Now;
        return db.Appointments.AsNoTracking()
            .Where(a => a.StaffUserId == staffUserId && a.LepId == currentUser.LepId && a.Attendance == null && a.StartsAt >= now)
            .OrderBy(a => a.StartsAt)
            .Take(500)
            .Join(db.Engagements, a => a.EngagementId, e => e.Id, (a, e) => new DiaryEntry(
                a.Id, e.Id, e.ParticipantId, e.Participant!.Reference,
                (e.Participant.PreferredName ?? e.Participant.GivenName) + " " + e.Participant.FamilyName,
                a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, a.RecordedAt, a.Version))
            .ToListAsync(ct);
    }

    /// <summary>The upcoming appointments of an engagement, soonest first (for the person's record).</summary>
    public static IQueryable<AppointmentView> Upcoming(NolbDbContext db, Guid engagementId, DateTime now) =>
        Project(db, db.Appointments.Where(a => a.EngagementId == engagementId && a.Attendance == null && a.StartsAt >= now).OrderBy(a => a.StartsAt));

    private static IQueryable<AppointmentView> Views(NolbDbContext db, Guid engagementId) =>
        Project(db, db.Appointments.Where(a => a.EngagementId == engagementId).OrderByDescending(a => a.StartsAt));

    /// <summary>Filter and order appointments before this: EF cannot translate a filter on the projected record.</summary>
    private static IQueryable<AppointmentView> Project(NolbDbContext db, IQueryable<Appointment> appointments) =>
        appointments.AsNoTracking()
            .Select(a => new AppointmentView(
                a.Id, a.EngagementId, a.StartsAt, a.DurationMinutes, a.Channel, a.Place, a.WithWhom, a.Purpose, a.StaffUserId,
                db.Users.Where(u => u.Id == a.StaffUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                a.Attendance, a.Version));

    private async Task<List<(string Field, string Message)>> StaffErrorsAsync(Guid staffUserId, Guid lepId, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Id == staffUserId && u.LepId == lepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader), ct)
            ? []
            : [("StaffUserId", "Choose a key worker or team leader of this LEP whose diary the appointment goes in")];
}

/// <summary>An appointment in a staff member's diary.</summary>
public sealed record DiaryEntry(
    Guid Id, Guid EngagementId, Guid ParticipantId, string Reference, string Name, DateTime StartsAt, int DurationMinutes,
    AppointmentChannel Channel, string? Place, string WithWhom, DateTime RecordedAt, Guid Version);
