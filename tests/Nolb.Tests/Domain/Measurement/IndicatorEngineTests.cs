using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>
/// Every indicator on one small, hand-built LEP for July to September 2025 (2025-Q3). The answers are worked out
/// by hand in each test from the people and records listed in <see cref="Facts"/>.
/// </summary>
public sealed class IndicatorEngineTests
{
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.LoadEmbedded();
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Quarter(2025, 3);
    private static readonly Guid Lep = Guid.NewGuid();
    private const decimal RealLivingWage = 12.60m;

    // A: a woman born 1 January 2000, disabled. E0 (Jan–5 Jul 2025, left: no longer engaging) and E1 (from 10 Jul 2025).
    // B: a man born 5 May 1990, not disabled. E2 (1 Mar 2025 – 15 Aug 2025, left: entered employment).
    // C: a woman born 2 Feb 2005. E3 starts on the last day of the quarter, 30 Sep 2025.
    // D: a man whose engagement ended on 30 Jun 2025, the day before the quarter. E: a woman starting 1 Oct 2025.
    private static readonly PersonFact A = new(new DateOnly(2000, 1, 1), Sex.Female, Ethnicity.WhiteScottish, YesNo.Yes);
    private static readonly PersonFact B = new(new DateOnly(1990, 5, 5), Sex.Male, Ethnicity.AsianPakistani, YesNo.No);
    private static readonly PersonFact C = new(new DateOnly(2005, 2, 2), Sex.Female, null, YesNo.No, CareExperienced: true);
    private static readonly Guid PersonA = Guid.NewGuid(), PersonB = Guid.NewGuid(), PersonC = Guid.NewGuid(), PersonD = Guid.NewGuid(), PersonE = Guid.NewGuid();

    private static readonly EngagementFact E0 = new(Guid.NewGuid(), PersonA, Lep, new(2025, 1, 1), new(2025, 7, 5), LeavingReason.NoLongerEngaging, ReferralSource.Self, [FundingStream.NoOneLeftBehind], A);
    private static readonly EngagementFact E1 = new(Guid.NewGuid(), PersonA, Lep, new(2025, 7, 10), null, null, ReferralSource.Self, [FundingStream.NoOneLeftBehind], A);
    private static readonly EngagementFact E2 = new(Guid.NewGuid(), PersonB, Lep, new(2025, 3, 1), new(2025, 8, 15), LeavingReason.EnteredEmployment, ReferralSource.JobcentrePlus,
        [FundingStream.NoOneLeftBehind, FundingStream.ParentalEmployabilitySupport], B);
    private static readonly EngagementFact E3 = new(Guid.NewGuid(), PersonC, Lep, new(2025, 9, 30), null, null, ReferralSource.JobcentrePlus, [FundingStream.YoungPersonsGuarantee], C);
    private static readonly EngagementFact E4 = new(Guid.NewGuid(), PersonD, Lep, new(2024, 1, 1), new(2025, 6, 30), LeavingReason.CompletedSupport, ReferralSource.Health, [FundingStream.NoOneLeftBehind], B);
    private static readonly EngagementFact E5 = new(Guid.NewGuid(), PersonE, Lep, new(2025, 10, 1), null, null, ReferralSource.Self, [FundingStream.NoOneLeftBehind], C);

