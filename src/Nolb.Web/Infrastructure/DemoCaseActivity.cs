using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Appointments;
using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Domain.Interventions;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Demo interventions, case notes and appointments on the demo participants' open engagements, from a fixed
/// seed: an intervention each, a note each (every fourth sensitive), a past attended appointment on every
/// third case and an upcoming one on every second. Added once per LEP, through the entities' own rules.
/// </summary>
public static class DemoCaseActivity
{
    private static readonly string[] TypeCodes =
    [
        "case-management.key-worker-support", AnnexOneCatalogue.BetterOffInWork, "personal-social-development.confidence-motivation",
        "job-search.cv", "skills-training.short-courses", "health-wellbeing.health-assessment", "work-experience.work-based-activity",
    ];

    private static readonly string[] Notes =
    [
        "Met at the hub. Talked about what kind of work they enjoy and what gets in the way.",
        "Phoned to check in. They have started looking at warehouse and retail jobs.",
        "Went through the CV together and agreed to add the volunteering at the food bank.",
        "Discussed childcare for interviews; will look into the local nursery's flexible hours.",
    ];

    public static async Task<int> SeedAsync(NolbDbContext db, Guid lepId, int seed, DateTime now)
    {
        if (await db.Interventions.AnyAsync(i => i.LepId == lepId))
        {
            return 0;
        }

        var types = await db.InterventionTypes.Where(t => TypeCodes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Id);
        var engagements = await db.Engagements
            .Where(e => e.LeftOn == null && e.KeyWorkerId != null && e.Participant!.LepId == lepId)
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id)
            .ToListAsync();
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var added = 0;
        for (var i = 0; i < engagements.Count; i++)
        {
            var engagement = engagements[i];
            var keyWorker = engagement.KeyWorkerId!.Value;
            var daysOpen = today.DayNumber - engagement.StartDate.DayNumber;
            var started = engagement.StartDate.AddDays(random.Next(0, Math.Max(1, daysOpen)));
            var completed = i % 2 == 0 && started < today;
            var intervention = new Intervention { EngagementId = engagement.Id, LepId = lepId, RecordedByUserId = keyWorker, RecordedAt = now };
            var qualification = TypeCodes[i % TypeCodes.Length] == "skills-training.short-courses" && completed;
            var errors = intervention.Apply(new InterventionDetails(
                    types[TypeCodes[i % TypeCodes.Length]], DeliveredBy.OwnTeam, null, started, completed ? started.AddDays(1) : null,
                    random.Next(1, 12), completed ? InterventionOutcome.Completed : InterventionOutcome.Ongoing, null,
                    qualification ? "Emergency First Aid at Work" : null, qualification ? 6 : null, qualification ? "SQA" : null),
                engagement.StartDate, today);
            if (errors.Count == 0)
            {
                db.Interventions.Add(intervention);
            }

            var note = CaseNote.Write(engagement.Id, lepId, started, Notes[i % Notes.Length] + (i % 4 == 1 ? " They told me about a health condition that affects which hours they can work." : ""),
                i % 4 == 1 ? NoteSensitivity.Health : null, null, engagement.StartDate, keyWorker, today, now.AddDays(-2));
            if (note.Succeeded)
            {
                db.CaseNotes.Add(note.Value!);
            }

            if (i % 3 == 0 && daysOpen > 3)
            {
                var past = new Appointment { EngagementId = engagement.Id, LepId = lepId, RecordedByUserId = keyWorker, RecordedAt = now };
                var details = new AppointmentDetails(now.Date.AddDays(-3).AddHours(10), 60, AppointmentChannel.InPerson, "Employability hub, interview room 1", "Key worker", "Check progress on the plan", keyWorker);
                if (past.Apply(details, now, isNew: true).Count == 0 && past.RecordAttendance(i % 6 == 0 ? Attendance.Attended : Attendance.DidNotAttend, now).Succeeded)
                {
                    db.Appointments.Add(past);
                }
            }

            if (i % 2 == 0)
            {
                var next = new Appointment { EngagementId = engagement.Id, LepId = lepId, RecordedByUserId = keyWorker, RecordedAt = now };
                var details = new AppointmentDetails(now.Date.AddDays(1 + (i % 10)).AddHours(9 + (i % 7)), 45, (AppointmentChannel)(i % 3),
                    i % 3 == 0 ? "Employability hub, interview room 2" : null, "Key worker", "Review the action plan", keyWorker);
                if (next.Apply(details, now, isNew: true).Count == 0)
                {
                    db.Appointments.Add(next);
                }
            }

            added++;
        }

        await db.SaveChangesAsync();
        return added;
    }
}
