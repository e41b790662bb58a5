using Nolb.Web.Domain.BetterOffInWork;
using Nolb.Web.Features.BetterOffInWork;

namespace Nolb.Tests.Domain.BetterOffInWork;

/// <summary>
/// Worked examples computed by hand from the 2025-26 published rates (the figures in Reference/better-off/2025-26.json:
/// UC standard allowance single 25+ £400.14, child element £292.81, work allowance with housing £411, taper 55%,
/// Scottish starter band 19% on the first £2,827 above the £12,570 allowance then 20% basic, NI 8% above £12,570,
/// auto-enrolment 5% of earnings above £6,240 once pay reaches £10,000, of which the worker pays 4% under relief at source
/// and Universal Credit deducts the whole 5% (reg 55(5)(a)), Scottish Child Payment £27.15 a week).
/// Each expected figure is worked out in the comment beside it.
/// </summary>
public sealed class BetterOffCalculatorTests
{
    internal static readonly RateTableCatalog Catalog = RateTableCatalog.LoadEmbedded(TimeProvider.System);
    private static readonly RateTable Rates2025 = Catalog.Find("2025-26")!;

    private static Household Single(int age = 30, decimal rent = 500, decimal hours = 30, decimal pay = 12.21m, IReadOnlyList<Child>? children = null, decimal childcare = 0) =>
        new([new Adult(age)], children ?? [], rent, 0, false, new JobOffer(0, hours, pay), childcare);

    [Fact]
    public void A_single_person_with_rent_and_no_children_taking_30_hours_at_the_living_wage()
    {
        var result = BetterOffCalculator.Calculate(Single(), Rates2025);

        // Now: standard allowance 400.14 + housing 500 = 900.14, under the single cap of 1,229.42.
        Assert.Equal(900.14m, result.Now.UniversalCredit);
        Assert.Equal(900.14m, result.Now.NetHouseholdIncome);

        // Pay: 30 × 12.21 = 366.30 a week × 52 ÷ 12 = 1,587.30 a month (19,047.60 a year).
        Assert.Equal(1587.30m, result.InWork.GrossEarnings);

        // Tax: 19,047.60 − 12,570 = 6,477.60 taxable; 2,827 × 19% = 537.13 + 3,650.60 × 20% = 730.12; 1,267.25 ÷ 12 = 105.60.
        Assert.Equal(105.60m, result.InWork.IncomeTax);

        // NI: 6,477.60 × 8% = 518.208 ÷ 12 = 43.18.
        Assert.Equal(43.18m, result.InWork.NationalInsurance);

        // Pension (relief at source, the default): (19,047.60 − 6,240) × 5% = 640.38 a year into the pension; the worker pays
        // 80% of it, 512.304 ÷ 12 = 42.692 → 42.69, and HMRC adds 128.076 a year (10.673 a month).
        Assert.Equal(42.69m, result.InWork.Pension);

        // Take-home 1,587.30 − 105.6041… − 43.184 − 42.692 = 1,395.8198…. Universal Credit counts earnings after the whole
        // 5% (53.365): 1,385.1468…; no work allowance without children; taper 55% = 761.8307…; UC = 900.14 − 761.8307… = 138.3092… → 138.31.
        Assert.Equal(1395.82m, result.InWork.NetEarnings);
        Assert.Equal(1385.15m, result.InWork.EarningsCountedByUniversalCredit);
        Assert.Equal(138.31m, result.InWork.UniversalCredit);

        // Net in work 1,395.8198… + 138.3092… = 1,534.1290… → 1,534.13; difference 633.9890… → 633.99 (rounded at the end).
        Assert.Equal(1534.13m, result.InWork.NetHouseholdIncome);
        Assert.Equal(633.99m, result.MonthlyDifference);
        Assert.Equal("You would be £633.99 a month better off in this job.", result.Answer);
    }

