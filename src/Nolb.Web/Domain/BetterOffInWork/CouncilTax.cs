using System.Globalization;

namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>Council tax bands A to H (Local Government Finance Act 1992 s.74, values at 1 April 1991).</summary>
public enum CouncilTaxBand
{
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
}

/// <summary>
/// Where the household lives for council tax: the council area (GSS code), the band, and optionally the yearly
/// council tax from the bill (before discounts and reductions, without water and sewerage), which is used instead of
/// the published Band D figure when it is given.
/// </summary>
public sealed record CouncilTaxHome(string CouncilCode, string CouncilName, CouncilTaxBand? Band, decimal? AnnualCouncilTax);

/// <summary>
/// Council tax due in one scenario after the single person discount and working-age Council Tax Reduction under the
/// Council Tax Reduction (Scotland) Regulations 2021 (SSI 2021/249): the applicable amount (reg 35 and schedule 1:
/// a personal allowance and a child premium for each child) is compared with weekly income, which for a Universal
/// Credit household is the award less its housing and childcare elements plus net earnings, converted to weekly as
/// × 12 ÷ 52; the reduction is the weekly council tax less 20% of income above the applicable amount. Council tax runs
/// by the day, so the weekly charge is the year's × 7 ÷ 365 and the monthly figures are a twelfth of a year.
/// </summary>
public sealed record CouncilTaxReduction(decimal MonthlyCouncilTax, decimal MonthlyReduction, string ChargeWords, string ReductionWords)
{
    public decimal MonthlyDue => MonthlyCouncilTax - MonthlyReduction;

    /// <summary>The year's council tax for the home before discounts, and how it was found; null when the year has no Band D figure for the council.</summary>
    public static (decimal Annual, string Words)? AnnualCharge(CouncilTaxHome home, RateTable rates)
    {
        if (home.AnnualCouncilTax is { } fromBill)
        {
            return (fromBill, $"{Money.Format(fromBill)} a year from the {home.CouncilName} council tax bill");
        }

        if (home.Band is not { } band || !rates.Rates.Any(r => r.Key == BandDKey(home.CouncilCode)))
        {
            return null;
        }

        var bandD = rates.Value(BandDKey(home.CouncilCode));
        var ratio = rates.Value($"councilTax.ratio.{band}");
        var annual = bandD * ratio / 360;
        return (annual, string.Create(CultureInfo.InvariantCulture,
            $"{home.CouncilName} Band D {Money.Format(bandD)} × {ratio:0}/360 for band {band} = {Money.Format(annual)} a year"));
    }

    public static string BandDKey(string councilCode) => "councilTax.bandD." + councilCode;

    public static CouncilTaxReduction For(
        Household household, CouncilTaxHome home, RateTable rates, decimal universalCredit, decimal housingElement, decimal childcareElement, decimal netEarnings)
    {
        var (annual, chargeWords) = AnnualCharge(home, rates)
            ?? throw new InvalidOperationException($"No council tax figure for {home.CouncilName} in {rates.TaxYear}; validation should have asked for the bill.");

        // Local Government Finance Act 1992 s.79: 25% off where one adult lives in the home. Non-dependants are not
        // modelled, so a single claimant is taken to live alone.
        var single = household.Adults.Count == 1;
        var discount = rates.Value("councilTax.singlePersonDiscount");
        var afterDiscount = single ? annual * (1 - discount) : annual;
        var words = chargeWords + (single
            ? $", less the {BetterOffCalculator.Percent(discount)} single person discount = {Money.Format(afterDiscount)} a year"
            : "") + $"; ÷ 12 = {Money.Format(afterDiscount / 12)} a month (water and sewerage charges are not included).";

        var weeklyCharge = afterDiscount * 7 / 365;
        var (applicable, applicableWords) = ApplicableAmount(household, rates);
        var ucCounted = Math.Max(0, universalCredit - housingElement - childcareElement);
        var weeklyIncome = (ucCounted + netEarnings) * 12 / 52;
        var taper = rates.Value("ctr.taper");
        var excess = Math.Max(0, weeklyIncome - applicable);
        var weeklyReduction = Math.Max(0, weeklyCharge - excess * taper);
        var monthlyReduction = weeklyReduction / 7 * 365 / 12;
        var reductionWords =
            $"Weekly council tax {Money.Format(weeklyCharge)} (a year × 7 ÷ 365). Applicable amount {Money.Format(applicable)} a week ({applicableWords}). " +
            $"Income {Money.Format(weeklyIncome)} a week: Universal Credit less its housing and childcare elements ({Money.Format(ucCounted)}) plus net earnings " +
            $"({Money.Format(netEarnings)}), a month × 12 ÷ 52; Child Benefit and Scottish Child Payment are ignored. " +
            (excess > 0
                ? $"Income is {Money.Format(excess)} a week over the applicable amount, so {BetterOffCalculator.Percent(taper)} of that ({Money.Format(excess * taper)}) comes off the reduction"
                : "Income is not over the applicable amount, so the reduction is the whole council tax") +
            $": {Money.Format(weeklyReduction)} a week, × 365 ÷ 7 ÷ 12 = {Money.Format(monthlyReduction)} a month (Council Tax Reduction (Scotland) Regulations 2021).";
        return new CouncilTaxReduction(afterDiscount / 12, monthlyReduction, words, reductionWords);
    }

    /// <summary>Schedule 1 paras 1 and 2: the personal allowance (the 25-or-over rate for a lone parent or a single person with LCW or LCWRA) and a child premium per child.</summary>
    private static (decimal Weekly, string Words) ApplicableAmount(Household household, RateTable rates)
    {
        var adults = household.Adults;
        var children = household.Children.Count;
        var (key, who) = adults.Count == 2
            ? ("ctr.personalAllowance.couple", "couple")
            : children > 0
                ? ("ctr.personalAllowance.single25OrOver", "lone parent")
                : adults[0].Age >= 25 || adults[0].LimitedCapabilityForWork || adults[0].LimitedCapabilityForWorkAndWorkRelatedActivity
                    ? ("ctr.personalAllowance.single25OrOver", "single, 25 or over or with limited capability for work")
                    : ("ctr.personalAllowance.singleUnder25", "single, under 25");
        var allowance = rates.Value(key);
        var premium = rates.Value("ctr.childPremium");
        var words = $"personal allowance, {who}, {Money.Format(allowance)}" + (children > 0 ? $" + {children} × child premium {Money.Format(premium)}" : "");
        return (allowance + children * premium, words);
    }
}
