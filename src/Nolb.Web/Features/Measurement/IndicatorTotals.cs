using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Commissioning;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Feedback;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The whole-area total of every live indicator for an LEP, a caseload or Scotland, counted by the database: the
/// dashboards show totals for this period, the period before and Scotland, and loading every fact for those was
/// seconds at national scale. The rules are <see cref="IndicatorEngine"/>'s, written as queries over the same records
/// <see cref="MeasurementData"/> loads (engagements open from 13 months before the period to its end, and what hangs
/// off them); <c>IndicatorTotalsTests</c> checks that every total equals the engine's on generated data, on SQLite and
/// on PostgreSQL. Breakdowns, and totals with a funding stream or target group chosen, still come from the engine.
/// </summary>
public sealed class IndicatorTotals(ReportingDbContextFactory reporting, IOptions<FairWorkSettings> fairWork, TimeProvider clock)
{
    /// <summary>Funding streams and target groups are filters on a person's details that only the engine applies.</summary>
    public static bool CanCount(MeasurementScope scope) => scope.FundingStream is null && scope.TargetGroup is null;

    public async Task<IReadOnlyDictionary<string, IndicatorRow>> CountAsync(
        MeasurementScope scope, ReportingPeriod period, IEnumerable<IndicatorDefinition> indicators, CancellationToken ct)
    {
        if (!CanCount(scope))
        {
            throw new ArgumentException("Totals with a funding stream or target group come from the indicator engine.", nameof(scope));
        }

        await using var db = reporting.Create();
        var count = new Counter(db, scope, period, fairWork.Value.RealLivingWage, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var totals = new Dictionary<string, IndicatorRow>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            totals[indicator.Code] = await count.TotalAsync(indicator, ct);
        }

        return totals;
    }

    private sealed class Counter(NolbDbContext db, MeasurementScope scope, ReportingPeriod period, decimal realLivingWage, DateOnly today)
    {
        private static readonly IReadOnlyList<string> Whole = [];
        private readonly DateOnly periodStart = period.From;
        private readonly DateOnly periodEnd = period.To;
        private readonly Guid? lepId = scope.LepId;
        private readonly PeriodRecords records = new(db, scope.LepId, period);

        /// <summary>The engagements facts are counted on: as <see cref="MeasurementData"/> loads them.</summary>
        private IQueryable<Engagement> Engagements
        {
            get
            {
                var window = periodStart.AddMonths(-13);
                var engagements = db.Engagements.Where(e => e.StartDate <= periodEnd && (e.LeftOn == null || e.LeftOn >= window));
                if (lepId is not null)
                {
                    engagements = engagements.Where(e => e.LepId == lepId);
                }

                return scope.KeyWorkerId is { } keyWorker ? engagements.Where(e => e.KeyWorkerId == keyWorker) : engagements;
            }
        }

        /// <summary>People with an engagement open in the period: a count of its own and the denominator of progressions.</summary>
        private async Task<int> SupportedAsync(CancellationToken ct) =>
            supported ??= await OpenInPeriod.Select(e => e.ParticipantId).Distinct().CountAsync(ct);

        private int? supported;

        private IQueryable<Engagement> OpenInPeriod => Engagements.Where(e => e.LeftOn == null || e.LeftOn >= periodStart);

        /// <summary>
        /// The outcomes in the period on engagements in scope: joined to the engagement by its key (not checked against a
        /// list of every engagement in scope, which for Scotland is a hundred thousand).
        /// </summary>
        private IQueryable<Domain.Outcomes.Outcome> Outcomes =>
            records.Outcomes.Join(Engagements, o => o.EngagementId, e => e.Id, (o, _) => o);

        /// <summary>The outcomes in the period by kind: one query for every outcome indicator.</summary>
        private async Task<Dictionary<Domain.Outcomes.OutcomeKind, int>> OutcomeKindsAsync(CancellationToken ct) =>
            outcomeKinds ??= (await Outcomes.GroupBy(o => o.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct))
                .ToDictionary(k => k.Kind, k => k.Count);

        private Dictionary<Domain.Outcomes.OutcomeKind, int>? outcomeKinds;

        /// <summary>Job entries with pay: few rows, and pay is compared in .NET (SQLite keeps decimals as text).</summary>
        private async Task<List<OutcomeFact>> PaidJobsAsync(CancellationToken ct) =>
            paidJobs ??= await Outcomes.Where(o => o.Kind == Domain.Outcomes.OutcomeKind.JobEntry && o.HourlyPay != null)
                .Select(o => new OutcomeFact(o.Id, o.EngagementId, o.Kind, o.StartDate, o.HourlyPay, o.HoursPerWeek, o.Contract))
                .ToListAsync(ct);

        private List<OutcomeFact>? paidJobs;

        /// <summary>Outbound referrals of a person with an engagement in scope that had started by the day it was sent.</summary>
        private IQueryable<Referral> Referrals
        {
            get
            {
                var engagements = Engagements;
                return records.Referrals.Where(r => engagements.Any(e => e.ParticipantId == r.ParticipantId && e.StartDate <= DateOnly.FromDateTime(r.SentAt)));
            }
        }