    [Fact]
    public void A_lone_parent_of_a_four_year_old_taking_16_hours_with_childcare()
    {
        var household = Single(age: 28, rent: 450, hours: 16, children: [new Child(4)], childcare: 300);

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        // Now: 400.14 + child 292.81 + housing 450 = 1,142.95; SCP 27.15 × 52 ÷ 12 = 117.65;
        // Child Benefit 26.05 × 52 ÷ 12 = 112.8833…; net 1,142.95 + 117.65 + 112.8833… = 1,373.4833… → 1,373.48.
        Assert.Equal(1142.95m, result.Now.UniversalCredit);
        Assert.Equal(117.65m, result.Now.ScottishChildPayment);
        Assert.Equal(112.88m, result.Now.ChildBenefit);
        Assert.Equal(1373.48m, result.Now.NetHouseholdIncome);

        // Pay 16 × 12.21 = 195.36 × 52 ÷ 12 = 846.56 (10,158.72 a year): no tax or NI, but over the 10,000 pension trigger:
        // (10,158.72 − 6,240) × 5% = 195.936 ÷ 12 = 16.328 into the pension, of which the worker pays 80%, 13.0624, and
        // HMRC adds 3.2656 even though no tax is paid (relief at source). Earnings counted by UC 846.56 − 16.328 = 830.232.
        Assert.Equal(0m, result.InWork.IncomeTax);
        Assert.Equal(0m, result.InWork.NationalInsurance);
        Assert.Equal(13.06m, result.InWork.Pension);
        Assert.Equal(833.50m, result.InWork.NetEarnings);

        // Childcare element 85% × 300 = 255; maximum 1,142.95 + 255 = 1,397.95; work allowance with housing 411;
        // taper (830.232 − 411) × 55% = 230.5776; UC 1,167.3724 → 1,167.37. Cap (1,835 with children) not reached.
        Assert.Equal(1167.37m, result.InWork.UniversalCredit);
        Assert.Contains(result.Lines, l => l is { Key: "uc.childcare", Scenario: Scenario.InWork, Amount: 255m });
        Assert.Contains(result.Lines, l => l is { Key: "uc.workAllowance", Scenario: Scenario.InWork, Amount: 411m });

        // Net in work: take-home 833.4976 + 1,167.3724 + 117.65 + 112.8833… − 300 = 1,931.4033… → 1,931.40; difference 557.92
        // (Child Benefit is the same in both columns).
        Assert.Equal(1931.40m, result.InWork.NetHouseholdIncome);
        Assert.Equal(557.92m, result.MonthlyDifference);
    }

    [Fact]
    public void Higher_earnings_cross_every_scottish_band_up_to_higher_rate_and_the_ni_upper_limit()
    {
        // 58,500 a year: taxable 45,930 = 2,827 × 19% (537.13) + 12,094 × 20% (2,418.80) + 16,171 × 21% (3,395.91)
        // + 14,838 × 42% (6,231.96) = 12,583.80 ÷ 12 = 1,048.65.
        // NI: 37,700 × 8% (3,016) + 8,230 × 2% (164.60) = 3,180.60 ÷ 12 = 265.05.
        // Pension: (50,270 − 6,240) × 5% = 2,201.50 ÷ 12 = 183.4583… into the pension; relief at source: the worker pays
        // 80%, 1,761.20 ÷ 12 = 146.7666….
        var deductions = Deductions.For(4875m, Rates2025);

        Assert.Equal(1048.65m, deductions.Tax);
        Assert.Equal(265.05m, deductions.Ni);
        Assert.Equal(183.46m, Money.Pence(deductions.PensionContribution));
        Assert.Equal(146.77m, Money.Pence(deductions.Pension));
    }

    [Fact]
    public void The_benefit_cap_takes_off_what_is_over_it_while_out_of_work()
    {
        // 400.14 + 900 rent = 1,300.14, over the single cap of 1,229.42 by 70.72.
        var result = BetterOffCalculator.Calculate(Single(rent: 900), Rates2025);

        Assert.Contains(result.Lines, l => l is { Key: "uc.benefitCap", Scenario: Scenario.Now, Amount: 70.72m });
        Assert.Equal(1229.42m, result.Now.UniversalCredit);

        // In work, net earnings of 1,385.15 are above 16 × 12.21 × 52 ÷ 12 = 846.56, so the cap no longer applies.
        Assert.Contains(result.Lines, l => l is { Key: "uc.benefitCap", Scenario: Scenario.InWork, Amount: 0m });
    }

    [Fact]
    public void The_childcare_element_stops_at_the_one_child_maximum()
    {
        // 85% × 1,500 = 1,275, over the one-child maximum of 1,031.88.
        var result = BetterOffCalculator.Calculate(Single(hours: 37.5m, children: [new Child(2)], childcare: 1500), Rates2025);

        Assert.Contains(result.Lines, l => l is { Key: "uc.childcare", Scenario: Scenario.InWork, Amount: 1031.88m });
    }

