using Nolb.Web.Domain.BetterOffInWork;

namespace Nolb.Tests.Domain.BetterOffInWork;

/// <summary>
/// Properties that must hold for any household, checked over a few hundred generated ones (fixed seed, so a failure
/// repeats) and every half hour of work from 0 to 45 hours a week, under both shipped tax years.
/// </summary>
public sealed class BetterOffPropertyTests
{
    private const int Households = 300;

    public static TheoryData<string> TaxYears => ["2025-26", "2026-27"];

    [Theory]
    [MemberData(nameof(TaxYears))]
    public void Universal_credit_and_scottish_child_payment_are_never_negative(string taxYear)
    {
        var rates = BetterOffCalculatorTests.Catalog.Find(taxYear)!;
        foreach (var household in Generate(new Random(2025)))
        {
            foreach (var result in AtEveryHour(household, rates))
            {
                Assert.True(result.Now.UniversalCredit >= 0 && result.InWork.UniversalCredit >= 0, Describe(household));
                Assert.True(result.InWork.ScottishChildPayment >= 0, Describe(household));
            }
        }
    }

    /// <summary>
    /// More hours at the same pay never leave the household worse off. Two things are counted as the household's
    /// own money rather than lost: the person's pension contribution (at the £10,000 auto-enrolment trigger take-home
    /// pay drops, but the money goes into their own pension). The one true cliff edge is Scottish Child Payment,
    /// which stops when Universal Credit tapers to nothing; there the fall is never more than the payment lost.
    /// </summary>
    [Theory]
    [MemberData(nameof(TaxYears))]
    public void More_pay_never_lowers_net_income_except_by_scottish_child_payment_lost_at_the_cliff_edge(string taxYear)
    {
        var rates = BetterOffCalculatorTests.Catalog.Find(taxYear)!;
        var checkedSteps = 0;
        var cliffEdges = 0;
        foreach (var household in Generate(new Random(2026)))
        {
            var previous = (BetterOffResult?)null;
            foreach (var result in AtEveryHour(household, rates))
            {
                if (previous is not null)
                {
                    var before = previous.InWork.NetHouseholdIncome + previous.InWork.Pension;
                    var after = result.InWork.NetHouseholdIncome + result.InWork.Pension;
                    var scpLost = Math.Max(0, previous.InWork.ScottishChildPayment - result.InWork.ScottishChildPayment);
                    cliffEdges += scpLost > 0 ? 1 : 0;
                    Assert.True(
                        after >= before - scpLost - 0.02m,
                        $"{Describe(household)}: {previous.InWork.GrossEarnings} → {result.InWork.GrossEarnings} gross took net + pension from {before} to {after}");
                    checkedSteps++;
                }

                previous = result;
            }
        }

        Assert.True(checkedSteps > Households * 80, $"checked {checkedSteps} steps");
        Assert.True(cliffEdges > 0, "the generated households include families who reach the Scottish Child Payment cliff edge");
    }

    private static IEnumerable<BetterOffResult> AtEveryHour(Household household, RateTable rates)
    {
        for (var halfHours = 0; halfHours <= 90; halfHours++)
        {
            var offer = household.Offer with { HoursPerWeek = halfHours / 2m };
            yield return BetterOffCalculator.Calculate(household with { Offer = offer }, rates);
        }
    }

    private static IEnumerable<Household> Generate(Random random)
    {
        for (var i = 0; i < Households; i++)
        {
            var adults = Enumerable.Range(0, random.Next(1, 3)).Select(_ => new Adult(
                Age: random.Next(18, 66),
                LimitedCapabilityForWorkAndWorkRelatedActivity: random.Next(8) == 0,
                Carer: random.Next(8) == 0,
                CurrentMonthlyEarnings: random.Next(3) == 0 ? random.Next(200, 2500) : 0,
                LimitedCapabilityForWork: random.Next(10) == 0)).ToList();
            var children = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
            {
                var age = random.Next(0, 18);
                return new Child(age, BornBefore6April2017: age >= 9 && random.Next(2) == 0, (ChildDisability)random.Next(3));
            }).ToList();
            var ownerOccupier = random.Next(4) == 0;
            yield return new Household(
                adults,
                children,
                ownerOccupier ? 0 : random.Next(0, 1100),
                ownerOccupier ? 0 : random.Next(0, 60),
                ownerOccupier,
                new JobOffer(random.Next(adults.Count), 0, 12.21m + random.Next(0, 1400) / 100m),
                children.Count > 0 && random.Next(2) == 0 ? random.Next(50, 900) : 0);
        }
    }

    private static string Describe(Household h) =>
        $"{h.Adults.Count} adult(s) aged {string.Join("/", h.Adults.Select(a => a.Age))}, {h.Children.Count} child(ren), rent {h.MonthlyRent}, " +
        $"£{h.Offer.HourlyPay}/h for adult {h.Offer.AdultIndex + 1}, childcare {h.MonthlyChildcareInWork}";
}