        public async Task<IndicatorRow> TotalAsync(IndicatorDefinition indicator, CancellationToken ct)
        {
            switch (indicator.Code)
            {
                case "supported":
                    return IndicatorEngine.CountRow(Whole, await SupportedAsync(ct));
                case "starts":
                    return IndicatorEngine.CountRow(Whole, await Engagements.CountAsync(e => e.StartDate >= periodStart, ct));
                case "leavers":
                    return IndicatorEngine.CountRow(Whole, await Engagements.CountAsync(e => e.LeftOn >= periodStart && e.LeftOn <= periodEnd, ct));
                case "stage-progressions":
                    return IndicatorEngine.RateRow(Whole, await ProgressedAsync(ct), await SupportedAsync(ct));
                case "distance-travelled":
                    return await DistanceTravelledAsync(ct);
                case "job-entries":
                    var kinds = await OutcomeKindsAsync(ct);
                    return IndicatorEngine.CountRow(Whole, IndicatorEngine.JobKinds.Sum(k => kinds.GetValueOrDefault(k)));
                case "education-training-volunteering":
                    var entered = await OutcomeKindsAsync(ct);
                    return IndicatorEngine.CountRow(Whole, IndicatorEngine.LearningAndVolunteeringKinds.Sum(k => entered.GetValueOrDefault(k)));
                case "job-entries-real-living-wage":
                    var paid = await PaidJobsAsync(ct);
                    return IndicatorEngine.RateRow(Whole, paid.Count(job => IndicatorEngine.PaysRealLivingWage(job, realLivingWage)), paid.Count);
                case "job-entries-fair-work":
                    var fair = await PaidJobsAsync(ct);
                    return IndicatorEngine.RateRow(Whole, fair.Count(job => IndicatorEngine.IsFairWork(job, realLivingWage)), fair.Count);
                case "sustained-3-months" or "sustained-6-months" or "sustained-12-months":
                    return await SustainedAsync((Domain.Outcomes.SustainmentPoint)indicator.SustainmentWeeks!.Value, ct);
                case "interventions":
                    return IndicatorEngine.CountRow(Whole, (await InterventionCountsAsync(ct)).Started);
                case "qualifications":
                    return IndicatorEngine.CountRow(Whole, (await InterventionCountsAsync(ct)).Qualifications);
                case "referrals-made":
                    return IndicatorEngine.CountRow(Whole, (await ReferralCountsAsync(ct)).Sent);
                case "referrals-accepted":
                    var referrals = await ReferralCountsAsync(ct);
                    return IndicatorEngine.RateRow(Whole, referrals.Accepted, referrals.Sent);
                case "time-to-first-contact":
                    // Days between two dates have no portable SQL: the pairs are few, and subtracted here.
                    var contacts = await Referrals.Where(r => r.FirstContactOn >= periodStart && r.FirstContactOn <= periodEnd)
                        .Select(r => new { r.SentAt, r.FirstContactOn }).ToListAsync(ct);
                    return IndicatorEngine.MeanRow(Whole, contacts.Count,
                        contacts.Sum(c => c.FirstContactOn!.Value.DayNumber - DateOnly.FromDateTime(c.SentAt).DayNumber));
                case "satisfaction":
                    var feedback = scope.KeyWorkerId is null ? await new SatisfactionQuery(db).RatingsAsync(lepId, periodStart, periodEnd, ct) : [];
                    return IndicatorEngine.Compute(indicator, MeasurementFacts.Empty with { Feedback = feedback }, period, [], realLivingWage).Total;
                case "cost-per-start" or "cost-per-job-outcome":
                    var quarters = scope.KeyWorkerId is null ? await new ContractPerformanceQuery(db).QuarterCostsAsync(lepId, periodStart, periodEnd, null, today, ct) : [];
                    return IndicatorEngine.Compute(indicator, MeasurementFacts.Empty with { ContractQuarters = quarters }, period, [], realLivingWage).Total;
                default:
                    throw new InvalidOperationException($"There is no database count for {indicator.Code}.");
            }
        }

        /// <summary>Interventions started in the period, and qualifications gained in it: one pass over the interventions for both.</summary>
        private async Task<InterventionCounts> InterventionCountsAsync(CancellationToken ct) =>
            interventions ??= await records.Interventions
                .Join(Engagements, i => i.EngagementId, e => e.Id, (i, _) => i)
                .GroupBy(_ => 1)
                .Select(g => new InterventionCounts(
                    g.Count(i => i.StartDate >= periodStart && i.StartDate <= periodEnd),
                    g.Count(i => i.QualificationTitle != null && (i.EndDate ?? i.StartDate) >= periodStart && (i.EndDate ?? i.StartDate) <= periodEnd)))
                .SingleOrDefaultAsync(ct) ?? new InterventionCounts(0, 0);

        private InterventionCounts? interventions;

        private sealed record InterventionCounts(int Started, int Qualifications);

