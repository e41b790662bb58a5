using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Commissioning;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Feedback;

namespace Nolb.Web.Features.Measurement;

/// <summary>Whose figures: one LEP, or Scotland (no LEP); optionally one key worker's caseload or one funding stream.</summary>
public sealed record MeasurementScope(Guid? LepId, Guid? KeyWorkerId = null, FundingStream? FundingStream = null, string? TargetGroup = null)
{
    public static MeasurementScope Scotland { get; } = new((Guid?)null);
}

/// <summary>
/// Loads the facts the indicator engine counts, on the reporting connection (the read replica when one is set):
/// one set-based query per kind of record, each limited by LEP and date so it uses the indexes, never one query
/// per person. Engagements are those open at any time from 13 months before the period to its end, so that
/// sustainment checks and first contacts in the period still find the engagement they belong to.
/// </summary>
public sealed class MeasurementData(ReportingDbContextFactory reporting, IOptions<FairWorkSettings> fairWork, TimeProvider clock)
{
    public static IndicatorCatalogue Catalogue { get; } = IndicatorCatalogue.LoadEmbedded();

    public decimal RealLivingWage => fairWork.Value.RealLivingWage;

    public IndicatorResult Compute(
        IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, IReadOnlyList<string> breakdown,
        IReadOnlyList<Breakdowns.Dimension>? extraDimensions = null) =>
        IndicatorEngine.Compute(indicator, facts, period, breakdown, RealLivingWage, extraDimensions);

    public IReadOnlyList<IndicatorResult> ComputeAll(
        IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, IReadOnlyList<IReadOnlyList<string>> breakdowns,
        IReadOnlyList<Breakdowns.Dimension>? extraDimensions = null) =>
        IndicatorEngine.ComputeAll(indicator, facts, period, breakdowns, RealLivingWage, extraDimensions);

    public Task<MeasurementFacts> LoadAsync(MeasurementScope scope, ReportingPeriod period, CancellationToken ct) =>
        LoadAsync(scope, period, FactKinds.All, ct);

