using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>
/// Job matching both ways, using <see cref="JobMatcher"/>: a vacancy against every person in stage 3 or 4
/// of the same LEP, and a person against the LEP's open vacancies. Everything the score used is shown with
/// it. Looking at matches reads people's details, so it is audited like opening a record.
/// </summary>
public sealed class JobMatching(NolbDbContext db, CurrentUser currentUser, ParticipantRecords records, AuditLog audit, Vacancies.OccupationCatalogue occupations, TimeProvider clock)
{
    public const int DefaultLimit = 50;

    public sealed record PersonMatch(Guid ParticipantId, string Reference, string Name, int Stage, Guid? KeyWorkerId, MatchScore Match);

    public sealed record VacancyMatch(Guid VacancyId, string Title, string EmployerName, string SocCode, DateOnly? ClosingDate, MatchScore Match);

    /// <summary>The candidates as matching sees them, loaded in a few set-based queries so a whole LEP ranks quickly.</summary>
    public sealed record Candidate(Guid ParticipantId, Guid EngagementId, string Reference, string Name, int Stage, Guid? KeyWorkerId, PersonFacts Facts);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<(Vacancy? Vacancy, IReadOnlyList<PersonMatch> Matches)> ForVacancyAsync(Guid vacancyId, int limit, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.Include(v => v.Employer).SingleOrDefaultAsync(v => v.Id == vacancyId && v.LepId == currentUser.LepId, ct);
        if (vacancy is null)
        {
            return (null, []);
        }

        var candidates = await CandidatesAsync(vacancy.LepId, ct);
        await audit.ReadAsync("VacancyMatches", vacancy.Id, vacancy.LepId, ct);
        return (vacancy, Rank(Facts(vacancy) with { SocTitle = occupations.TitleOf(vacancy.SocCode) }, candidates, limit));
    }

    /// <summary>Ranks candidates for a job: highest score first, then by reference, so the order never changes between runs.</summary>
    public static IReadOnlyList<PersonMatch> Rank(JobFacts job, IReadOnlyList<Candidate> candidates, int limit) =>
        candidates
            .Select(c => (Candidate: c, Points: JobMatcher.Points(job, c.Facts)))
            .OrderByDescending(x => x.Points).ThenBy(x => x.Candidate.Reference, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => new PersonMatch(x.Candidate.ParticipantId, x.Candidate.Reference, x.Candidate.Name, x.Candidate.Stage, x.Candidate.KeyWorkerId, JobMatcher.Score(job, x.Candidate.Facts)))
            .ToList();

    public async Task<(Participant? Participant, IReadOnlyList<VacancyMatch> Matches)> ForParticipantAsync(Guid participantId, int limit, CancellationToken ct)
    {
        var participant = await records.ReadAsync(participantId, ct);
        if (participant is null)
        {
            return (null, []);
        }

        var person = (await CandidatesAsync(participant.LepId, ct, participantId)).SingleOrDefault()?.Facts
            ?? await FactsWithoutEngagementAsync(participant, ct);
        var today = Today;
        var vacancies = await db.Vacancies.Include(v => v.Employer).AsNoTracking()
            .Where(v => v.LepId == participant.LepId && v.Status == VacancyStatus.Open && (v.ClosingDate == null || v.ClosingDate >= today))
            .ToListAsync(ct);
        var matches = vacancies
            .Select(v => new VacancyMatch(v.Id, v.Title, v.Employer!.Name, v.SocCode, v.ClosingDate, JobMatcher.Score(Facts(v) with { SocTitle = occupations.TitleOf(v.SocCode) }, person)))
            .OrderByDescending(m => m.Match.Score).ThenBy(m => m.ClosingDate ?? DateOnly.MaxValue).ThenBy(m => m.VacancyId)
            .Take(limit)
            .ToList();
        return (participant, matches);
    }

    public static JobFacts Facts(Vacancy v) => new(v.SocCode, v.HoursPerWeek, v.Days, JobMatcher.PostcodeDistrict(v.Postcode), v.MinimumScqfLevel, v.DrivingLicenceRequired);

