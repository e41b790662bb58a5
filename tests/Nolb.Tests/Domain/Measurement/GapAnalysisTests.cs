using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>
/// The gap analysis on a hand-built LEP for the financial year 2024-25: 30 women and 10 men started, all still
/// supported; 6 women and 6 men entered work. Worked by hand: women are 75% of starts against 50% of the
/// population (+25 points), men 25% (−25); the average job-entry rate is 12 / 40 = 30%, women's 6 / 30 = 20%
/// (−10 points), men's rate rests on 10 people, under the minimum base of 20, so it is not shown.
/// </summary>
public sealed class GapAnalysisTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2024);
    private static readonly Guid Lep = Guid.NewGuid();

    private static MeasurementFacts Facts(int women = 30, int men = 10, int womenInWork = 6, int menInWork = 6, int notKnown = 0)
    {
        var engagements = new List<EngagementFact>();
        var outcomes = new List<OutcomeFact>();
        void Add(Sex? sex, int count, int inWork)
        {
            for (var i = 0; i < count; i++)
            {
                var e = new EngagementFact(Guid.NewGuid(), Guid.NewGuid(), Lep, new DateOnly(2024, 5, 1), null, null, ReferralSource.Self,
                    [FundingStream.NoOneLeftBehind], new PersonFact(new DateOnly(1990, 1, 1), sex));
                engagements.Add(e);
                if (i < inWork)
                {
                    outcomes.Add(new OutcomeFact(Guid.NewGuid(), e.Id, OutcomeKind.JobEntry, new DateOnly(2024, 9, 1)));
                }
            }
        }

        Add(Sex.Female, women, womenInWork);
        Add(Sex.Male, men, menInWork);
        Add(null, notKnown, 0);
        return MeasurementFacts.Empty with { Engagements = engagements, Outcomes = outcomes };
    }

    private static readonly PopulationEntry[] EvenSexes = [new("sex", "Female", 50_000), new("sex", "Male", 50_000)];

    private static DimensionGaps Sexes(MeasurementFacts facts, IReadOnlyList<PopulationEntry> population, bool control = false, decimal threshold = 5m) =>
        GapAnalysis.Analyse(facts, Year, population, new GapRules(threshold, DisclosureRules.Default), control).Single(d => d.Dimension == "sex");

    private static GroupGap Group(DimensionGaps d, string group) => d.Groups.Single(g => g.Group == group);

    [Fact]
    public void Shares_of_starts_are_compared_with_shares_of_the_population_and_large_gaps_flagged()
    {
        var sex = Sexes(Facts(), EvenSexes);

        Assert.True(sex.HasPopulation);
        var women = Group(sex, "Female");
        Assert.Equal(30, women.Starts.Value);
        Assert.Equal(75.0m, women.StartShare);
        Assert.Equal(50.0m, women.PopulationShare);
        Assert.Equal(25.0m, women.ShareGap);
        Assert.Equal(GapFlag.Above, women.ShareFlag);
        var men = Group(sex, "Male");
        Assert.Equal(-25.0m, men.ShareGap);
        Assert.Equal(GapFlag.Below, men.ShareFlag);
    }

    [Fact]
    public void Job_entry_rates_are_compared_with_the_average_and_a_small_base_is_neither_shown_nor_flagged()
    {
        var sex = Sexes(Facts(), EvenSexes);

        Assert.Equal(30.0m, sex.AverageJobEntryRate);
        var women = Group(sex, "Female");
        Assert.Equal(20.0m, women.JobEntryRate);
        Assert.Equal(-10.0m, women.RateGap);
        Assert.Equal(GapFlag.Below, women.RateFlag);
        var men = Group(sex, "Male");
        Assert.Equal(6, men.JobEntrants.Value);
        Assert.Null(men.JobEntryRate);
        Assert.Equal(GapFlag.None, men.RateFlag);
    }

    [Fact]
    public void The_threshold_decides_what_is_flagged()
    {
        var sex = Sexes(Facts(), EvenSexes, threshold: 30m);

        Assert.Equal(GapFlag.None, Group(sex, "Female").ShareFlag);
        Assert.Equal(GapFlag.None, Group(sex, "Female").RateFlag);
    }

    [Fact]
    public void People_whose_answer_is_not_known_are_left_out_of_the_shares()
    {
        // 30 women, 10 men and 8 not known: the shares are still of the 40 whose sex is known.
        var sex = Sexes(Facts(notKnown: 8), EvenSexes);

        Assert.Equal(75.0m, Group(sex, "Female").StartShare);
        Assert.Equal(8, Group(sex, Breakdowns.NotKnown).Starts.Value);
        Assert.Null(Group(sex, Breakdowns.NotKnown).StartShare);
        Assert.Equal(48, sex.TotalStarts.Value);
    }

    [Fact]
    public void Without_population_figures_there_are_no_shares_but_the_job_entry_gaps_remain()
    {
        var sex = Sexes(Facts(), []);

        Assert.False(sex.HasPopulation);
        Assert.All(sex.Groups, g => Assert.Null(g.StartShare));
        Assert.Equal(-10.0m, Group(sex, "Female").RateGap);
    }

    [Fact]
    public void Under_disclosure_control_a_small_count_is_hidden_and_no_share_rests_on_it()
    {
        // 30 women and 3 men: 3 is suppressed, and so (secondary) is one more cell, so the shares cannot be shown.
        var sex = Sexes(Facts(men: 3, menInWork: 1), EvenSexes, control: true);

        var men = Group(sex, "Male");
        Assert.True(men.Starts.IsSuppressed);
        Assert.Null(men.StartShare);
        Assert.Null(Group(sex, "Female").StartShare);
        Assert.True(men.JobEntrants.IsSuppressed);
        Assert.Null(men.JobEntryRate);
        Assert.Equal(33, sex.TotalStarts.Value);
        Assert.False(sex.TotalStarts.IsSuppressed);
    }

    [Fact]
    public void Every_gap_breakdown_is_analysed_and_simd_quintiles_come_from_the_person()
    {
        var person = new PersonFact(new DateOnly(1990, 1, 1), Sex.Female, SimdQuintile: 1);
        var e = new EngagementFact(Guid.NewGuid(), Guid.NewGuid(), Lep, new DateOnly(2024, 6, 1), null, null, ReferralSource.Self, [], person);
        var gaps = GapAnalysis.Analyse(MeasurementFacts.Empty with { Engagements = [e] }, Year, [], GapRules.Default, control: false);

        Assert.Equal(GapAnalysis.Dimensions, gaps.Select(d => d.Dimension));
        Assert.Equal(1, gaps.Single(d => d.Dimension == "simd-quintile").Groups.Single(g => g.Group == "Quintile 1").Starts.Value);
    }
}
