using Nolb.Web.Domain.BetterOffInWork;

namespace Nolb.Tests.Domain.BetterOffInWork;

/// <summary>
/// Issue 26 points 5-7, each worked by hand: pay that does not arrive monthly (the month with an extra payday), the
/// pension as it is taken (relief at source or net pay arrangement), and the warnings a key worker needs.
/// </summary>
public sealed class BetterOffPayPensionAndWarningsTests
{
    private static readonly RateTable Rates2025 = BetterOffCalculatorTests.Catalog.Find("2025-26")!;
    private static readonly RateTable Rates2026 = BetterOffCalculatorTests.Catalog.Find("2026-27")!;

    /// <summary>A lone parent of 30 who owns their home, with a child of 5, offered 37.5 hours at £13.50 paid weekly (2026-27).</summary>
    private static Household WeeklyPaidLoneParent(PayFrequency frequency = PayFrequency.Weekly) =>
        new([new Adult(30)], [new Child(5)], 0, 0, true, new JobOffer(0, 37.5m, 13.50m, frequency), 0);

    [Fact]
    public void Weekly_pay_shows_the_four_payday_month_and_the_five_payday_month_when_universal_credit_and_scottish_child_payment_stop()
    {
        // UC Regulations 2013 regs 54 and 61: earnings count in the assessment period they are received in; DWP,
        // "Universal Credit: different earning patterns and your payments" (payment cycles): weekly pay gives 4 or 5 paydays.
        var result = BetterOffCalculator.Calculate(WeeklyPaidLoneParent(), Rates2026);

        // Pay 37.5 × 13.50 = 506.25 a week, 26,325 a year. Tax: 26,325 − 12,570 = 13,755 taxable; 3,967 × 19% = 753.73 +
        // 9,788 × 20% = 1,957.60 = 2,711.33. NI (26,325 − 12,570) × 8% = 1,100.40. Pension (26,325 − 6,240) × 5% = 1,004.25,
        // of which the worker pays 80% = 803.40 (relief at source). Each is per pay period, so a week is a 52nd of the year.
        // Now: no earnings; UC 424.90 + child 303.94 = 728.84; SCP 28.20 × 52 ÷ 12 = 122.20; Child Benefit 27.05 × 52 ÷ 12 = 117.2166…;
        // net 968.2566….
        Assert.Equal(2, result.PayMonths.Count);
        var normal = result.PayMonths[0];
        var high = result.PayMonths[1];

        // Each month below as (paydays, months a year, earnings, take-home, UC, SCP, net household income, better off than now).

        // 4 paydays (8 months a year): gross 2,025; take-home (26,325 − 2,711.33 − 1,100.40 − 803.40) × 4 ÷ 52 = 1,669.99.
        // UC counts (26,325 − 2,711.33 − 1,100.40 − 1,004.25) × 4 ÷ 52 = 1,654.54; no housing, so the work allowance is 710;
        // taper (1,654.54 − 710) × 55% = 519.497; UC 728.84 − 519.497 = 209.343 → 209.34. Net 1,669.99 + 209.343 + 122.20 +
        // 117.2166… = 2,118.7496… → 2,118.75, 1,150.493 → 1,150.49 better off than now.
        Assert.Equal((4, 8, 2025.00m, 1669.99m, 209.34m, 122.20m, 2118.75m, 1150.49m), Figures(normal));

        // 5 paydays (4 months a year): gross 2,531.25; take-home 21,709.87 × 5 ÷ 52 = 2,087.4875; UC counts 21,509.02 × 5 ÷ 52 =
        // 2,068.175; taper (2,068.175 − 710) × 55% = 746.99625, more than 728.84, so UC is £0 and Scottish Child Payment stops
        // for the month (Scottish Child Payment Regulations 2020: a qualifying benefit must be paid). Net 2,087.4875 + 117.2166… =
        // 2,204.7041… → 2,204.70; 1,236.4475 → 1,236.45 better off than now.
        Assert.Equal((5, 4, 2531.25m, 2087.49m, 0m, 0m, 2204.70m, 1236.45m), Figures(high));

        // Averaged over the year (× 52 ÷ 12): take-home 1,809.1558…, UC 728.84 − (1,792.4183… − 710) × 55% = 133.5099…;
        // better off 1,213.8257… → 1,213.83. The answer says what happens in the two kinds of month.
        Assert.Equal(1213.83m, result.MonthlyDifference);
        Assert.StartsWith("You would be £1,213.83 a month better off in this job. That is the average over a year. Paid weekly, a month with 4 paydays leaves you £1,150.49 better off; " +
            "in the 4 months a year with 5 paydays you would be £1,236.45 better off, because Universal Credit falls to £0 that month and Scottish Child Payment stops for it.", result.Answer, StringComparison.Ordinal);

        // Passported help, in plain words.
        Assert.Contains("Scottish Child Payment is paid only while Universal Credit is paid, so it stops for that month (£122.20", high.Explanation, StringComparison.Ordinal);
        Assert.Contains("Council Tax Reduction carries on", high.Explanation, StringComparison.Ordinal);
        Assert.Contains("free school meals", high.Explanation, StringComparison.Ordinal);
        Assert.Contains("regs 54 and 61", normal.Explanation, StringComparison.Ordinal);
    }

