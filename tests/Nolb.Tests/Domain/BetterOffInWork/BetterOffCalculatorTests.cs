using Nolb.Web.Domain.BetterOffInWork;
using Nolb.Web.Features.BetterOffInWork;

namespace Nolb.Tests.Domain.BetterOffInWork;

/// <summary>
/// Worked examples computed by hand from the 2025-26 published rates (the figures in Reference/better-off/2025-26.json:
/// UC standard allowance single 25+ £400.14, child element £292.81, work allowance with housing £411, taper 55%,
/// Scottish starter band 19% on the first £2,827 above the £12,570 allowance then 20% basic, NI 8% above £12,570,
/// auto-enrolment 5% of earnings above £6,240 once pay reaches £10,000, Scottish Child Payment £27.15 a week).
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

        // Pension: (19,047.60 − 6,240) × 5% = 640.38 ÷ 12 = 53.365 → 53.37 (rounded only for display).
        Assert.Equal(53.37m, result.InWork.Pension);

        // Net earnings 1,587.30 − 105.6041… − 43.184 − 53.365 = 1,385.1468…; no work allowance without children;
        // taper 55% = 761.8307…; UC = 900.14 − 761.8307… = 138.3092… → 138.31.
        Assert.Equal(1385.15m, result.InWork.NetEarnings);
        Assert.Equal(138.31m, result.InWork.UniversalCredit);

        // Net in work 1,385.1468… + 138.3092… = 1,523.4561 → 1,523.46; difference 623.3161 → 623.32 (rounded at the end).
        Assert.Equal(1523.46m, result.InWork.NetHouseholdIncome);
        Assert.Equal(623.32m, result.MonthlyDifference);
        Assert.Equal("You would be £623.32 a month better off in this job.", result.Answer);
    }

    [Fact]
    public void A_lone_parent_of_a_four_year_old_taking_16_hours_with_childcare()
    {
        var household = Single(age: 28, rent: 450, hours: 16, children: [new Child(4)], childcare: 300);

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        // Now: 400.14 + child 292.81 + housing 450 = 1,142.95; SCP 27.15 × 52 ÷ 12 = 117.65; net 1,260.60.
        Assert.Equal(1142.95m, result.Now.UniversalCredit);
        Assert.Equal(117.65m, result.Now.ScottishChildPayment);
        Assert.Equal(1260.60m, result.Now.NetHouseholdIncome);

        // Pay 16 × 12.21 = 195.36 × 52 ÷ 12 = 846.56 (10,158.72 a year): no tax or NI, but over the 10,000 pension trigger:
        // (10,158.72 − 6,240) × 5% = 195.936 ÷ 12 = 16.328. Net earnings 830.232.
        Assert.Equal(0m, result.InWork.IncomeTax);
        Assert.Equal(0m, result.InWork.NationalInsurance);
        Assert.Equal(16.33m, result.InWork.Pension);

        // Childcare element 85% × 300 = 255; maximum 1,142.95 + 255 = 1,397.95; work allowance with housing 411;
        // taper (830.232 − 411) × 55% = 230.5776; UC 1,167.3724 → 1,167.37. Cap (1,835 with children) not reached.
        Assert.Equal(1167.37m, result.InWork.UniversalCredit);
        Assert.Contains(result.Lines, l => l is { Key: "uc.childcare", Scenario: Scenario.InWork, Amount: 255m });
        Assert.Contains(result.Lines, l => l is { Key: "uc.workAllowance", Scenario: Scenario.InWork, Amount: 411m });

        // Net in work 830.232 + 1,167.3724 + 117.65 − 300 = 1,815.2544 → 1,815.25; difference 554.6544 → 554.65.
        Assert.Equal(1815.25m, result.InWork.NetHouseholdIncome);
        Assert.Equal(554.65m, result.MonthlyDifference);
    }

    [Fact]
    public void Higher_earnings_cross_every_scottish_band_up_to_higher_rate_and_the_ni_upper_limit()
    {
        // 58,500 a year: taxable 45,930 = 2,827 × 19% (537.13) + 12,094 × 20% (2,418.80) + 16,171 × 21% (3,395.91)
        // + 14,838 × 42% (6,231.96) = 12,583.80 ÷ 12 = 1,048.65.
        // NI: 37,700 × 8% (3,016) + 8,230 × 2% (164.60) = 3,180.60 ÷ 12 = 265.05.
        // Pension: (50,270 − 6,240) × 5% = 2,201.50 ÷ 12 = 183.4583….
        var deductions = Deductions.For(4875m, Rates2025);

        Assert.Equal(1048.65m, deductions.Tax);
        Assert.Equal(265.05m, deductions.Ni);
        Assert.Equal(183.46m, Money.Pence(deductions.Pension));
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
        Assert.Contains(result.Limits, l => l.Contains("Council Tax Reduction", StringComparison.Ordinal));
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
}
