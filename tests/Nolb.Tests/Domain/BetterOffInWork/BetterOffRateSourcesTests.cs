using Nolb.Web.Domain.BetterOffInWork;

namespace Nolb.Tests.Domain.BetterOffInWork;

/// <summary>
/// The shipped rate tables hold the published figures, each confirmed against the source it cites (issue 26, point 8).
/// Every expected figure below was read from the source named beside it, not from the table under test.
/// </summary>
public sealed class BetterOffRateSourcesTests
{
    private static readonly RateTable Rates2025 = BetterOffCalculatorTests.Catalog.Find("2025-26")!;
    private static readonly RateTable Rates2026 = BetterOffCalculatorTests.Catalog.Find("2026-27")!;

    // Scottish Government (Rent Service Scotland), Local Housing Allowance rates 2024-2025, weekly: Greater Glasgow shared
    // £103.56, 1 bedroom £159.95; North Lanarkshire shared £86.30, 1 bedroom £101.26 (gov.scot table as tabulated in
    // ScottishTaxBenefitModel.jl params/lha_rates_scotland_2025_26.csv). The Rent Officers (Housing Benefit and Universal
    // Credit Functions) (Modification) Orders 2025 (SI 2025/5) and 2026 (SI 2026/5) read each 2025 and 2026 local housing
    // allowance as the one determined on 31 January 2024, so the same figures hold for 2025-26 and 2026-27.
    [Theory]
    [InlineData("lha.S33000009.shared", "103.56")]
    [InlineData("lha.S33000009.bed1", "159.95")]
    [InlineData("lha.S33000012.shared", "86.30")]
    [InlineData("lha.S33000012.bed1", "101.26")]
    public void Local_housing_allowance_is_the_april_2024_rate_frozen_for_both_years_and_confirmed(string key, string weekly)
    {
        foreach (var table in new[] { Rates2025, Rates2026 })
        {
            var rate = table[key];
            Assert.Equal(decimal.Parse(weekly, System.Globalization.CultureInfo.InvariantCulture), rate.Value);
            Assert.True(rate.Confirmed, $"{table.TaxYear} {key} should be confirmed");
            Assert.NotNull(rate.AsPublishedOn);
            Assert.Contains("SI 2025/5", rate.SourceTitle, StringComparison.Ordinal);
        }

        Assert.Contains("SI 2026/5", Rates2026[key].SourceTitle, StringComparison.Ordinal);
    }

    // Council Tax Reduction (Miscellaneous Amendment) (Scotland) Regulations 2025 (SSI 2025/24), made 30 January 2025,
    // regulation 16: schedule 1 paragraph 1 £71.70 → £72.90, £90.50 → £92.05 (single 25 or over and lone parent),
    // £142.25 → £144.65; paragraph 2 (child premium) £104.05 → £105.85, from 1 April 2025.
    [Theory]
    [InlineData("ctr.personalAllowance.singleUnder25", "72.90")]
    [InlineData("ctr.personalAllowance.single25OrOver", "92.05")]
    [InlineData("ctr.personalAllowance.couple", "144.65")]
    [InlineData("ctr.childPremium", "105.85")]
    public void The_2025_26_council_tax_reduction_amounts_are_those_ssi_2025_24_set(string key, string weekly)
    {
        var rate = Rates2025[key];

        Assert.Equal(decimal.Parse(weekly, System.Globalization.CultureInfo.InvariantCulture), rate.Value);
        Assert.True(rate.Confirmed);
        Assert.Equal("https://www.legislation.gov.uk/ssi/2025/24/regulation/16/made", rate.SourceUrl);
        Assert.Equal(new DateOnly(2025, 1, 30), rate.AsPublishedOn);
    }