    private static MeasurementFacts Facts() => new(
        [E0, E1, E2, E3, E4, E5],
        [
            Move(E1, PipelineStage.EngagementReferralAndAssessment, new(2025, 7, 10)),
            Move(E1, PipelineStage.VocationalActivity, new(2025, 8, 1)), // A moves forward in the quarter
            Move(E2, PipelineStage.EngagementReferralAndAssessment, new(2025, 3, 1)),
            Move(E2, PipelineStage.NeedsAssessmentAndBarrierRemoval, new(2025, 4, 1)), // forward, but before the quarter
            Move(E2, PipelineStage.EngagementReferralAndAssessment, new(2025, 7, 15)), // B moves back in the quarter
            Move(E3, PipelineStage.EngagementReferralAndAssessment, new(2025, 9, 30)),
        ],
        [
            new(Guid.NewGuid(), E2.Id, OutcomeKind.JobEntry, new(2025, 8, 16), 12.60m, 35, ContractType.Permanent), // O1: RLW, fair
            new(Guid.NewGuid(), E1.Id, OutcomeKind.SelfEmployment, new(2025, 9, 1), null, 20, ContractType.SelfEmployed), // O2: no pay
            new(Guid.NewGuid(), E1.Id, OutcomeKind.JobEntry, new(2025, 6, 1), 15m, 37, ContractType.Permanent), // O3: before the quarter
            new(Guid.NewGuid(), E3.Id, OutcomeKind.JobEntry, new(2025, 9, 30), 11.00m, 20, ContractType.ZeroHours), // O4: below RLW
            new(Guid.NewGuid(), E1.Id, OutcomeKind.JobEntry, new(2025, 7, 20), 13.00m, 10, ContractType.Permanent), // O5: RLW, under 16 hours
            new(Guid.NewGuid(), E1.Id, OutcomeKind.Education, new(2025, 7, 15)),
            new(Guid.NewGuid(), E3.Id, OutcomeKind.Volunteering, new(2025, 9, 30)),
            new(Guid.NewGuid(), E2.Id, OutcomeKind.Training, new(2025, 10, 2)), // after the quarter
        ],
        [
            new(Guid.NewGuid(), E2.Id, SustainmentPoint.Weeks13, new(2025, 8, 1), SustainmentResult.Sustained),
            new(Guid.NewGuid(), E1.Id, SustainmentPoint.Weeks13, new(2025, 9, 1), SustainmentResult.NotSustained),
            new(Guid.NewGuid(), E1.Id, SustainmentPoint.Weeks13, new(2025, 9, 15), null),
            new(Guid.NewGuid(), E2.Id, SustainmentPoint.Weeks13, new(2025, 10, 15), SustainmentResult.Sustained), // due after the quarter
            new(Guid.NewGuid(), E2.Id, SustainmentPoint.Weeks26, new(2025, 8, 10), SustainmentResult.Sustained),
        ],
        [
            new(Guid.NewGuid(), E1.Id, "Job Search", new(2025, 7, 20), null, null, false),
            new(Guid.NewGuid(), E1.Id, "Job Search", new(2025, 8, 1), new(2025, 8, 30), 5, true),
            new(Guid.NewGuid(), E2.Id, "Health and Wellbeing", new(2025, 6, 1), new(2025, 7, 15), 4, true), // started before, ended in the quarter
            new(Guid.NewGuid(), E2.Id, "Work Experience", new(2025, 9, 1), null, null, true), // a qualification with no level
        ],
        [
            new(Guid.NewGuid(), E1.Id, new(2025, 7, 11), ReferralStatus.Accepted, new(2025, 7, 14)), // 3 days
            new(Guid.NewGuid(), E2.Id, new(2025, 6, 20), ReferralStatus.Completed, new(2025, 7, 5)), // sent before; 15 days
            new(Guid.NewGuid(), E1.Id, new(2025, 8, 1), ReferralStatus.Declined, null),
            new(Guid.NewGuid(), E3.Id, new(2025, 9, 30), ReferralStatus.Sent, null),
        ],
        [
            Assessment(E1, new(2025, 7, 10), (AssessmentDomain.Confidence, 2), (AssessmentDomain.Housing, 3)),
            Assessment(E1, new(2025, 8, 20), (AssessmentDomain.Confidence, 4), (AssessmentDomain.Housing, 3), (AssessmentDomain.Transport, 2)),
            Assessment(E2, new(2025, 3, 5), (AssessmentDomain.Confidence, 1)),
            Assessment(E2, new(2025, 5, 5), (AssessmentDomain.Confidence, 2)), // latest before the quarter: not counted
            Assessment(E3, new(2025, 9, 30), (AssessmentDomain.Confidence, 3)), // only one: nothing to compare
        ]);

    private static StageMoveFact Move(EngagementFact e, PipelineStage stage, DateOnly date) => new(e.Id, stage, date, date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private static AssessmentFact Assessment(EngagementFact e, DateOnly on, params (AssessmentDomain Domain, int Score)[] scores) =>
        new(e.Id, on, on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), scores.ToDictionary(s => s.Domain, s => s.Score));

    private static IndicatorResult Compute(string code, params string[] breakdown) =>
        IndicatorEngine.Compute(Catalogue.Find(code)!, Facts(), Q3, breakdown, RealLivingWage);

    private static IndicatorRow Row(IndicatorResult result, params string[] groups) =>
        result.Rows.Single(r => r.Groups.SequenceEqual(groups));

    private static (string Groups, int Count, int? Denominator, decimal? Value) Flat(IndicatorRow r) => (string.Join("/", r.Groups), r.Count, r.Denominator, r.Value);

    public static TheoryData<string> LiveCodes => new(IndicatorEngine.Codes.Order(StringComparer.Ordinal));