    private static (int, int, decimal, decimal, decimal, decimal, decimal, decimal) Figures(PayMonth m) =>
        (m.Paydays, m.MonthsAYear, m.GrossEarnings, m.TakeHome, m.UniversalCredit, m.ScottishChildPayment, m.NetHouseholdIncome, m.BetterOffThanNow);

    [Fact]
    public void Four_weekly_pay_has_one_month_a_year_with_two_paydays()
    {
        // 13 four-weekly paydays = 12 months × 1 + 1. Single, 30, social rent 500, 30 hours × 12.21 (2025-26): 366.30 a week,
        // 19,047.60 a year; UC counts 16,621.762 a year (after tax 1,267.25, NI 518.208, the whole 5% pension 640.38).
        var household = new Household([new Adult(30)], [], 500, 0, false, new JobOffer(0, 30, 12.21m, PayFrequency.FourWeekly), 0);

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        // 1 payday (11 months): 4 × 366.30 = 1,465.20; UC counts 16,621.762 × 4 ÷ 52 = 1,278.5970…; no work allowance;
        // taper 703.2283…; UC 900.14 − 703.2283… = 196.9116… → 196.91.
        // 2 paydays (1 month): 2,930.40; taper 2,557.1941… × 55% = 1,406.4567…, over 900.14, so UC £0 (no children: no SCP).
        Assert.Equal((1, 11, 1465.20m, 196.91m), (result.PayMonths[0].Paydays, result.PayMonths[0].MonthsAYear, result.PayMonths[0].GrossEarnings, result.PayMonths[0].UniversalCredit));
        Assert.Equal((2, 1, 2930.40m, 0m), (result.PayMonths[1].Paydays, result.PayMonths[1].MonthsAYear, result.PayMonths[1].GrossEarnings, result.PayMonths[1].UniversalCredit));
        Assert.Contains("Universal Credit falls to £0 that month.", result.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Scottish Child Payment stops", result.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PayFrequency.Weekly, 4, 5, 4)]
    [InlineData(PayFrequency.Fortnightly, 2, 3, 2)]
    [InlineData(PayFrequency.FourWeekly, 1, 2, 1)]
    public void Each_pay_frequency_has_its_paydays_and_the_months_add_up_to_a_year_of_pay(PayFrequency frequency, int normal, int high, int highMonths)
    {
        // 52 weeks = 12 × 4 + 4 (weekly), 26 fortnights = 12 × 2 + 2, 13 four-week periods = 12 + 1.
        var result = BetterOffCalculator.Calculate(WeeklyPaidLoneParent(frequency), Rates2026);

        Assert.Equal((normal, 12 - highMonths), (result.PayMonths[0].Paydays, result.PayMonths[0].MonthsAYear));
        Assert.Equal((high, highMonths), (result.PayMonths[1].Paydays, result.PayMonths[1].MonthsAYear));
        var yearOfPay = result.PayMonths.Sum(m => m.GrossEarnings * m.MonthsAYear);
        Assert.Equal(506.25m * 52, yearOfPay);
    }

    [Fact]
    public void Monthly_pay_has_no_months_with_extra_paydays()
    {
        var result = BetterOffCalculator.Calculate(WeeklyPaidLoneParent(PayFrequency.Monthly), Rates2026);

        Assert.Empty(result.PayMonths);
        Assert.DoesNotContain("paydays", result.Answer, StringComparison.Ordinal);
    }

    private static Household PensionHousehold(PensionScheme scheme) =>
        new([new Adult(30)], [new Child(4)], 500, 0, false, new JobOffer(0, 16, 12.71m, Pension: scheme), 0);

    [Fact]
    public void Relief_at_source_takes_4_percent_from_pay_and_universal_credit_deducts_the_whole_5_percent()
    {
        // Lone parent, 16 hours × 12.71 (2026-27) = 203.36 a week, 10,574.72 a year, 881.2266… a month: under the personal
        // allowance, over the £10,000 automatic enrolment trigger. Contribution (10,574.72 − 6,240) × 5% = 216.736 a year,
        // 18.0613… a month.
        var ras = BetterOffCalculator.Calculate(PensionHousehold(PensionScheme.ReliefAtSource), Rates2026);
        var netPay = BetterOffCalculator.Calculate(PensionHousehold(PensionScheme.NetPay), Rates2026);

        // Relief at source (Finance Act 2004 s.192): the worker pays 80%, 14.4490… → 14.45; HMRC adds 3.6122… even though no
        // tax is paid. Take-home 881.2266… − 14.4490… = 866.7776 → 866.78. UC deducts the whole 18.0613… (UC Regulations 2013
        // reg 55(5)(a); DWP written answers HL8845 and HL9607, 2020): counts 863.1653… → 863.17.
        Assert.Equal(PensionScheme.ReliefAtSource, ras.PensionScheme);
        Assert.Equal(14.45m, ras.InWork.Pension);
        Assert.Equal(866.78m, ras.InWork.NetEarnings);
        Assert.Equal(863.17m, ras.InWork.EarningsCountedByUniversalCredit);
        Assert.Contains(ras.Lines, l => l is { Key: "earnings.counted", Scenario: Scenario.InWork, Amount: 863.17m });

        // Net pay arrangement: all 18.0613… comes off before tax, and with no tax to relieve, the worker gets no relief.
        Assert.Equal(18.06m, netPay.InWork.Pension);
        Assert.Equal(863.17m, netPay.InWork.NetEarnings);
        Assert.DoesNotContain(netPay.Lines, l => l.Key == "earnings.counted");

        // UC is the same under both: 424.90 + 303.94 + 500 = 1,228.84 − (863.1653… − 427) × 55% = 988.9490… → 988.95; so the
        // household is better off under relief at source by the relief, 3.6122… a month.
        Assert.Equal(988.95m, ras.InWork.UniversalCredit);
        Assert.Equal(988.95m, netPay.InWork.UniversalCredit);
        Assert.Equal(3.61m, ras.InWork.NetEarnings - netPay.InWork.NetEarnings);
        Assert.InRange(ras.MonthlyDifference - netPay.MonthlyDifference, 3.61m, 3.62m); // 3.6122…, each side rounded to pence
        Assert.Contains(ras.Notes, n => n.Contains("relief at source", StringComparison.Ordinal) && n.Contains("NEST", StringComparison.Ordinal));
        Assert.Contains(netPay.Notes, n => n.Contains("net pay arrangement", StringComparison.Ordinal));
    }

    [Fact]
    public void A_basic_rate_taxpayer_takes_home_the_same_under_either_scheme_but_pays_less_tax_under_net_pay()
    {
        // 30 hours × 12.71 = 19,827.60 a year (2026-27); contribution (19,827.60 − 6,240) × 5% = 679.38.
        // Relief at source: tax on 7,257.60 taxable = 3,967 × 19% + 3,290.60 × 20% = 1,411.852 → 117.6541… a month.
        // Net pay: tax on 7,257.60 − 679.38 = 6,578.22 = 753.73 + 2,611.22 × 20% = 1,275.974 → 106.3311… a month.
        // Take-home both: (19,827.60 − 1,411.852 − 580.608 − 543.504) ÷ 12 = (19,827.60 − 1,275.974 − 580.608 − 679.38) ÷ 12 = 1,440.9698….
        var ras = Deductions.For(19827.60m / 12, Rates2026, PensionScheme.ReliefAtSource);
        var netPay = Deductions.For(19827.60m / 12, Rates2026, PensionScheme.NetPay);

        Assert.Equal(117.65m, Money.Pence(ras.Tax));
        Assert.Equal(106.33m, Money.Pence(netPay.Tax));
        Assert.Equal(1440.97m, Money.Pence(ras.TakeHome));
        Assert.Equal(1440.97m, Money.Pence(netPay.TakeHome));
        Assert.Contains("before tax", netPay.TaxExplanation, StringComparison.Ordinal);
    }

    private static Household Worker(int age, decimal hourly, decimal hours = 30, bool lcwra = false, decimal transitional = 0) =>
        new([new Adult(age, LimitedCapabilityForWorkAndWorkRelatedActivity: lcwra)], [], 500, 0, false, new JobOffer(0, hours, hourly), 0, TransitionalElement: transitional);

    [Theory]
    // National Minimum Wage Regulations 2015 reg 4 (GOV.UK "National Minimum Wage and National Living Wage rates"):
    // 2026-27 21+ £12.71, 18-20 £10.85, under 18 and apprentices £8.00; 2025-26 £12.21, £10.00, £7.55.
    [InlineData("2026-27", 19, 10.50, "less than the legal minimum wage of £10.85 an hour for someone aged 19")]
    [InlineData("2026-27", 25, 12.50, "less than the legal minimum wage of £12.71 an hour for someone aged 25")]
    [InlineData("2026-27", 17, 7.90, "less than the legal minimum wage of £8.00 an hour for someone aged 17")]
    [InlineData("2025-26", 20, 9.99, "less than the legal minimum wage of £10.00 an hour for someone aged 20")]
    [InlineData("2026-27", 19, 10.85, null)]
    [InlineData("2025-26", 19, 10.50, null)]
    [InlineData("2026-27", 21, 12.71, null)]
    public void Pay_under_the_minimum_wage_for_the_persons_age_is_warned(string year, int age, decimal hourly, string? warning)
    {
        var result = BetterOffCalculator.Calculate(Worker(age, hourly), BetterOffCalculatorTests.Catalog.Find(year)!);

        var minimumWage = result.Warnings.Where(w => w.Contains("legal minimum wage", StringComparison.Ordinal)).ToList();
        if (warning is null)
        {
            Assert.Empty(minimumWage);
        }
        else
        {
            Assert.Contains(warning, Assert.Single(minimumWage), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_16_or_17_year_old_is_told_they_can_usually_not_claim_universal_credit()
    {
        // UC Regulations 2013 reg 8: the minimum age is 18, with listed exceptions from 16.
        var seventeen = BetterOffCalculator.Calculate(Worker(17, 8.50m), Rates2026);
        var eighteen = BetterOffCalculator.Calculate(Worker(18, 11m), Rates2026);

        Assert.Contains(seventeen.Warnings, w => w.StartsWith("The person is 17. Most 16 and 17 year olds cannot claim Universal Credit", StringComparison.Ordinal) && w.Contains("reg 8", StringComparison.Ordinal));
        Assert.Empty(eighteen.Warnings);
    }

    [Fact]
    public void Earnings_of_16_hours_at_the_national_living_wage_warn_that_lcwra_can_be_reviewed()
    {
        // UC Regulations 2013 reg 41(3): 16 × 12.71 = 203.36 a week (2026-27). 16 hours at 12.71 reaches it; 15 hours does not.
        var sixteen = BetterOffCalculator.Calculate(Worker(40, 12.71m, hours: 16, lcwra: true), Rates2026);
        var fifteen = BetterOffCalculator.Calculate(Worker(40, 12.71m, hours: 15, lcwra: true), Rates2026);
        var noLcwra = BetterOffCalculator.Calculate(Worker(40, 12.71m, hours: 16), Rates2026);

        var warning = Assert.Single(sixteen.Warnings);
        Assert.Contains("£203.36 a week, at least 16 hours at the National Living Wage (£203.36 a week)", warning, StringComparison.Ordinal);
        Assert.Contains("reg 41(3)", warning, StringComparison.Ordinal);
        Assert.Contains("the LCWRA element (£217.26 a month) stops", warning, StringComparison.Ordinal);
        Assert.Empty(fifteen.Warnings);
        Assert.Empty(noLcwra.Warnings);
    }

    [Fact]
    public void A_transitional_element_is_counted_and_its_loss_is_warned_when_work_would_end_the_award()
    {
        // Universal Credit (Transitional Provisions) Regulations 2014 regs 55-56. Single, 30, social rent 500, transitional
        // element 150 (2026-27). Now: 424.90 + 500 + 150 = 1,074.90, under the 1,229.42 cap.
        var partTime = BetterOffCalculator.Calculate(Worker(30, 12.71m, hours: 10, transitional: 150), Rates2026);
        var fullTime = BetterOffCalculator.Calculate(Worker(30, 20m, hours: 37.5m, transitional: 150), Rates2026);

        Assert.Equal(1074.90m, partTime.Now.UniversalCredit);
        Assert.Contains(partTime.Lines, l => l is { Key: "uc.transitional", Scenario: Scenario.Now, Amount: 150m });
        var warning = Assert.Single(partTime.Warnings);
        Assert.Contains("reg 56", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("would be £0", warning, StringComparison.Ordinal);

        // 37.5 × 20 = 750 a week, 3,250 a month: UC counts well over 2,000, and 55% of it is more than 1,074.90, so UC is £0.
        Assert.Equal(0m, fullTime.InWork.UniversalCredit);
        Assert.Contains("In this job Universal Credit would be £0, so the award would end and the protection would be lost", Assert.Single(fullTime.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_offer_has_no_warnings()
    {
        var result = BetterOffCalculator.Calculate(Worker(30, 12.21m), Rates2025);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_lines_of_the_fullest_result_fit_in_an_interventions_notes()
    {
        // Every row, both kinds of month and every warning at once must still save (InterventionRules.NotesLength).
        Adult[] adults = [new(17, LimitedCapabilityForWorkAndWorkRelatedActivity: true, CurrentMonthlyEarnings: 400), new(19, Carer: true)];
        Child[] children = [new(15, Disability: ChildDisability.Higher), new(9), new(6), new(3), new(1), new(0)];
        var household = new Household(adults, children, 1200, 40, false, new JobOffer(0, 30, 7.5m, PayFrequency.Weekly), 900,
            CouncilTax: new CouncilTaxHome("S12000049", "Glasgow City", CouncilTaxBand.C, 1500), Landlord: Landlord.Private, Brma: "S33000009",
            TransitionalElement: 120);

        var result = BetterOffCalculator.Calculate(household, Rates2026);

        var keys = result.Rows().Select(r => r.Key).ToList();
        Assert.Equal("earnings.counted", keys[keys.IndexOf("earnings.net") + 1]); // a line only in work stays where it is worked out
        Assert.Equal("net", keys[^1]);
        Assert.Equal(4, result.Warnings.Count); // minimum wage, age 17, LCWRA review, transitional protection
        Assert.True(result.Summary().Length <= Nolb.Web.Domain.Interventions.InterventionRules.NotesLength, result.Summary());
    }
}