    [Fact]
    public void The_two_child_limit_applies_in_2025_26_and_not_in_2026_27()
    {
        Child[] children = [new(10), new(8), new(5)];
        var household = Single(children: children);

        var before = BetterOffCalculator.Calculate(household, Rates2025);
        var after = BetterOffCalculator.Calculate(household, Catalog.Find("2026-27")!);

        // 2025-26: two children × 292.81 = 585.62 (the third, born after April 2017, gets no element).
        Assert.Contains(before.Lines, l => l is { Key: "uc.child", Scenario: Scenario.Now, Amount: 585.62m });
        var perChild2026 = after.Lines.Single(l => l is { Key: "uc.child", Scenario: Scenario.Now }).Amount / 3;
        Assert.True(perChild2026 > 292.81m, $"2026-27 pays each of the three children ({perChild2026:0.00} each)");
    }

    [Fact]
    public void Scottish_child_payment_is_lost_when_universal_credit_tapers_to_nothing_and_the_result_says_so()
    {
        // Well-paid full-time work for a lone parent with one child and no rent: UC tapers to £0.
        var result = BetterOffCalculator.Calculate(Single(rent: 0, hours: 37.5m, pay: 25m, children: [new Child(6)]), Rates2025);

        Assert.Equal(0m, result.InWork.UniversalCredit);
        Assert.Equal(0m, result.InWork.ScottishChildPayment);
        Assert.Contains(result.Lines, l => l.Key == "scp" && l.Scenario == Scenario.InWork && l.Explanation.Contains("would lose", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_line_explains_itself_and_the_limits_are_stated()
    {
        var result = BetterOffCalculator.Calculate(Single(children: [new Child(3)], childcare: 200), Rates2025);

        Assert.All(result.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Explanation), l.Key));
        Assert.Contains(result.Limits, l => l.Contains("Transitional protection", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_shipped_rate_table_names_a_source_for_every_rate()
    {
        Assert.Equal(["2025-26", "2026-27"], Catalog.TaxYears);
        foreach (var year in Catalog.TaxYears)
        {
            var table = Catalog.Find(year)!;
            Assert.All(RateTable.RequiredKeys, key => Assert.NotNull(table[key]));
            Assert.All(table.Rates, r => Assert.StartsWith("https://", r.SourceUrl, StringComparison.Ordinal));
        }
    }

    private static readonly RateTable Rates2026 = Catalog.Find("2026-27")!;

    /// <summary>The issue's family: lone parent 32, children 9, 6 and 3, rent £1,100, offer 10 hours × £12.71 (2026-27).</summary>
    private static Household IssueFamily(ChildDisability youngest) =>
        new([new Adult(32)], [new Child(9), new Child(6), new Child(3, Disability: youngest)], 1100, 0, false, new JobOffer(0, 10, 12.71m), 0);

    [Fact]
    public void A_family_whose_child_gets_a_disability_benefit_is_exempt_from_the_benefit_cap()
    {
        // UC Regulations 2013 reg 83(1): the cap does not apply where a child the claimant is responsible for receives
        // DLA (or, in Scotland, Child Disability Payment); the disabled child addition is paid only with one of them.
        var result = BetterOffCalculator.Calculate(IssueFamily(ChildDisability.Lower), Rates2026);

        // Now: 424.90 + 3 × 303.94 (no two-child limit in 2026-27) + lower addition 164.79 + rent 1,100 = 2,601.51, not capped
        // (the old code cut it by 2,601.51 − 1,835 = 766.51).
        Assert.Equal(2601.51m, result.Now.UniversalCredit);
        var capNow = result.Lines.Single(l => l is { Key: "uc.benefitCap", Scenario: Scenario.Now });
        Assert.Equal(0m, capNow.Amount);
        Assert.Contains("disabled child addition", capNow.Explanation, StringComparison.Ordinal);
        Assert.Contains("reg 83(1)", capNow.Explanation, StringComparison.Ordinal);

        // In work: 10 × 12.71 = 127.10 a week × 52 ÷ 12 = 550.7666… (6,609.20 a year: no tax, NI or pension);
        // taper (550.7666… − 427) × 55% = 68.0716…; UC 2,601.51 − 68.0716… = 2,533.4383… → 2,533.44 (the old code cut 698.44).
        Assert.Equal(550.77m, result.InWork.NetEarnings);
        Assert.Equal(2533.44m, result.InWork.UniversalCredit);
        Assert.Contains(result.Lines, l => l is { Key: "uc.benefitCap", Scenario: Scenario.InWork, Amount: 0m });

        // Child Benefit 27.05 + 2 × 17.90 = 62.85 a week × 52 ÷ 12 = 272.35 and SCP 3 × 28.20 × 52 ÷ 12 = 366.60, the same in both.
        Assert.Equal(272.35m, result.Now.ChildBenefit);
        Assert.Equal(366.60m, result.InWork.ScottishChildPayment);

        // Gain: 550.7666… − 68.0716… = 482.695 → 482.70 (the old code showed 550.77).
        Assert.Equal(482.70m, result.MonthlyDifference);
        Assert.DoesNotContain(result.Lines, l => l.Key == "dhp");
    }

    [Fact]
    public void The_same_family_without_a_disability_benefit_is_capped_with_child_benefit_counted_and_a_dhp_line()
    {
        var result = BetterOffCalculator.Calculate(IssueFamily(ChildDisability.None), Rates2026);

        // UC Regulations 2013 reg 79(4)(c): Child Benefit counts. Now: UC 424.90 + 911.82 + 1,100 = 2,436.72, + Child Benefit
        // 272.35 = 2,709.07, over the 1,835 cap by 874.07; UC 2,436.72 − 874.07 = 1,562.65.
        Assert.Contains(result.Lines, l => l is { Key: "uc.benefitCap", Scenario: Scenario.Now, Amount: 874.07m });
        Assert.Equal(1562.65m, result.Now.UniversalCredit);

        // DHP makes up the cut, up to the housing costs (1,100): 874.07.
        Assert.Equal(874.07m, result.Now.DiscretionaryHousingPayment);
        Assert.Contains("Discretionary Housing Payment", result.Lines.Single(l => l is { Key: "dhp", Scenario: Scenario.Now }).Label, StringComparison.Ordinal);

        // In work: net earnings 550.7666… are under 16 × 12.71 × 52 ÷ 12 = 881.2266… (reg 82(1)), so still capped:
        // 2,436.72 − 68.0716… + 272.35 − 1,835 = 805.9983… → 806.00 off; UC is the cap less Child Benefit, 1,562.65 again.
        Assert.Contains(result.Lines, l => l is { Key: "uc.benefitCap", Scenario: Scenario.InWork, Amount: 806.00m });
        Assert.Equal(1562.65m, result.InWork.UniversalCredit);
        Assert.Equal(806.00m, result.InWork.DiscretionaryHousingPayment);

        // Gain 550.7666… + 805.9983… − 874.07 = 482.695 → 482.70.
        Assert.Equal(482.70m, result.MonthlyDifference);
    }

    [Theory]
    [InlineData("lcwra", "reg 83(1)(a)")]
    [InlineData("carer", "reg 83(1)(b)")]
    [InlineData("disability", "Adult Disability Payment")]
    [InlineData("grace", "reg 82(2)")]
    public void Each_benefit_cap_exemption_lifts_the_cap_and_says_why(string exemption, string reason)
    {
        // Single, 30, no children, rent 900: 400.14 + 900 = 1,300.14 is over the 1,229.42 single cap by 70.72 unless exempt.
        var adult = new Adult(30, LimitedCapabilityForWorkAndWorkRelatedActivity: exemption == "lcwra", Carer: exemption == "carer",
            DisabilityBenefit: exemption == "disability");
        var household = new Household([adult], [], 900, 0, false, new JobOffer(0, 30, 12.21m), 0, BenefitCapGracePeriod: exemption == "grace");

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        var cap = result.Lines.Single(l => l is { Key: "uc.benefitCap", Scenario: Scenario.Now });
        Assert.Equal(0m, cap.Amount);
        Assert.Contains(reason, cap.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Council_tax_reduction_is_withdrawn_at_20p_in_the_pound_as_earnings_rise()
    {
        // Council Tax Reduction (Scotland) Regulations 2021: the single person of the first test, in band B in Dundee City.
        var home = new CouncilTaxHome("S12000042", "Dundee City", CouncilTaxBand.B, null);
        var result = BetterOffCalculator.Calculate(Single() with { CouncilTax = home }, Rates2025);

        // Charge: Band D 1,605.34 × 280/360 = 1,248.5977… (Dundee publishes £1,248.60); single person discount 25%
        // (LGFA 1992 s.79) = 936.4483… a year, ÷ 12 = 78.0373… → 78.04 a month; weekly × 7 ÷ 365 = 17.9592….
        Assert.Contains(result.Lines, l => l is { Key: "councilTax", Scenario: Scenario.Now, Amount: 78.04m });

        // Now: applicable amount (single 25+) 92.05 a week; income = UC 900.14 less housing 500 = 400.14 × 12 ÷ 52 = 92.34,
        // 0.29 over, × 20% = 0.058; reduction 17.9592… − 0.058 = 17.9012… a week × 365 ÷ 7 ÷ 12 = 77.7853… → 77.79.
        Assert.Contains(result.Lines, l => l is { Key: "councilTax.reduction", Scenario: Scenario.Now, Amount: 77.79m });
        Assert.Equal(0.25m, result.Now.CouncilTaxDue);

        // In work: UC 138.31 is all housing, so income is net earnings 1,385.1468… × 12 ÷ 52 = 319.6492…, 227.5992… over,
        // × 20% = 45.5198… — more than the weekly charge, so no reduction and the whole 78.04 is due.
        Assert.Contains(result.Lines, l => l is { Key: "councilTax.reduction", Scenario: Scenario.InWork, Amount: 0m });
        Assert.Equal(78.04m, result.InWork.CouncilTaxDue);

        // The gain falls from 633.9890… to 633.9890… − (78.0373… − 0.2520…) = 556.2037… → 556.20 (CTR counts the
        // earnings Universal Credit counts, Council Tax Reduction (Scotland) Regulations 2021 reg 49(6)(a)).
        Assert.Equal(556.20m, result.MonthlyDifference);
    }

    [Fact]
    public void A_young_single_private_renter_gets_the_shared_accommodation_rate_and_sees_the_shortfall()
    {
        // UC Regulations 2013 schedule 4 paras 25 and 28: a single person under 35 without children is limited to the
        // shared accommodation rate. Greater Glasgow: 103.56 a week × 52 ÷ 12 = 448.76 a month, against rent of 550.
        var household = Single(age: 22, rent: 550) with { Landlord = Landlord.Private, Brma = "S33000009" };

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        Assert.Contains(result.Lines, l => l is { Key: "uc.housing", Scenario: Scenario.Now, Amount: 448.76m });
        Assert.Contains(result.Lines, l => l is { Key: "housing.shortfall", Scenario: Scenario.Now, Amount: 101.24m });

        // UC now: standard allowance under 25 316.98 + 448.76 = 765.74 (not 866.98 with the whole rent).
        Assert.Equal(765.74m, result.Now.UniversalCredit);
    }

    [Fact]
    public void A_disability_benefit_exempts_a_young_renter_from_the_shared_rate()
    {
        // Schedule 4 para 29: the exemption gives the one-bedroom rate, 159.95 × 52 ÷ 12 = 693.1166…, so rent of 550 counts in full.
        var household = new Household([new Adult(22, DisabilityBenefit: true)], [], 550, 0, false, new JobOffer(0, 30, 12.21m), 0,
            Landlord: Landlord.Private, Brma: "S33000009");

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        Assert.Contains(result.Lines, l => l is { Key: "uc.housing", Scenario: Scenario.Now, Amount: 550m });
        Assert.DoesNotContain(result.Lines, l => l.Key == "housing.shortfall");
    }

    [Fact]
    public void Children_share_bedrooms_only_as_the_size_rules_allow()
    {
        // Schedule 4 para 10: a girl of 12 cannot share with a boy of 8 (not both under 10, not the same sex); the boys of
        // 8 and 5 share: 2 rooms. Three under-10s of unknown sex: two share, one alone: 2 rooms.
        Assert.Equal(2, Housing.Bedrooms([new Child(12, Sex: ChildSex.Female), new Child(8, Sex: ChildSex.Male), new Child(5, Sex: ChildSex.Male)]).Bedrooms);
        Assert.Equal(2, Housing.Bedrooms([new Child(9), new Child(6), new Child(3)]).Bedrooms);
        Assert.Equal(3, Housing.Bedrooms([new Child(17), new Child(15, Sex: ChildSex.Female), new Child(13, Sex: ChildSex.Male)]).Bedrooms);
    }

    [Fact]
    public void The_childcare_maximum_follows_the_children_cared_for_not_all_children()
    {
        // UC Regulations 2013 reg 34 (2026-27): 85% of 1,500 = 1,275. Childcare for one of two children: the one-child
        // maximum 1,071.09 applies; for both, the two-or-more maximum 1,836.16 does not bite, so 1,275.
        var oneOfTwo = Single(hours: 37.5m, children: [new Child(4), new Child(7)], childcare: 1500) with { ChildcareChildren = 1 };
        var both = oneOfTwo with { ChildcareChildren = null };

        Assert.Contains(BetterOffCalculator.Calculate(oneOfTwo, Rates2026).Lines, l => l is { Key: "uc.childcare", Scenario: Scenario.InWork, Amount: 1071.09m });
        Assert.Contains(BetterOffCalculator.Calculate(both, Rates2026).Lines, l => l is { Key: "uc.childcare", Scenario: Scenario.InWork, Amount: 1275.00m });
    }
}