    /// <summary>
    /// Tables load only the kinds of record their indicators need: for every indicator, every breakdown it allows gives
    /// the same answer from the facts cut down to its needs as from all of them (feedback and spend added here so that
    /// every kind has rows that count in the quarter).
    /// </summary>
    [Theory]
    [MemberData(nameof(LiveCodes))]
    public void An_indicator_needs_no_kind_of_record_but_those_it_names(string code)
    {
        var contract = Guid.NewGuid();
        var facts = Facts();
        var all = facts with
        {
            SustainmentChecks = [.. facts.SustainmentChecks, new(Guid.NewGuid(), E2.Id, SustainmentPoint.Weeks52, new(2025, 9, 1), SustainmentResult.Sustained)],
            Feedback = [new(Guid.NewGuid(), Lep, Q3.From, Q3.To, 5), new(Guid.NewGuid(), Lep, Q3.From, Q3.To, 2)],
            ContractQuarters = [new(contract, Lep, FundingStream.NoOneLeftBehind, Q3.From, Q3.To, 30_000m, 12, 4)],
        };
        var needs = IndicatorEngine.Needs(code);
        var cut = new MeasurementFacts(
            all.Engagements,
            needs.HasFlag(FactKinds.StageMoves) ? all.StageMoves : [],
            needs.HasFlag(FactKinds.Outcomes) ? all.Outcomes : [],
            needs.HasFlag(FactKinds.SustainmentChecks) ? all.SustainmentChecks : [],
            needs.HasFlag(FactKinds.Interventions) ? all.Interventions : [],
            needs.HasFlag(FactKinds.Referrals) ? all.Referrals : [],
            needs.HasFlag(FactKinds.Assessments) ? all.Assessments : [])
        {
            Feedback = needs.HasFlag(FactKinds.Feedback) ? all.Feedback : [],
            ContractQuarters = needs.HasFlag(FactKinds.ContractQuarters) ? all.ContractQuarters : [],
        };
        var indicator = Catalogue.Find(code)!;

        foreach (var breakdown in indicator.Breakdowns.Select(b => new[] { b }).Prepend([]))
        {
            var expected = IndicatorEngine.Compute(indicator, all, Q3, breakdown, RealLivingWage);
            var actual = IndicatorEngine.Compute(indicator, cut, Q3, breakdown, RealLivingWage);
            Assert.True(expected.Total.Count > 0, $"{code}: the hand-built facts count nothing, so the test would prove nothing");
            Assert.Equal(expected.Rows.Prepend(expected.Total).Select(Flat), actual.Rows.Prepend(actual.Total).Select(Flat));
        }
    }

    [Fact]
    public void Every_live_indicator_has_a_rule_and_every_breakdown_is_known()
    {
        Assert.Equal(IndicatorEngine.Codes.Order(), Catalogue.Indicators.Where(i => i.IsLive).Select(i => i.Code).Order());
        foreach (var indicator in Catalogue.Indicators)
        {
            Assert.All(indicator.Breakdowns, b => Assert.True(Breakdowns.Find(b) is not null || b == indicator.Category, $"{indicator.Code}: {b}"));
        }

        Assert.Equal(Enum.GetValues<Theme>(), Catalogue.Indicators.Select(i => i.Theme).Distinct().Order());
    }

    [Fact]
    public void Supported_counts_each_person_open_in_the_quarter_once()
    {
        // A (two engagements), B (left in August) and C (started on the last day); not D (left the day before) or E (starts after).
        var result = Compute("supported", "sex");

        Assert.Equal(3, result.Total.Count);
        Assert.Equal(2, Row(result, "Female").Count);
        Assert.Equal(1, Row(result, "Male").Count);
    }

    [Fact]
    public void Supported_by_funding_stream_puts_a_person_in_each_of_their_streams()
    {
        // A on E1: NOLB. B on E2: NOLB and Parental Employability Support. C on E3: Young Person's Guarantee.
        var result = Compute("supported", "funding-stream");

        Assert.Equal(2, Row(result, "No One Left Behind").Count);
        Assert.Equal(1, Row(result, "Parental Employability Support").Count);
        Assert.Equal(1, Row(result, "Young Person's Guarantee").Count);
        Assert.Equal(3, result.Total.Count);
    }

    [Fact]
    public void Starts_count_by_start_date_with_age_at_start()
    {
        // E1 (A, aged 25 on 10 Jul 2025) and E3 (C, aged 20 on 30 Sep 2025). E0 and E2 began earlier; E5 later.
        var result = Compute("starts", "age-band");

        Assert.Equal(2, result.Total.Count);
        Assert.Equal(1, Row(result, "25–29").Count);
        Assert.Equal(1, Row(result, "20–24").Count);
    }