    /// <summary>
    /// Everyone in stage 3 or 4 of an open engagement in the LEP (or just one person), with their goals and the barriers
    /// of their latest assessment: two queries, both starting from the candidates, so no other person's preferences or
    /// assessments are read.
    /// </summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid lepId, CancellationToken ct, Guid? onlyParticipant = null)
    {
        var query = onlyParticipant is { } only
            ? db.Engagements.AsNoTracking().Where(e => e.ParticipantId == only && e.LeftOn == null)
            : db.Engagements.AsNoTracking()
                .Where(e => e.LepId == lepId && e.LeftOn == null && (e.CurrentStage == PipelineStage.VocationalActivity || e.CurrentStage == PipelineStage.EmployerEngagementAndJobMatching) && e.Participant!.LepId == lepId);

        var rows = await (from e in query
                          join preference in db.JobPreferences.AsNoTracking() on e.ParticipantId equals preference.ParticipantId into preferences
                          from p in preferences.DefaultIfEmpty()
                          select new
                          {
                              e.Id,
                              e.ParticipantId,
                              e.Participant!.Reference,
                              Name = (e.Participant.PreferredName ?? e.Participant.GivenName) + " " + e.Participant.FamilyName,
                              e.CurrentStage,
                              e.KeyWorkerId,
                              e.Participant.Postcode,
                              e.Participant.HighestScqfLevel,
                              Preferences = p,
                          })
            .ToListAsync(ct);
        var barriers = await BarriersAsync(query.Select(e => e.Id), ct);
        return rows.Select(r =>
        {
            var p = r.Preferences;
            return new Candidate(r.ParticipantId, r.Id, r.Reference, r.Name, (int)r.CurrentStage, r.KeyWorkerId, new PersonFacts(
                p?.SocGoals ?? [], p?.MinHoursPerWeek, p?.MaxHoursPerWeek, p?.AvailableDays ?? [], p?.Travel ?? TravelBand.SameArea,
                JobMatcher.PostcodeDistrict(r.Postcode), r.HighestScqfLevel, p?.HasDrivingLicence ?? false,
                barriers.Contains((r.Id, AssessmentDomain.Transport)), barriers.Contains((r.Id, AssessmentDomain.Childcare))));
        }).ToList();
    }

    /// <summary>
    /// Transport and childcare scored 1 or 2 ("stops me" or "very hard") in each engagement's latest assessment (no
    /// later one, by date and then by when it was recorded): only those pairs come back, not every score.
    /// </summary>
    private async Task<HashSet<(Guid Engagement, AssessmentDomain Domain)>> BarriersAsync(IQueryable<Guid> engagements, CancellationToken ct)
    {
        var latest = db.NeedsAssessments.AsNoTracking().Where(a => engagements.Contains(a.EngagementId)
            && !db.NeedsAssessments.Any(later => later.EngagementId == a.EngagementId
                && (later.AssessedOn > a.AssessedOn || (later.AssessedOn == a.AssessedOn && later.RecordedAt > a.RecordedAt))));
        var barriers = await (from a in latest
                              join s in db.DomainScores.AsNoTracking() on a.Id equals s.NeedsAssessmentId
                              where (s.Domain == AssessmentDomain.Transport || s.Domain == AssessmentDomain.Childcare) && s.Score <= 2
                              select new { a.EngagementId, s.Domain })
            .ToListAsync(ct);
        return barriers.Select(b => (b.EngagementId, b.Domain)).ToHashSet();
    }

    private async Task<PersonFacts> FactsWithoutEngagementAsync(Participant participant, CancellationToken ct)
    {
        var p = await db.JobPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.ParticipantId == participant.Id, ct);
        return new PersonFacts(p?.SocGoals ?? [], p?.MinHoursPerWeek, p?.MaxHoursPerWeek, p?.AvailableDays ?? [], p?.Travel ?? TravelBand.SameArea,
            participant.Postcode, participant.HighestScqfLevel, p?.HasDrivingLicence ?? false, false, false);
    }
}
