using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// Computes any indicator of the catalogue from <see cref="MeasurementFacts"/> for a period, whole or broken
/// down by one or two dimensions (two for intersectional figures such as disabled women by age band). Pure: the
/// facts are already limited to an LEP, a caseload or Scotland by whoever loaded them.
/// </summary>
public static class IndicatorEngine
{
    /// <summary>
    /// One thing counted: its engagement (for breakdowns), what makes it distinct, and what it adds. A mean is the sum
    /// of the values over the sum of the weights (1 each, unless a unit says otherwise: spend adds money and no weight,
    /// a contract's starts add weight and no money).
    /// </summary>
    private sealed record Unit(EngagementFact Engagement, object Key, bool InNumerator = true, decimal? Value = null, string? Category = null, int Weight = 1);

    /// <summary>Feedback and spend belong to an LEP, not to a person: they stand on an engagement with no person behind it.</summary>
    private static readonly PersonFact NoPerson = new(DateOnly.MinValue);

    public static IndicatorResult Compute(
        IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, IReadOnlyList<string> breakdown, decimal realLivingWage,
        IReadOnlyList<Breakdowns.Dimension>? extraDimensions = null)
    {
        if (!indicator.IsLive)
        {
            throw new InvalidOperationException($"Indicator {indicator.Code} is pending: {indicator.PendingReason}");
        }

        var units = UnitsOf(indicator, facts, period, realLivingWage).ToList();
        return Tally(indicator, period, breakdown, units, extraDimensions);
    }

    /// <summary>The indicator broken down several ways, its units found once: every table of an indicator at once.</summary>
    public static IReadOnlyList<IndicatorResult> ComputeAll(
        IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, IReadOnlyList<IReadOnlyList<string>> breakdowns, decimal realLivingWage,
        IReadOnlyList<Breakdowns.Dimension>? extraDimensions = null)
    {
        if (!indicator.IsLive)
        {
            throw new InvalidOperationException($"Indicator {indicator.Code} is pending: {indicator.PendingReason}");
        }

        var units = UnitsOf(indicator, facts, period, realLivingWage).ToList();
        return breakdowns.Select(breakdown => Tally(indicator, period, breakdown, units, extraDimensions)).ToList();
    }

    private static IndicatorResult Tally(
        IndicatorDefinition indicator, ReportingPeriod period, IReadOnlyList<string> breakdown, List<Unit> units, IReadOnlyList<Breakdowns.Dimension>? extraDimensions)
    {
        var groupers = breakdown.Select(code => Grouper(indicator, code, extraDimensions ?? [])).ToList();
        var rows = units
            .SelectMany(u => Combinations(groupers.Select(g => g(u)).ToList()).Select(groups => (Groups: groups, Unit: u)))
            .GroupBy(x => string.Join("\u001f", x.Groups), StringComparer.Ordinal)
            .Select(g => Summarise(indicator.Measure, g.First().Groups, g.Select(x => x.Unit).ToList()))
            .OrderBy(r => string.Join("\u001f", r.Groups), StringComparer.Ordinal)
            .ToList();
        return new IndicatorResult(indicator, period, breakdown, rows, Summarise(indicator.Measure, [], units));
    }

    /// <summary>Whether each dimension is one the indicator allows; the unknown one is named.</summary>
    public static string? InvalidBreakdown(IndicatorDefinition indicator, IReadOnlyList<string> breakdown) =>
        breakdown.FirstOrDefault(code => !indicator.Breakdowns.Contains(code, StringComparer.OrdinalIgnoreCase));

    private static Func<Unit, IEnumerable<string>> Grouper(IndicatorDefinition indicator, string code, IReadOnlyList<Breakdowns.Dimension> extra)
    {
        if (extra.FirstOrDefault(d => d.Code == code) is { } own)
        {
            return u => own.GroupsOf(u.Engagement, u.Engagement.StartDate);
        }

        if (indicator.Category is { } category && string.Equals(category, code, StringComparison.OrdinalIgnoreCase))
        {
            return u => [u.Category ?? Breakdowns.NotKnown];
        }

        var dimension = Breakdowns.Find(code) ?? throw new ArgumentException($"There is no breakdown called {code}.", nameof(code));
        return u => dimension.GroupsOf(u.Engagement, u.Engagement.StartDate);
    }