    [Fact]
    public void Starts_break_down_two_ways_for_intersectional_figures()
    {
        var result = Compute("starts", "sex", "disability");

        Assert.Equal(1, Row(result, "Female", "Yes").Count);
        Assert.Equal(1, Row(result, "Female", "No").Count);
        Assert.Equal(2, result.Rows.Count);
    }

    [Fact]
    public void Starts_by_referral_source_ethnicity_and_care_experience()
    {
        Assert.Equal(1, Row(Compute("starts", "referral-source"), "Self-referral").Count);
        Assert.Equal(1, Row(Compute("starts", "referral-source"), "Jobcentre Plus").Count);
        Assert.Equal(1, Row(Compute("starts", "ethnicity"), "White Scottish or British").Count);
        Assert.Equal(1, Row(Compute("starts", "ethnicity"), "Not known").Count);
        Assert.Equal(1, Row(Compute("starts", "care-experienced"), "Yes").Count);
        Assert.Equal(2, Row(Compute("starts", "simd-quintile"), "Not known").Count);
        Assert.Equal(2, Row(Compute("starts", "priority-family"), "Not in a priority family").Count);
    }

    [Fact]
    public void Stage_progressions_count_forward_moves_only_as_a_share_of_people_supported()
    {
        // A moved 1 → 3 on 1 Aug; B moved back 2 → 1 on 15 Jul; C has only started. 1 of 3 = 33.3%.
        var result = Compute("stage-progressions");

        Assert.Equal(1, result.Total.Count);
        Assert.Equal(3, result.Total.Denominator);
        Assert.Equal(33.3m, result.Total.Value);
    }

    [Fact]
    public void Distance_travelled_is_the_mean_change_per_domain_for_assessments_ending_in_the_quarter()
    {
        // E1: confidence 2 → 4 (+2), housing 3 → 3 (0), transport scored once. E2's latest was in May; E3 has one assessment.
        var result = Compute("distance-travelled", "assessment-domain");

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(2.00m, result.Rows.Single(r => r.Groups[0] == AssessmentDomain.Confidence.Describe().Name).Value);
        Assert.Equal(0.00m, result.Rows.Single(r => r.Groups[0] == AssessmentDomain.Housing.Describe().Name).Value);
        Assert.Equal(1.00m, result.Total.Value);
        Assert.Equal(2, result.Total.Count);
    }

    [Fact]
    public void Job_entries_count_jobs_and_self_employment_starting_in_the_quarter()
    {
        // O1 (16 Aug), O2 self-employment (1 Sep), O4 (30 Sep), O5 (20 Jul); not O3 (June).
        var result = Compute("job-entries", "sex");

        Assert.Equal(4, result.Total.Count);
        Assert.Equal(3, Row(result, "Female").Count);
        Assert.Equal(1, Row(result, "Male").Count);
    }

    [Fact]
    public void Real_living_wage_share_is_of_paid_jobs_with_the_rate_itself_counting()
    {
        // Paid jobs: O1 £12.60 (yes, exactly the rate), O4 £11.00 (no), O5 £13.00 (yes). 2 of 3 = 66.7%.
        var result = Compute("job-entries-real-living-wage");

        Assert.Equal(2, result.Total.Count);
        Assert.Equal(3, result.Total.Denominator);
        Assert.Equal(66.7m, result.Total.Value);
    }

    [Fact]
    public void Fair_work_share_needs_the_wage_16_hours_and_no_zero_hours_contract()
    {
        // O1 meets all three; O4 is zero hours below the rate; O5 is 10 hours a week. 1 of 3 = 33.3%.
        var result = Compute("job-entries-fair-work");

        Assert.Equal(1, result.Total.Count);
        Assert.Equal(3, result.Total.Denominator);
        Assert.Equal(33.3m, result.Total.Value);
    }

    [Fact]
    public void Education_training_and_volunteering_by_kind()
    {
        // Education on 15 Jul, volunteering on 30 Sep; the training starts 2 Oct.
        var result = Compute("education-training-volunteering", "outcome-kind");

        Assert.Equal(2, result.Total.Count);
        Assert.Equal(1, Row(result, "Education").Count);
        Assert.Equal(1, Row(result, "Volunteering").Count);
    }

    [Fact]
    public void Sustainment_is_the_share_of_checks_due_in_the_quarter_recorded_as_sustained()
    {
        // 13 weeks: due 1 Aug (sustained), 1 Sep (not sustained), 15 Sep (not recorded) → 1 of 3; 15 Oct is after.
        var thirteen = Compute("sustained-3-months");
        Assert.Equal(1, thirteen.Total.Count);
        Assert.Equal(3, thirteen.Total.Denominator);
        Assert.Equal(33.3m, thirteen.Total.Value);

        // 26 weeks: one check, sustained → 100%. 52 weeks: none due, so no rate.
        Assert.Equal(100.0m, Compute("sustained-6-months").Total.Value);
        var fiftyTwo = Compute("sustained-12-months");
        Assert.Equal(0, fiftyTwo.Total.Denominator);
        Assert.Null(fiftyTwo.Total.Value);
    }