        /// <summary>Referrals sent in the period, and how many of them were accepted: one query for both.</summary>
        private async Task<ReferralCounts> ReferralCountsAsync(CancellationToken ct) =>
            referrals ??= await Referrals.Where(r => r.SentAt >= records.SentFrom && r.SentAt < records.SentTo)
                .GroupBy(_ => 1)
                .Select(g => new ReferralCounts(g.Count(), g.Count(r => IndicatorEngine.AcceptedStatuses.Contains(r.Status))))
                .SingleOrDefaultAsync(ct) ?? new ReferralCounts(0, 0);

        private ReferralCounts? referrals;

        private sealed record ReferralCounts(int Sent, int Accepted);

        /// <summary>People open in the period with a move in it to a later stage than the move just before it.</summary>
        private Task<int> ProgressedAsync(CancellationToken ct)
        {
            var moves = db.StageMoves;
            var forward = from e in OpenInPeriod
                          join m in moves on e.Id equals m.EngagementId
                          where m.Date >= periodStart && m.Date <= periodEnd
                              && moves.Where(p => p.EngagementId == m.EngagementId && (p.Date < m.Date || (p.Date == m.Date && p.RecordedAt < m.RecordedAt)))
                                  .OrderByDescending(p => p.Date).ThenByDescending(p => p.RecordedAt)
                                  .Select(p => (int?)(p.Stage == PipelineStage.EngagementReferralAndAssessment ? 1
                                      : p.Stage == PipelineStage.NeedsAssessmentAndBarrierRemoval ? 2
                                      : p.Stage == PipelineStage.VocationalActivity ? 3
                                      : p.Stage == PipelineStage.EmployerEngagementAndJobMatching ? 4 : 5))
                                  .FirstOrDefault()
                              < (m.Stage == PipelineStage.EngagementReferralAndAssessment ? 1
                                  : m.Stage == PipelineStage.NeedsAssessmentAndBarrierRemoval ? 2
                                  : m.Stage == PipelineStage.VocationalActivity ? 3
                                  : m.Stage == PipelineStage.EmployerEngagementAndJobMatching ? 4 : 5)
                          select e.ParticipantId;
            return forward.Distinct().CountAsync(ct);
        }

        /// <summary>
        /// Each domain scored at least twice on the assessments (up to the period's end) of an engagement assessed in the
        /// period: its latest score less its first. The first and latest are the scorings with none before or after them.
        /// </summary>
        private async Task<IndicatorRow> DistanceTravelledAsync(CancellationToken ct)
        {
            var assessed = records.Assessed;
            var scored = from e in Engagements
                         join a in db.NeedsAssessments on e.Id equals a.EngagementId
                         join s in db.DomainScores on a.Id equals s.NeedsAssessmentId
                         where a.AssessedOn <= periodEnd && assessed.Contains(a.EngagementId)
                         select new { a.EngagementId, AssessmentId = a.Id, a.AssessedOn, a.RecordedAt, s.Domain, s.Score };
            var first = scored.Where(x => !scored.Any(y => y.EngagementId == x.EngagementId && y.Domain == x.Domain
                && (y.AssessedOn < x.AssessedOn || (y.AssessedOn == x.AssessedOn && y.RecordedAt < x.RecordedAt))));
            var latest = scored.Where(x => !scored.Any(y => y.EngagementId == x.EngagementId && y.Domain == x.Domain
                && (y.AssessedOn > x.AssessedOn || (y.AssessedOn == x.AssessedOn && y.RecordedAt > x.RecordedAt))));
            var changes = from f in first
                          join l in latest on new { f.EngagementId, f.Domain } equals new { l.EngagementId, l.Domain }
                          where f.AssessmentId != l.AssessmentId
                          select l.Score - f.Score;
            var summary = await changes.GroupBy(_ => 1).Select(g => new { Pairs = g.Count(), Change = g.Sum() }).SingleOrDefaultAsync(ct);
            return IndicatorEngine.MeanRow(Whole, summary?.Pairs ?? 0, summary?.Change ?? 0);
        }

        /// <summary>Sustainment checks due in the period, by point and whether the person was still in work: one query for the three indicators.</summary>
        private async Task<IndicatorRow> SustainedAsync(Domain.Outcomes.SustainmentPoint point, CancellationToken ct)
        {
            sustainment ??= await (from d in records.DueChecks
                                   join e in Engagements on d.EngagementId equals e.Id
                                   group d.Check by new { d.Check.Point, Sustained = d.Check.Result == Domain.Outcomes.SustainmentResult.Sustained } into g
                                   select new DueChecks(g.Key.Point, g.Key.Sustained, g.Count()))
                .ToListAsync(ct);
            var due = sustainment.Where(x => x.Point == point).ToList();
            return IndicatorEngine.RateRow(Whole, due.Where(x => x.Sustained).Sum(x => x.Count), due.Sum(x => x.Count));
        }

        private List<DueChecks>? sustainment;

        private sealed record DueChecks(Domain.Outcomes.SustainmentPoint Point, bool Sustained, int Count);
    }
}