    private static IEnumerable<IReadOnlyList<string>> Combinations(IReadOnlyList<IEnumerable<string>> dimensions)
    {
        IEnumerable<IReadOnlyList<string>> result = [[]];
        foreach (var groups in dimensions)
        {
            var list = groups.ToList();
            result = result.SelectMany(prefix => list.Select(g => (IReadOnlyList<string>)[.. prefix, g])).ToList();
        }

        return result;
    }

    private static IndicatorRow Summarise(Measure measure, IReadOnlyList<string> groups, List<Unit> units)
    {
        switch (measure)
        {
            case Measure.Count:
                return CountRow(groups, units.Select(u => u.Key).Distinct().Count());
            case Measure.Rate:
                return RateRow(groups, units.Where(u => u.InNumerator).Select(u => u.Key).Distinct().Count(), units.Select(u => u.Key).Distinct().Count());
            default:
                var valued = units.Where(u => u.Value is not null).ToList();
                return MeanRow(groups, valued.Sum(u => u.Weight), valued.Sum(u => u.Value!.Value));
        }
    }

    public static IndicatorRow CountRow(IReadOnlyList<string> groups, int count) => new(groups, count, null, null);

    /// <summary>A rate: the numerator as the count, and the percentage to one decimal place (none when nothing is in the denominator).</summary>
    public static IndicatorRow RateRow(IReadOnlyList<string> groups, int numerator, int denominator) =>
        new(groups, numerator, denominator, denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero));

    /// <summary>A mean: the weight (how many things were measured) as the count, and the mean to two decimal places.</summary>
    public static IndicatorRow MeanRow(IReadOnlyList<string> groups, int weight, decimal sum) =>
        new(groups, weight, null, weight == 0 ? null : Math.Round(sum / weight, 2, MidpointRounding.AwayFromZero));

    /// <summary>Outcomes that are a job entry for the job-entries indicator.</summary>
    public static readonly IReadOnlyList<OutcomeKind> JobKinds = [OutcomeKind.JobEntry, OutcomeKind.SelfEmployment];

    /// <summary>Outcomes counted as an entry to education, training or volunteering.</summary>
    public static readonly IReadOnlyList<OutcomeKind> LearningAndVolunteeringKinds = [OutcomeKind.Education, OutcomeKind.Training, OutcomeKind.Volunteering];

    /// <summary>Referral statuses that count as accepted.</summary>
    public static readonly IReadOnlyList<ReferralStatus> AcceptedStatuses = [ReferralStatus.Accepted, ReferralStatus.Completed];

    public static bool PaysRealLivingWage(OutcomeFact job, decimal realLivingWage) => job.HourlyPay >= realLivingWage;

    /// <summary>The fair-work markers of a job entry: at least the Real Living Wage, not zero hours, at least 16 hours a week.</summary>
    public static bool IsFairWork(OutcomeFact job, decimal realLivingWage) =>
        job.HourlyPay >= realLivingWage && job.Contract != ContractType.ZeroHours && job.HoursPerWeek >= 16;

    private static IEnumerable<Unit> UnitsOf(IndicatorDefinition indicator, MeasurementFacts facts, ReportingPeriod period, decimal realLivingWage)
    {
        var engagements = facts.Engagements.ToDictionary(e => e.Id);
        IEnumerable<(EngagementFact Engagement, T Item)> On<T>(IEnumerable<T> items, Func<T, Guid> engagementOf) =>
            items.Where(i => engagements.ContainsKey(engagementOf(i))).Select(i => (engagements[engagementOf(i)], i));

        switch (indicator.Code)
        {
            case "supported":
                // One person, one unit: their latest engagement open in the period gives the breakdown groups.
                return facts.Engagements.Where(e => e.OpenDuring(period))
                    .GroupBy(e => e.ParticipantId)
                    .Select(g => new Unit(g.OrderByDescending(e => e.StartDate).First(), g.Key));

            case "starts":
                return facts.Engagements.Where(e => period.Contains(e.StartDate)).Select(e => new Unit(e, e.Id));

            case "stage-progressions":
                var forward = ForwardMovesIn(facts, period);
                return facts.Engagements.Where(e => e.OpenDuring(period))
                    .GroupBy(e => e.ParticipantId)
                    .Select(g => new Unit(g.OrderByDescending(e => e.StartDate).First(), g.Key, g.Any(e => forward.Contains(e.Id))));

            case "distance-travelled":
                return On(facts.Assessments, a => a.EngagementId)
                    .GroupBy(x => x.Engagement)
                    .Where(g => period.Contains(g.Max(x => x.Item.AssessedOn)))
                    .SelectMany(g => DistanceTravelled.Calculate(g.Select(x => new DistanceTravelled.Snapshot(x.Item.AssessedOn, x.Item.RecordedAt, x.Item.Scores)))
                        .Compared.Select(d => new Unit(g.Key, (g.Key.Id, d.Domain), Value: d.Change, Category: d.Domain.Describe().Name)));

            case "job-entries":
                return On(facts.Outcomes, o => o.EngagementId)
                    .Where(x => JobKinds.Contains(x.Item.Kind) && period.Contains(x.Item.StartDate))
                    .Select(x => new Unit(x.Engagement, x.Item.Id));

            case "job-entries-real-living-wage":
                return PaidJobs(facts, period, On).Select(x => new Unit(x.Engagement, x.Item.Id, PaysRealLivingWage(x.Item, realLivingWage)));

            case "job-entries-fair-work":
                return PaidJobs(facts, period, On).Select(x => new Unit(x.Engagement, x.Item.Id, IsFairWork(x.Item, realLivingWage)));

            case "education-training-volunteering":
                return On(facts.Outcomes, o => o.EngagementId)
                    .Where(x => LearningAndVolunteeringKinds.Contains(x.Item.Kind) && period.Contains(x.Item.StartDate))
                    .Select(x => new Unit(x.Engagement, x.Item.Id, Category: x.Item.Kind.ToString()));

            case "sustained-3-months" or "sustained-6-months" or "sustained-12-months":
                var point = (SustainmentPoint)indicator.SustainmentWeeks!.Value;
                return On(facts.SustainmentChecks, c => c.EngagementId)
                    .Where(x => x.Item.Point == point && period.Contains(x.Item.DueDate))
                    .Select(x => new Unit(x.Engagement, x.Item.Id, x.Item.Result == SustainmentResult.Sustained));

            case "leavers":
                return facts.Engagements.Where(e => e.LeftOn is { } left && period.Contains(left))
                    .Select(e => new Unit(e, e.Id, Category: e.LeavingReason?.ToString()));

            case "interventions":
                return On(facts.Interventions, i => i.EngagementId)
                    .Where(x => period.Contains(x.Item.StartDate))
                    .Select(x => new Unit(x.Engagement, x.Item.Id, Category: x.Item.Category));

            case "qualifications":
                return On(facts.Interventions, i => i.EngagementId)
                    .Where(x => x.Item.HasQualification && period.Contains(x.Item.EndDate ?? x.Item.StartDate))
                    .Select(x => new Unit(x.Engagement, x.Item.Id, Category: x.Item.QualificationScqfLevel is { } level ? $"SCQF level {level}" : "Level not recorded"));

            case "referrals-made":
                return On(facts.Referrals, r => r.EngagementId).Where(x => period.Contains(x.Item.SentOn)).Select(x => new Unit(x.Engagement, x.Item.Id));

            case "referrals-accepted":
                return On(facts.Referrals, r => r.EngagementId).Where(x => period.Contains(x.Item.SentOn))
                    .Select(x => new Unit(x.Engagement, x.Item.Id, AcceptedStatuses.Contains(x.Item.Status)));

            case "time-to-first-contact":
                return On(facts.Referrals, r => r.EngagementId)
                    .Where(x => x.Item.FirstContactOn is { } first && period.Contains(first))
                    .Select(x => new Unit(x.Engagement, x.Item.Id, Value: x.Item.FirstContactOn!.Value.DayNumber - x.Item.SentOn.DayNumber));

            case "satisfaction":
                // Feedback counts in the period when its financial quarter lies wholly inside it (anonymous feedback has no day).
                return facts.Feedback.Where(f => period.Contains(f.QuarterFrom) && period.Contains(f.QuarterTo))
                    .Select(f => new Unit(LepLevel(f.LepId, f.QuarterFrom), f.RatingId, f.Score >= 4));

            case "cost-per-start" or "cost-per-job-outcome":
                // Only contract quarters with spend recorded: a quarter whose claim is not in yet would make the cost look lower.
                var perStart = indicator.Code == "cost-per-start";
                return facts.ContractQuarters
                    .Where(q => q.Spend is not null && period.Contains(q.QuarterFrom) && period.Contains(q.QuarterTo))
                    .SelectMany(q => new[]
                    {
                        new Unit(LepLevel(q.LepId, q.QuarterFrom), (q.ContractId, q.QuarterFrom, "spend"), Value: q.Spend, Category: Breakdowns.FundingName(q.FundingStream), Weight: 0),
                        new Unit(LepLevel(q.LepId, q.QuarterFrom), (q.ContractId, q.QuarterFrom, "volume"), Value: 0,
                            Category: Breakdowns.FundingName(q.FundingStream), Weight: perStart ? q.Starts : q.JobOutcomes),
                    });

            default:
                throw new InvalidOperationException($"The indicator engine has no rule for {indicator.Code}.");
        }
    }

    private static EngagementFact LepLevel(Guid lepId, DateOnly date) =>
        new(Guid.Empty, Guid.Empty, lepId, date, null, null, ReferralSource.Other, [], NoPerson);

    private static IEnumerable<(EngagementFact Engagement, OutcomeFact Item)> PaidJobs(
        MeasurementFacts facts, ReportingPeriod period,
        Func<IEnumerable<OutcomeFact>, Func<OutcomeFact, Guid>, IEnumerable<(EngagementFact, OutcomeFact)>> on) =>
        on(facts.Outcomes, o => o.EngagementId).Where(x => x.Item2.Kind == OutcomeKind.JobEntry && x.Item2.HourlyPay is not null && period.Contains(x.Item2.StartDate));

    /// <summary>Engagements with a move in the period to a higher stage than the one they were at just before it.</summary>
    private static HashSet<Guid> ForwardMovesIn(MeasurementFacts facts, ReportingPeriod period)
    {
        var forward = new HashSet<Guid>();
        foreach (var moves in facts.StageMoves.GroupBy(m => m.EngagementId))
        {
            var ordered = moves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (period.Contains(ordered[i].Date) && ordered[i].Stage > ordered[i - 1].Stage)
                {
                    forward.Add(moves.Key);
                    break;
                }
            }
        }

        return forward;
    }

    /// <summary>What the rule for an indicator counts besides engagements (<see cref="UnitsOf"/> reads nothing else).</summary>
    public static FactKinds Needs(string code) => code switch
    {
        "supported" or "starts" or "leavers" => FactKinds.None,
        "stage-progressions" => FactKinds.StageMoves,
        "distance-travelled" => FactKinds.Assessments,
        "job-entries" or "job-entries-real-living-wage" or "job-entries-fair-work" or "education-training-volunteering" => FactKinds.Outcomes,
        "sustained-3-months" or "sustained-6-months" or "sustained-12-months" => FactKinds.SustainmentChecks,
        "interventions" or "qualifications" => FactKinds.Interventions,
        "referrals-made" or "referrals-accepted" or "time-to-first-contact" => FactKinds.Referrals,
        "satisfaction" => FactKinds.Feedback,
        "cost-per-start" or "cost-per-job-outcome" => FactKinds.ContractQuarters,
        _ => throw new InvalidOperationException($"The indicator engine has no rule for {code}."),
    };

    /// <summary>What a set of indicators counts between them.</summary>
    public static FactKinds Needs(IEnumerable<string> codes) => codes.Aggregate(FactKinds.None, (kinds, code) => kinds | Needs(code));

    /// <summary>The codes of the engine's own rules, for the test that every live definition has one.</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "supported", "starts", "stage-progressions", "distance-travelled", "job-entries", "job-entries-real-living-wage",
        "job-entries-fair-work", "education-training-volunteering", "sustained-3-months", "sustained-6-months",
        "sustained-12-months", "leavers", "interventions", "qualifications", "referrals-made", "referrals-accepted",
        "time-to-first-contact", "satisfaction", "cost-per-start", "cost-per-job-outcome",
    };
}

/// <summary>One row of an indicator: its groups (one per breakdown), the count, the denominator for rates and the value.</summary>
public sealed record IndicatorRow(IReadOnlyList<string> Groups, int Count, int? Denominator, decimal? Value);

public sealed record IndicatorResult(
    IndicatorDefinition Indicator, ReportingPeriod Period, IReadOnlyList<string> Breakdown, IReadOnlyList<IndicatorRow> Rows, IndicatorRow Total);