    // Band D 2025-26: Angus £1,461.52 (The Courier, 27 February 2025); East Ayrshire £1,606.44 (East Ayrshire Council,
    // budget information 2025 to 2026); Stirling £1,611.87 (BBC News: "an annual bill of £1,611.87, up from £1,481.50";
    // The Courier's bands B to G are 280/360 … 705/360 of £1,611.87, so its band D "£1,611.78" is a transposition).
    [Theory]
    [InlineData("S12000041", "1461.52")]
    [InlineData("S12000008", "1606.44")]
    [InlineData("S12000030", "1611.87")]
    public void Band_d_council_tax_for_2025_26_is_the_councils_published_figure(string council, string bandD)
    {
        var rate = Rates2025[CouncilTaxReduction.BandDKey(council)];

        Assert.Equal(decimal.Parse(bandD, System.Globalization.CultureInfo.InvariantCulture), rate.Value);
        Assert.True(rate.Confirmed);
        Assert.NotNull(rate.AsPublishedOn);
    }

    [Fact]
    public void A_stirling_band_h_home_is_charged_from_the_corrected_band_d()
    {
        // Local Government Finance Act 1992 s.74 (882/360 for band H) and s.79 (25% single person discount):
        // 1,611.87 × 882 ÷ 360 = 3,949.0815; × 75% = 2,961.8111…; ÷ 12 = 246.8175… → 246.82 a month
        // (from the old £1,611.78 it was 246.80).
        var home = new CouncilTaxHome("S12000030", "Stirling", CouncilTaxBand.H, null);
        var household = new Household([new Adult(30)], [], 500, 0, false, new JobOffer(0, 30, 12.21m), 0, CouncilTax: home);

        var result = BetterOffCalculator.Calculate(household, Rates2025);

        Assert.Contains(result.Lines, l => l is { Key: "councilTax", Scenario: Scenario.Now, Amount: 246.82m });
    }

    [Fact]
    public void A_young_private_renter_in_2026_27_gets_the_frozen_shared_rate_and_no_provisional_warning()
    {
        // UC Regulations 2013 schedule 4 paras 25 and 28: single, 22, no children → shared accommodation rate. North
        // Lanarkshire 86.30 a week (April 2024 rate, kept for 2026 by SI 2026/5) × 52 ÷ 12 = 373.9666… → 373.97 a month
        // against rent of 550, a shortfall of 176.0333… → 176.03. UC now: standard allowance under 25 338.58 (DWP, Benefit and
        // pension rates 2026 to 2027) + 373.9666… = 712.5466… → 712.55.
        var household = new Household([new Adult(22)], [], 550, 0, false, new JobOffer(0, 30, 12.71m), 0,
            Landlord: Landlord.Private, Brma: "S33000012");

        var result = BetterOffCalculator.Calculate(household, Rates2026);

        Assert.Contains(result.Lines, l => l is { Key: "uc.housing", Scenario: Scenario.Now, Amount: 373.97m });
        Assert.Contains(result.Lines, l => l is { Key: "housing.shortfall", Scenario: Scenario.Now, Amount: 176.03m });
        Assert.Equal(712.55m, result.Now.UniversalCredit);

        // Every rate this household uses is confirmed, so nothing is flagged and the answer is not called provisional.
        Assert.Empty(result.UnconfirmedRates);
        Assert.DoesNotContain("provisional", result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_2026_27_table_flags_only_the_council_tax_reduction_amounts_no_source_here_publishes()
    {
        // The 2026 amending regulations to the Council Tax Reduction (Scotland) Regulations 2021 could not be found; every
        // other 2026-27 rate is confirmed against its source.
        var flagged = Rates2026.Rates.Where(r => !r.Confirmed).Select(r => r.Key).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["ctr.childPremium", "ctr.personalAllowance.couple", "ctr.personalAllowance.single25OrOver", "ctr.personalAllowance.singleUnder25"],
            flagged);
    }

    [Fact]
    public void Every_confirmed_rate_has_a_date_and_no_citation_carries_internal_working()
    {
        // The citation is shown to users in the rates-used table and the PDF; how a value was checked lives in the file's
        // verification field, which is not read.
        string[] working = ["read 20", "could not", "date from the page", "gives no", "several reports", "brief said"];
        foreach (var table in new[] { Rates2025, Rates2026 })
        {
            Assert.All(table.Rates.Where(r => r.Confirmed), r => Assert.NotNull(r.AsPublishedOn));
            Assert.All(table.Rates, r => Assert.DoesNotContain(working, w => r.SourceTitle.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }
    }
}
