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

    /// <summary>Everyone in stage 3 or 4 of an open engagement in the LEP (or just one person), with their goals and current barriers.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid lepId, CancellationToken ct, Guid? onlyParticipant = null)
    {
        var query = db.Engagements.AsNoTracking()
            .Where(e => e.LepId == lepId && e.LeftOn == null && (e.CurrentStage == PipelineStage.VocationalActivity || e.CurrentStage == PipelineStage.EmployerEngagementAndJobMatching) && e.Participant!.LepId == lepId);
        if (onlyParticipant is { } only)
        {
            query = db.Engagements.AsNoTracking().Where(e => e.ParticipantId == only && e.LeftOn == null);
        }

        var rows = await query
            .Select(e => new
            {
                e.Id,
                e.ParticipantId,
                e.Participant!.Reference,
                Name = (e.Participant.PreferredName ?? e.Participant.GivenName) + " " + e.Participant.FamilyName,
                e.CurrentStage,
                e.KeyWorkerId,
                e.Participant.Postcode,
                e.Participant.HighestScqfLevel,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ParticipantId).ToList();
        var engagementIds = rows.Select(r => r.Id).ToList();
        var preferences = onlyParticipant is null
            // From the LEP's people to their preferences, so that both indexes are used (at national scale a scan of every preference is seconds).
            ? await (from person in db.Participants
                     where person.LepId == lepId
                     join preference in db.JobPreferences.AsNoTracking() on person.Id equals preference.ParticipantId
                     select preference).ToDictionaryAsync(p => p.ParticipantId, ct)
            : await db.JobPreferences.AsNoTracking().Where(p => ids.Contains(p.ParticipantId)).ToDictionaryAsync(p => p.ParticipantId, ct);
        var barriers = await BarriersAsync(lepId, onlyParticipant is null ? null : engagementIds, ct);
        return rows.Select(r =>
        {
            var p = preferences.GetValueOrDefault(r.ParticipantId);
            var b = barriers.GetValueOrDefault(r.Id);
            return new Candidate(r.ParticipantId, r.Id, r.Reference, r.Name, (int)r.CurrentStage, r.KeyWorkerId, new PersonFacts(
                p?.SocGoals ?? [], p?.MinHoursPerWeek, p?.MaxHoursPerWeek, p?.AvailableDays ?? [], p?.Travel ?? TravelBand.SameArea,
                JobMatcher.PostcodeDistrict(r.Postcode), r.HighestScqfLevel, p?.HasDrivingLicence ?? false, b.Transport, b.Childcare));
        }).ToList();
    }

    private async Task<PersonFacts> FactsWithoutEngagementAsync(Participant participant, CancellationToken ct)
    {
        var p = await db.JobPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.ParticipantId == participant.Id, ct);
        return new PersonFacts(p?.SocGoals ?? [], p?.MinHoursPerWeek, p?.MaxHoursPerWeek, p?.AvailableDays ?? [], p?.Travel ?? TravelBand.SameArea,
            participant.Postcode, participant.HighestScqfLevel, p?.HasDrivingLicence ?? false, false, false);
    }

    /// <summary>Transport and childcare scored 1 or 2 ("stops me" or "very hard") in each engagement's latest assessment.</summary>
    private async Task<Dictionary<Guid, (bool Transport, bool Childcare)>> BarriersAsync(Guid lepId, List<Guid>? engagementIds, CancellationToken ct)
    {
        var assessments = db.NeedsAssessments.AsNoTracking().Where(a => a.LepId == lepId);
        if (engagementIds is not null)
        {
            assessments = assessments.Where(a => engagementIds.Contains(a.EngagementId));
        }

        var latest = await assessments.Select(a => new { a.Id, a.EngagementId, a.AssessedOn, a.RecordedAt }).ToListAsync(ct);
        var latestIds = latest.GroupBy(a => a.EngagementId)
            .Select(g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).First())
            .ToDictionary(a => a.Id, a => a.EngagementId);
        // From the assessments to their scores (not every score, checked against the assessments): the LEP's index, then the score's.
        var scores = await (from a in assessments
                            join s in db.DomainScores.AsNoTracking() on a.Id equals s.NeedsAssessmentId
                            where (s.Domain == AssessmentDomain.Transport || s.Domain == AssessmentDomain.Childcare) && s.Score <= 2
                            select new { s.NeedsAssessmentId, s.Domain })
            .ToListAsync(ct);
        return scores.Where(s => latestIds.ContainsKey(s.NeedsAssessmentId))
            .GroupBy(s => latestIds[s.NeedsAssessmentId])
            .ToDictionary(g => g.Key, g => (g.Any(s => s.Domain == AssessmentDomain.Transport), g.Any(s => s.Domain == AssessmentDomain.Childcare)));
    }
}
