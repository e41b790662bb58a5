using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>
/// The sustainment checks due so none is missed: outstanding checks due within the next four weeks or
/// already past due (flagged overdue), for one key worker's cases or the whole LEP. A closed engagement's
/// checks still count: sustainment runs to 52 weeks whether or not support has ended.
/// </summary>
public sealed class SustainmentDue(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record DueCheck(
        Guid CheckId, Guid EngagementId, Guid ParticipantId, string ParticipantName, string Reference, Guid? KeyWorkerId, string? KeyWorkerName,
        string? JobTitle, DateOnly JobStart, int Weeks, DateOnly DueDate, bool Overdue);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The whole LEP when <paramref name="wholeLep"/> and the user may see it; otherwise the user's own cases.</summary>
    public async Task<IReadOnlyList<DueCheck>> ListAsync(bool wholeLep, Guid? keyWorkerId, CancellationToken ct)
    {
        var today = Today;
        var horizon = today.AddDays(Sustainment.DueSoonDays);
        var lepId = currentUser.LepId;
        var query =
            from c in db.SustainmentChecks
            where c.LepId == lepId && c.Result == null && !c.NotNeeded && c.DueDate <= horizon
            join o in db.Outcomes on c.OutcomeId equals o.Id
            join e in db.Engagements on o.EngagementId equals e.Id
            join p in db.Participants on e.ParticipantId equals p.Id
            where p.LepId == lepId
            select new { c, o, e, p };

        var mine = !wholeLep || !currentUser.Has(Permissions.Participants.ReadLep);
        var worker = mine ? currentUser.Id : keyWorkerId;
        if (worker is not null)
        {
            query = query.Where(x => x.e.KeyWorkerId == worker);
        }

        var rows = await query
            .OrderBy(x => x.c.DueDate).ThenBy(x => x.p.FamilyName)
            .Select(x => new
            {
                x.c.Id,
                EngagementId = x.e.Id,
                ParticipantId = x.p.Id,
                Name = (x.p.PreferredName ?? x.p.GivenName) + " " + x.p.FamilyName,
                x.p.Reference,
                x.e.KeyWorkerId,
                x.o.JobTitle,
                x.o.StartDate,
                x.c.Point,
                x.c.DueDate,
            })
            .ToListAsync(ct);
        var workerIds = rows.Select(r => r.KeyWorkerId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(r => new DueCheck(
            r.Id, r.EngagementId, r.ParticipantId, r.Name, r.Reference, r.KeyWorkerId, r.KeyWorkerId is { } k ? names.GetValueOrDefault(k) : null,
            r.JobTitle, r.StartDate, (int)r.Point, r.DueDate, r.DueDate < today)).ToList();
    }
}