    [Fact]
    public void Leavers_by_reason_count_leaving_dates_in_the_quarter()
    {
        // E0 left 5 Jul (no longer engaging), E2 left 15 Aug (entered employment); E4 left 30 Jun.
        var result = Compute("leavers", "leaving-reason");

        Assert.Equal(2, result.Total.Count);
        Assert.Equal(1, Row(result, nameof(LeavingReason.NoLongerEngaging)).Count);
        Assert.Equal(1, Row(result, nameof(LeavingReason.EnteredEmployment)).Count);
    }

    [Fact]
    public void Interventions_by_category_count_starts_in_the_quarter()
    {
        // Two job search (20 Jul, 1 Aug) and work experience (1 Sep); health and wellbeing started in June.
        var result = Compute("interventions", "intervention-category");

        Assert.Equal(3, result.Total.Count);
        Assert.Equal(2, Row(result, "Job Search").Count);
        Assert.Equal(1, Row(result, "Work Experience").Count);
    }

    [Fact]
    public void Qualifications_by_scqf_level_are_dated_by_their_end()
    {
        // Level 5 ended 30 Aug; level 4 ended 15 Jul (started in June); the level-less one has no end, started 1 Sep.
        var result = Compute("qualifications", "scqf-level");

        Assert.Equal(3, result.Total.Count);
        Assert.Equal(1, Row(result, "SCQF level 4").Count);
        Assert.Equal(1, Row(result, "SCQF level 5").Count);
        Assert.Equal(1, Row(result, "Level not recorded").Count);
    }

    [Fact]
    public void Referrals_made_accepted_and_days_to_first_contact()
    {
        // Sent in the quarter: 11 Jul (accepted), 1 Aug (declined), 30 Sep (waiting) → 3 made, 1 accepted (33.3%).
        Assert.Equal(3, Compute("referrals-made").Total.Count);
        var accepted = Compute("referrals-accepted");
        Assert.Equal(1, accepted.Total.Count);
        Assert.Equal(3, accepted.Total.Denominator);
        Assert.Equal(33.3m, accepted.Total.Value);

        // First contacts in the quarter: 14 Jul (3 days after sending) and 5 Jul (15 days after 20 Jun): mean 9.
        var days = Compute("time-to-first-contact");
        Assert.Equal(2, days.Total.Count);
        Assert.Equal(9.00m, days.Total.Value);
    }

    [Fact]
    public void A_pending_indicator_is_defined_but_not_computed()
    {
        // Every indicator of the catalogue is live now; a definition marked pending (waiting for its data) is still refused.
        var pending = Catalogue.Find("satisfaction")! with { Status = IndicatorStatus.Pending, PendingReason = "Waiting for feedback." };

        Assert.Throws<InvalidOperationException>(() => IndicatorEngine.Compute(pending, Facts(), Q3, [], RealLivingWage));
    }

    [Theory]
    [InlineData("2025-Q3", "2025-07-01", "2025-09-30", "2025-Q2")]
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31", "2024-Q4")]
    [InlineData("2025-26", "2025-04-01", "2026-03-31", "2024-25")]
    [InlineData("1999-00", "1999-04-01", "2000-03-31", "1998-99")]
    public void Periods_parse_and_know_the_one_before(string text, string from, string to, string previous)
    {
        var period = ReportingPeriod.Parse(text)!;

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(previous, period.Previous().Label);
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("2025-27")]
    [InlineData("Q3 2025")]
    [InlineData("")]
    public void Nonsense_periods_do_not_parse(string text) => Assert.Null(ReportingPeriod.Parse(text));

    [Fact]
    public void The_latest_two_quarters_are_provisional()
    {
        var today = new DateOnly(2025, 11, 20); // in 2025-Q4
        Assert.True(ReportingPeriod.Quarter(2025, 4).IsProvisionalOn(today));
        Assert.True(ReportingPeriod.Quarter(2025, 3).IsProvisionalOn(today));
        Assert.False(ReportingPeriod.Quarter(2025, 2).IsProvisionalOn(today));
        Assert.True(ReportingPeriod.FinancialYear(2025).IsProvisionalOn(today));
        Assert.False(ReportingPeriod.FinancialYear(2024).IsProvisionalOn(today));
    }
}
