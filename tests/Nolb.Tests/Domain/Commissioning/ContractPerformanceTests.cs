using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;

namespace Nolb.Tests.Domain.Commissioning;

/// <summary>The RAG thresholds and the to-date arithmetic, as pure functions.</summary>
public sealed class ContractPerformanceTests
{
    [Theory]
    [InlineData(95, 100, Rag.Green)]
    [InlineData(19, 20, Rag.Green)]
    [InlineData(120, 100, Rag.Green)]
    [InlineData(94, 100, Rag.Amber)]
    [InlineData(80, 100, Rag.Amber)]
    [InlineData(79, 100, Rag.Red)]
    [InlineData(0, 1, Rag.Red)]
    [InlineData(5, 0, Rag.NotYetDue)]
    public void Green_is_95_percent_of_profile_amber_80_and_red_below(int actual, int profile, Rag expected) =>
        Assert.Equal(expected, RagThresholds.Of(actual, profile));

    [Fact]
    public void Only_quarters_that_have_ended_are_rated_and_costs_use_all_spend_and_actuals_so_far()
    {
        var contract = Contract(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), budget: 8000m, starts: 8, outcomes: 4);
        var (_, errors) = contract.SetProfile(
        [
            new(new FinancialQuarter(2026, 1), 2, 0, 2000m),
            new(new FinancialQuarter(2026, 2), 2, 1, 2000m),
            new(new FinancialQuarter(2026, 3), 2, 1, 2000m),
            new(new FinancialQuarter(2026, 4), 2, 2, 2000m),
        ]);
        Assert.Empty(errors);
        Assert.Empty(contract.RecordSpend(new FinancialQuarter(2026, 1), 1800m, null, Guid.NewGuid(), new DateOnly(2026, 11, 1), DateTime.UtcNow).Errors);
        var e = Guid.NewGuid();
        AttributedEvent[] events =
        [
            new(ActualKind.Start, e, new DateOnly(2026, 4, 20)), new(ActualKind.Start, Guid.NewGuid(), new DateOnly(2026, 5, 1)),
            new(ActualKind.Start, Guid.NewGuid(), new DateOnly(2026, 8, 1)), new(ActualKind.Start, Guid.NewGuid(), new DateOnly(2026, 10, 20)),
            new(ActualKind.JobOutcome, e, new DateOnly(2026, 10, 30)),
        ];

        // On 1 November 2026, Q1 and Q2 have ended: starts 3 of 4 (75%, red), job outcomes 0 of 1 (red).
        var p = ContractPerformance.Of(contract, events, new DateOnly(2026, 11, 1));

        Assert.Equal(new MeasureToDate(4, 3, 75, Rag.Red), p.Starts);
        Assert.Equal(new MeasureToDate(1, 0, 0, Rag.Red), p.JobOutcomes);
        Assert.Equal([true, true, false, false], p.Quarters.Select(q => q.Ended));
        Assert.Equal(4, p.StartsSoFar);
        Assert.Equal(450m, p.CostPerStart);
        Assert.Equal(1800m, p.CostPerJobOutcome);
        Assert.Equal(23, p.SpendPercentOfBudget);
        Assert.Equal(Rag.Red, p.Overall);

        var early = ContractPerformance.Of(contract, [], new DateOnly(2026, 6, 30));
        Assert.Equal(Rag.NotYetDue, early.Overall);
        Assert.Null(early.CostPerStart);
    }

    [Fact]
    public void A_profile_must_add_up_and_spend_never_exceeds_the_budget()
    {
        var contract = Contract(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), budget: 1000m, starts: 3, outcomes: 1);

        var (_, errors) = contract.SetProfile([new(new FinancialQuarter(2026, 1), 1, 1, 600m), new(new FinancialQuarter(2026, 2), 1, 0, 600m)]);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("profile", e.Field));
        Assert.Empty(contract.Profile);
        var today = new DateOnly(2026, 8, 1);
        Assert.Empty(contract.RecordSpend(new FinancialQuarter(2026, 1), 700m, null, Guid.NewGuid(), today, DateTime.UtcNow).Errors);
        Assert.Equal("amount", contract.RecordSpend(new FinancialQuarter(2026, 2), 300.01m, null, Guid.NewGuid(), today, DateTime.UtcNow).Errors.Single().Field);
        Assert.Equal(700m, contract.SpendRecorded);
    }

    private static DeliveryContract Contract(DateOnly start, DateOnly end, decimal budget, int starts, int outcomes)
    {
        var contract = new DeliveryContract();
        var errors = contract.Apply(
            new ContractTerms("Test", ContractKind.Grant, Guid.NewGuid(), FundingStream.NoOneLeftBehind, TargetGroup.Parents, start, end, null, budget, starts, outcomes, [], null),
            partnerKnown: true, servicesOfPartner: true, requirementKnown: true);
        Assert.Empty(errors);
        return contract;
    }
}