    /// <summary>The engagements in scope and, of the other kinds of record, only those <paramref name="needs"/> names.</summary>
    public async Task<MeasurementFacts> LoadAsync(MeasurementScope scope, ReportingPeriod period, FactKinds needs, CancellationToken ct)
    {
        await using var db = reporting.Create();
        var from = period.From;
        var to = period.To;
        var windowStart = from.AddMonths(-13);
        var lepId = scope.LepId;

        var engagementQuery = db.Engagements.Where(e => e.StartDate <= to && (e.LeftOn == null || e.LeftOn >= windowStart));
        if (lepId is not null)
        {
            engagementQuery = engagementQuery.Where(e => e.LepId == lepId);
        }

        if (scope.KeyWorkerId is not null)
        {
            engagementQuery = engagementQuery.Where(e => e.KeyWorkerId == scope.KeyWorkerId);
        }

        var records = new PeriodRecords(db, lepId, period);
        engagementQuery = engagementQuery.Where(Needed(records, period, needs));
        var engagementRows = await engagementQuery
            .Select(e => new
            {
                e.Id,
                e.ParticipantId,
                e.LepId,
                e.StartDate,
                e.LeftOn,
                e.LeavingReason,
                e.ReferralSource,
                e.FundingStreams,
                e.KeyWorkerId,
                e.Participant!.DateOfBirth,
                e.Participant.Equality.Sex,
                e.Participant.Equality.Ethnicity,
                e.Participant.Equality.Disabled,
                e.Participant.Equality.LongTermHealthCondition,
                e.Participant.Circumstances.CareExperienced,
                e.Participant.Circumstances.Parent,
                e.Participant.Circumstances.LoneParent,
                e.Participant.Circumstances.DisabledParentOrChild,
                e.Participant.Circumstances.ThreeOrMoreChildren,
                e.Participant.Circumstances.MinorityEthnicFamily,
                e.Participant.Circumstances.YoungestChildUnderOne,
                e.Participant.Circumstances.MotherUnder25,
                SimdQuintile = db.SimdPostcodes.Where(s => s.Postcode == e.Participant.Postcode).Select(s => (int?)s.Quintile).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var engagements = engagementRows
            .Select(e => new EngagementFact(
                e.Id, e.ParticipantId, e.LepId, e.StartDate, e.LeftOn, e.LeavingReason, e.ReferralSource, e.FundingStreams,
                new PersonFact(e.DateOfBirth, e.Sex, e.Ethnicity, e.Disabled, e.LongTermHealthCondition, e.CareExperienced, e.Parent, e.LoneParent,
                    e.DisabledParentOrChild, e.ThreeOrMoreChildren, e.MinorityEthnicFamily, e.YoungestChildUnderOne, e.MotherUnder25, e.SimdQuintile),
                e.KeyWorkerId))
            .Where(e => Filter(scope, e))
            .ToList();
        var ids = engagements.Select(e => e.Id).ToHashSet();

        var engagementIds = engagementQuery.Select(e => e.Id);
        var moves = !needs.HasFlag(FactKinds.StageMoves) ? [] : await db.StageMoves.Where(m => m.Date <= to && engagementIds.Contains(m.EngagementId))
            .Select(m => new StageMoveFact(m.EngagementId, m.Stage, m.Date, m.RecordedAt)).ToListAsync(ct);

        var outcomes = !needs.HasFlag(FactKinds.Outcomes) ? [] : await records.Outcomes
            .Select(o => new OutcomeFact(o.Id, o.EngagementId, o.Kind, o.StartDate, o.HourlyPay, o.HoursPerWeek, o.Contract)).ToListAsync(ct);

        var checks = !needs.HasFlag(FactKinds.SustainmentChecks) ? [] : await records.DueChecks
            .Select(d => new SustainmentFact(d.Check.Id, d.EngagementId, d.Check.Point, d.Check.DueDate, d.Check.Result)).ToListAsync(ct);

        var interventions = !needs.HasFlag(FactKinds.Interventions) ? [] : await records.Interventions
            .Select(i => new InterventionFact(i.Id, i.EngagementId, i.Type!.Category!.Name, i.StartDate, i.EndDate, i.QualificationScqfLevel, i.QualificationTitle != null))
            .ToListAsync(ct);

        var referralRows = !needs.HasFlag(FactKinds.Referrals) ? [] : await records.Referrals
            .Select(r => new { r.Id, ParticipantId = r.ParticipantId!.Value, r.SentAt, r.Status, r.FirstContactOn })
            .ToListAsync(ct);
        var byPerson = engagements.ToLookup(e => e.ParticipantId);
        var referrals = referralRows
            .Select(r =>
            {
                var sentOn = DateOnly.FromDateTime(r.SentAt);
                var engagement = byPerson[r.ParticipantId].Where(e => e.StartDate <= sentOn).MaxBy(e => e.StartDate);
                return engagement is null ? null : new ReferralFact(r.Id, engagement.Id, sentOn, r.Status, r.FirstContactOn);
            })
            .OfType<ReferralFact>()
            .ToList();

        var assessed = records.Assessed;
        var assessmentRows = !needs.HasFlag(FactKinds.Assessments) ? [] : await db.NeedsAssessments
            .Where(a => a.AssessedOn <= to && assessed.Contains(a.EngagementId))
            .Select(a => new { a.EngagementId, a.AssessedOn, a.RecordedAt, Scores = a.Scores.Select(s => new { s.Domain, s.Score }).ToList() })
            .ToListAsync(ct);
        var assessments = assessmentRows
            .Select(a => new AssessmentFact(a.EngagementId, a.AssessedOn, a.RecordedAt, a.Scores.ToDictionary(s => s.Domain, s => s.Score)))
            .ToList();

        // Feedback is mostly anonymous and spend belongs to contracts: neither can be narrowed to a caseload or a target group.
        var lepLevel = scope.KeyWorkerId is null && scope.TargetGroup is null;
        var feedback = lepLevel && scope.FundingStream is null && needs.HasFlag(FactKinds.Feedback)
            ? await new SatisfactionQuery(db).RatingsAsync(lepId, from, to, ct)
            : [];
        var contractQuarters = lepLevel && needs.HasFlag(FactKinds.ContractQuarters)
            ? await new ContractPerformanceQuery(db).QuarterCostsAsync(lepId, from, to, scope.FundingStream, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)
            : [];

        return new MeasurementFacts(
            engagements,
            moves.Where(m => ids.Contains(m.EngagementId)).ToList(),
            outcomes.Where(o => ids.Contains(o.EngagementId)).ToList(),
            checks.Where(c => ids.Contains(c.EngagementId)).ToList(),
            interventions.Where(i => ids.Contains(i.EngagementId)).ToList(),
            referrals,
            assessments.Where(a => ids.Contains(a.EngagementId)).ToList())
        {
            Feedback = feedback,
            ContractQuarters = contractQuarters,
        };
    }

    /// <summary>
    /// Of the engagements open in the 13-month window, those a fact can stand on: open in the period (people supported,
    /// starts, leavers, stage moves), or the engagement of an outcome, sustainment check, intervention or assessment that
    /// is loaded, or any engagement of a person with a referral in the window (a referral belongs to the person's latest
    /// engagement started by the day it was sent). At national scale this halves the engagements read for a quarter.
    /// </summary>
    private static Expression<Func<Engagement, bool>> Needed(PeriodRecords records, ReportingPeriod period, FactKinds needs)
    {
        var start = period.From;
        Expression<Func<Engagement, bool>> needed = e => e.LeftOn == null || e.LeftOn >= start;
        void Or(Expression<Func<Engagement, bool>> more) => needed = Expression.Lambda<Func<Engagement, bool>>(
            Expression.OrElse(needed.Body, ReplacingExpressionVisitor.Replace(more.Parameters[0], needed.Parameters[0], more.Body)), needed.Parameters);

        if (needs.HasFlag(FactKinds.Outcomes))
        {
            var outcomes = records.Outcomes.Select(o => o.EngagementId);
            Or(e => outcomes.Contains(e.Id));
        }

        if (needs.HasFlag(FactKinds.SustainmentChecks))
        {
            var checks = records.DueChecks.Select(d => d.EngagementId);
            Or(e => checks.Contains(e.Id));
        }

        if (needs.HasFlag(FactKinds.Interventions))
        {
            var interventions = records.Interventions.Select(i => i.EngagementId);
            Or(e => interventions.Contains(e.Id));
        }

        if (needs.HasFlag(FactKinds.Assessments))
        {
            var assessed = records.Assessed;
            Or(e => assessed.Contains(e.Id));
        }

        if (needs.HasFlag(FactKinds.Referrals))
        {
            var referred = records.Referrals.Select(r => r.ParticipantId!.Value);
            Or(e => referred.Contains(e.ParticipantId));
        }

        return needed;
    }

    /// <summary>The dashboard filters: a funding stream, and a target group written as "dimension:group" (e.g. "disability:Yes").</summary>
    private static bool Filter(MeasurementScope scope, EngagementFact engagement)
    {
        if (scope.FundingStream is { } stream && !engagement.FundingStreams.Contains(stream))
        {
            return false;
        }

        if (scope.TargetGroup is { } target && TargetGroups.Find(target) is { } group)
        {
            return group.Dimension.GroupsOf(engagement, engagement.StartDate).Contains(group.Group, StringComparer.Ordinal);
        }

        return true;
    }
}

/// <summary>The target groups a dashboard can be filtered to: each a group of one breakdown.</summary>
public static class TargetGroups
{
    public sealed record TargetGroup(string Value, string Label, Breakdowns.Dimension Dimension, string Group);

    public static IReadOnlyList<TargetGroup> All { get; } =
    [
        Make("age-band", "16–19", "Aged 16 to 19"),
        Make("age-band", "20–24", "Aged 20 to 24"),
        Make("age-band", "50 and over", "Aged 50 and over"),
        Make("sex", "Female", "Women"),
        Make("sex", "Male", "Men"),
        Make("disability", "Yes", "Disabled people"),
        Make("long-term-condition", "Yes", "People with a long-term health condition"),
        Make("care-experienced", "Yes", "Care-experienced people"),
        Make("priority-family", "Lone parent", "Lone parents"),
        Make("priority-family", "Minority ethnic family", "Minority ethnic families"),
    ];

    public static TargetGroup? Find(string? value) => All.FirstOrDefault(t => string.Equals(t.Value, value, StringComparison.Ordinal));

    private static TargetGroup Make(string dimension, string group, string label) =>
        new($"{dimension}:{group}", label, Breakdowns.Find(dimension)!, group);
}
