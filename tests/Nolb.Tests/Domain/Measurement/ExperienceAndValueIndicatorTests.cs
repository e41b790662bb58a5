using Nolb.Web.Domain.Measurement;
using Nolb.Web.Domain.Participants;

namespace Nolb.Tests.Domain.Measurement;

/// <summary>
/// Customer satisfaction (from Customer Charter ratings) and the cost per start and per job outcome (from delivery
/// contracts' spend and attributed volumes), through the one engine, on small hand-built data for July to September
/// 2025 (2025-Q3, which is quarter 2 of the financial year 2025-26). The answers are worked out by hand below.
/// </summary>
public sealed class ExperienceAndValueIndicatorTests
{
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.LoadEmbedded();
    private static readonly string[] OncePending = ["satisfaction", "cost-per-start", "cost-per-job-outcome"];
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Quarter(2025, 3);
    private static readonly ReportingPeriod Year = ReportingPeriod.FinancialYear(2025);
    private static readonly Guid Lep = Guid.NewGuid();
    private static readonly DateOnly JulyFrom = new(2025, 7, 1), SeptemberTo = new(2025, 9, 30);
    private static readonly DateOnly OctoberFrom = new(2025, 10, 1), DecemberTo = new(2025, 12, 31);

    // July–September: ratings 5, 4, 3, 2 and 4, so three of five are 4 or 5. October–December: one rating of 5.
    private static readonly FeedbackFact[] Ratings =
    [
        Rating(JulyFrom, SeptemberTo, 5), Rating(JulyFrom, SeptemberTo, 4), Rating(JulyFrom, SeptemberTo, 3),
        Rating(JulyFrom, SeptemberTo, 2), Rating(JulyFrom, SeptemberTo, 4), Rating(OctoberFrom, DecemberTo, 5),
    ];

    // July–September: contract A (No One Left Behind) spent £10,000 for 8 starts and 2 job outcomes; contract B (Young
    // Person's Guarantee) £5,000 for 2 starts and no job outcome; contract C has 10 starts and 5 job outcomes but no spend
    // recorded yet, so it is left out. October–December: contract A spent £9,000 for 3 starts and 1 job outcome.
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private static readonly ContractQuarterFact[] Contracts =
    [
        new(A, Lep, FundingStream.NoOneLeftBehind, JulyFrom, SeptemberTo, 10_000m, 8, 2),
        new(B, Lep, FundingStream.YoungPersonsGuarantee, JulyFrom, SeptemberTo, 5_000m, 2, 0),
        new(C, Lep, FundingStream.NoOneLeftBehind, JulyFrom, SeptemberTo, null, 10, 5),
        new(A, Lep, FundingStream.NoOneLeftBehind, OctoberFrom, DecemberTo, 9_000m, 3, 1),
    ];

    private static FeedbackFact Rating(DateOnly from, DateOnly to, int score) => new(Guid.NewGuid(), Lep, from, to, score);

    private static IndicatorResult Compute(string code, ReportingPeriod period, params string[] breakdown) =>
        IndicatorEngine.Compute(Catalogue.Find(code)!, MeasurementFacts.Empty with { Feedback = Ratings, ContractQuarters = Contracts }, period, breakdown, 12.60m);

    [Fact]
    public void The_three_indicators_once_pending_are_live()
    {
        Assert.All(OncePending, code => Assert.True(Catalogue.Find(code)!.IsLive, code));
        Assert.All(Catalogue.Indicators, i => Assert.True(i.IsLive, i.Code));
    }

    [Fact]
    public void Satisfaction_is_the_share_of_ratings_of_4_or_5_given_in_the_period()
    {
        var quarter = Compute("satisfaction", Q3);

        Assert.Equal(3, quarter.Total.Count);
        Assert.Equal(5, quarter.Total.Denominator);
        Assert.Equal(60.0m, quarter.Total.Value);

        // The financial year holds both quarters: four of six ratings are 4 or 5, 66.67% to one decimal place.
        var year = Compute("satisfaction", Year);
        Assert.Equal(4, year.Total.Count);
        Assert.Equal(6, year.Total.Denominator);
        Assert.Equal(66.7m, year.Total.Value);
    }

    [Fact]
    public void Satisfaction_leaves_out_a_quarter_only_partly_in_the_period()
    {
        // 1 August to 30 September does not hold the whole of July to September, whose feedback has no day of its own.
        var result = Compute("satisfaction", ReportingPeriod.Between(new DateOnly(2025, 8, 1), SeptemberTo));

        Assert.Equal(0, result.Total.Denominator);
        Assert.Null(result.Total.Value);
    }

    [Fact]
    public void Cost_per_start_divides_spend_by_starts_over_contract_quarters_with_spend_recorded()
    {
        // (£10,000 + £5,000) / (8 + 2) starts; contract C has no spend recorded, so its 10 starts are not counted.
        var result = Compute("cost-per-start", Q3);

        Assert.Equal(1_500.00m, result.Total.Value);
        Assert.Equal(10, result.Total.Count);
    }

    [Fact]
    public void Cost_per_start_by_funding_stream_uses_each_contracts_stream()
    {
        var result = Compute("cost-per-start", Q3, "funding-stream");

        // No One Left Behind: £10,000 / 8 = £1,250. Young Person's Guarantee: £5,000 / 2 = £2,500.
        Assert.Equal(1_250.00m, result.Rows.Single(r => r.Groups[0] == "No One Left Behind").Value);
        Assert.Equal(2_500.00m, result.Rows.Single(r => r.Groups[0] == "Young Person's Guarantee").Value);
    }

    [Fact]
    public void Cost_per_job_outcome_divides_spend_by_job_outcomes_and_has_none_without_outcomes()
    {
        // £15,000 / 2 job outcomes in July–September; the year adds £9,000 and 1 outcome: £24,000 / 3 = £8,000.
        Assert.Equal(7_500.00m, Compute("cost-per-job-outcome", Q3).Total.Value);
        Assert.Equal(8_000.00m, Compute("cost-per-job-outcome", Year).Total.Value);

        var byStream = Compute("cost-per-job-outcome", Q3, "funding-stream");
        var guarantee = byStream.Rows.Single(r => r.Groups[0] == "Young Person's Guarantee");
        Assert.Equal(0, guarantee.Count);
        Assert.Null(guarantee.Value);
    }
}
