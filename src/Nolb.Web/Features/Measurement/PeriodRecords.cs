using Nolb.Web.Data;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Referrals;

namespace Nolb.Web.Features.Measurement;

/// <summary>A sustainment check with the engagement of its job (checks belong to outcomes, outcomes to engagements).</summary>
public sealed class DueCheck
{
    public required SustainmentCheck Check { get; init; }
    public required Guid EngagementId { get; init; }
}

/// <summary>
/// The records of one period and area (an LEP, or Scotland) that indicators count, written once for the indicator
/// engine's loads (<see cref="MeasurementData"/>) and the database's counts (<see cref="IndicatorTotals"/>) alike, so
/// that the two cannot drift apart. Referrals reach back 13 months: a first contact in the period may follow a
/// referral sent long before it.
/// </summary>
public sealed class PeriodRecords(NolbDbContext db, Guid? lepId, ReportingPeriod period)
{
    private readonly DateOnly start = period.From;
    private readonly DateOnly end = period.To;

    public DateTime SentFrom { get; } = period.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime SentTo { get; } = period.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Outcomes that started in the period.</summary>
    public IQueryable<Outcome> Outcomes => db.Outcomes.Where(o => (lepId == null || o.LepId == lepId) && o.StartDate >= start && o.StartDate <= end);

    /// <summary>Sustainment checks due in the period.</summary>
    public IQueryable<DueCheck> DueChecks =>
        from c in db.SustainmentChecks
        join o in db.Outcomes on c.OutcomeId equals o.Id
        where (lepId == null || c.LepId == lepId) && c.DueDate >= start && c.DueDate <= end
        select new DueCheck { Check = c, EngagementId = o.EngagementId };

    /// <summary>Interventions that started or ended in the period.</summary>
    public IQueryable<Intervention> Interventions => db.Interventions.Where(i => (lepId == null || i.LepId == lepId)
        && ((i.StartDate >= start && i.StartDate <= end) || (i.EndDate >= start && i.EndDate <= end)));

    /// <summary>Engagements with a needs assessment in the period.</summary>
    public IQueryable<Guid> Assessed =>
        db.NeedsAssessments.Where(a => a.AssessedOn >= start && a.AssessedOn <= end && (lepId == null || a.LepId == lepId)).Select(a => a.EngagementId);

    /// <summary>Outbound referrals of a person, sent from 13 months before the period to its end.</summary>
    public IQueryable<Referral> Referrals
    {
        get
        {
            var windowStart = start.AddMonths(-13).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var windowEnd = SentTo;
            return db.Referrals.Where(r => r.Direction == ReferralDirection.Outbound && r.ParticipantId != null && (lepId == null || r.LepId == lepId)
                && r.SentAt >= windowStart && r.SentAt < windowEnd);
        }
    }
}
