using System.Globalization;

namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>
/// One person's monthly Scottish income tax, employee Class 1 National Insurance and automatic-enrolment pension
/// contribution, worked out on the year (monthly × 12) and divided by 12, as for steady pay.
/// <see cref="Pension"/> is what comes out of pay; <see cref="PensionContribution"/> is the whole contribution that goes
/// into the pension, which is what Universal Credit deducts ("relievable pension contributions", UC Regulations 2013
/// reg 55(5)(a) with reg 53 and Finance Act 2004 s.188; DWP deducts 100% of contributions under either kind of scheme,
/// written answers HL8845 and HL9607, October-November 2020). Under relief at source the two differ by the basic-rate
/// relief HMRC adds to the pot.
/// </summary>
public sealed record Deductions(
    decimal Gross, decimal Tax, decimal Ni, decimal Pension, decimal PensionContribution,
    string TaxExplanation, string NiExplanation, string PensionExplanation)
{
    /// <summary>Pay after tax, National Insurance and the pension contribution taken from pay.</summary>
    public decimal TakeHome => Gross - Tax - Ni - Pension;

    /// <summary>Earnings as Universal Credit counts them: after tax, National Insurance and the whole pension contribution.</summary>
    public decimal CountedByUniversalCredit => Gross - Tax - Ni - PensionContribution;

    public static Deductions For(decimal monthlyEarnings, RateTable rates, PensionScheme scheme = PensionScheme.ReliefAtSource)
    {
        var annual = monthlyEarnings * 12;
        var (contribution, paid, pensionWords) = PensionContributionFor(annual, rates, scheme);

        // A net pay arrangement takes the contribution before tax, so income tax is worked out on pay less the contribution.
        var taxable = scheme == PensionScheme.NetPay ? annual - contribution : annual;
        var (tax, taxWords) = IncomeTax(taxable, rates);
        if (scheme == PensionScheme.NetPay && contribution > 0)
        {
            taxWords = $"Pay {Money.Format(annual)} a year less the pension contribution {Money.Format(contribution)} (net pay arrangement, taken before tax): " + taxWords;
        }

        var (ni, niWords) = NationalInsurance(annual, rates);
        return new Deductions(monthlyEarnings, tax / 12, ni / 12, paid / 12, contribution / 12, taxWords, niWords, pensionWords);
    }

    /// <summary>
    /// The same pay over a different number of weeks: tax under a cumulative tax code, National Insurance and the
    /// automatic-enrolment thresholds are each worked per pay period with the year's thresholds ÷ 52 per week (HMRC
    /// rounds the weekly National Insurance threshold to £242, a few pence a week from this), so steady weekly,
    /// fortnightly or four-weekly pay has every deduction in proportion to the weeks paid.
    /// </summary>
    public Deductions Scaled(decimal factor) =>
        this with
        {
            Gross = Gross * factor,
            Tax = Tax * factor,
            Ni = Ni * factor,
            Pension = Pension * factor,
            PensionContribution = PensionContribution * factor,
        };

    private static (decimal Annual, string Words) IncomeTax(decimal annual, RateTable rates)
    {
        var allowance = rates.Value("tax.personalAllowance");
        var taperFrom = rates.Value("tax.personalAllowanceTaperThreshold");
        var taperWords = "";
        if (annual > taperFrom)
        {
            allowance = Math.Max(0, allowance - (annual - taperFrom) / 2);
            taperWords = $" (reduced by £1 for every £2 over {Money.Format(taperFrom)})";
        }

        var taxable = Math.Max(0, annual - allowance);
        (string Name, decimal Upper, decimal Rate)[] bands =
        [
            ("starter", rates.Value("tax.starter.upper"), rates.Value("tax.starter.rate")),
            ("basic", rates.Value("tax.basic.upper"), rates.Value("tax.basic.rate")),
            ("intermediate", rates.Value("tax.intermediate.upper"), rates.Value("tax.intermediate.rate")),
            ("higher", rates.Value("tax.higher.upper"), rates.Value("tax.higher.rate")),
            ("advanced", rates.Value("tax.advanced.upper"), rates.Value("tax.advanced.rate")),
            ("top", decimal.MaxValue, rates.Value("tax.top.rate")),
        ];
        decimal tax = 0, lower = 0;
        var used = new List<string>();
        foreach (var (name, upper, rate) in bands)
        {
            var inBand = Math.Min(taxable, upper) - lower;
            if (inBand <= 0)
            {
                break;
            }

            tax += inBand * rate;
            used.Add($"{BetterOffCalculator.Percent(rate)} {name} rate on {Money.Format(inBand)}");
            lower = upper;
        }

        var words = taxable == 0
            ? $"{Money.Format(annual)} a year is within the personal allowance of {Money.Format(allowance)}{taperWords}, so no tax."
            : $"{Money.Format(annual)} a year less the personal allowance of {Money.Format(allowance)}{taperWords} leaves {Money.Format(taxable)} taxable: "
              + string.Join(", ", used) + $" = {Money.Format(tax)} a year, ÷ 12 = {Money.Format(tax / 12)} a month (Scottish rates and bands).";
        return (tax, words);
    }

    private static (decimal Annual, string Words) NationalInsurance(decimal annual, RateTable rates)
    {
        var threshold = rates.Value("ni.primaryThreshold");
        var upper = rates.Value("ni.upperEarningsLimit");
        var main = rates.Value("ni.mainRate");
        var above = rates.Value("ni.upperRate");
        if (annual <= threshold)
        {
            return (0, $"{Money.Format(annual)} a year is not above the primary threshold of {Money.Format(threshold)}, so no National Insurance.");
        }

        var mainPart = (Math.Min(annual, upper) - threshold) * main;
        var abovePart = Math.Max(0, annual - upper) * above;
        var ni = mainPart + abovePart;
        var words = $"{BetterOffCalculator.Percent(main)} of {Money.Format(Math.Min(annual, upper) - threshold)} between the primary threshold {Money.Format(threshold)} and "
            + (annual > upper ? $"the upper earnings limit {Money.Format(upper)}, plus {BetterOffCalculator.Percent(above)} of {Money.Format(annual - upper)} above it" : "earnings of " + Money.Format(annual))
            + $" = {Money.Format(ni)} a year, ÷ 12 = {Money.Format(ni / 12)} a month.";
        return (ni, words);
    }

    private static (decimal Contribution, decimal Paid, string Words) PensionContributionFor(decimal annual, RateTable rates, PensionScheme scheme)
    {
        var trigger = rates.Value("pension.trigger");
        var lower = rates.Value("pension.qualifyingLower");
        var upper = rates.Value("pension.qualifyingUpper");
        var rate = rates.Value("pension.employeeRate");
        if (annual < trigger)
        {
            return (0, 0, $"{Money.Format(annual)} a year is below the automatic enrolment trigger of {Money.Format(trigger)}, so no contribution is assumed (the person may still choose to join).");
        }

        var qualifying = Math.Min(annual, upper) - lower;
        var contribution = qualifying * rate;
        var start = string.Create(CultureInfo.InvariantCulture,
            $"Automatic enrolment applies (earnings at least {Money.Format(trigger)} a year): {BetterOffCalculator.Percent(rate)} of qualifying earnings {Money.Format(qualifying)} " +
            $"(earnings between {Money.Format(lower)} and {Money.Format(upper)}) = {Money.Format(contribution)} a year goes into the pension. ");
        if (scheme == PensionScheme.NetPay)
        {
            return (contribution, contribution, start +
                $"Net pay arrangement: all of it is taken from pay before tax, {Money.Format(contribution / 12)} a month, and income tax is worked out on the rest " +
                "(someone who earns too little to pay tax gets no tax relief). The person can opt out.");
        }

        // Relief at source: the member pays the contribution net of basic-rate tax, and the scheme claims the rest from HMRC
        // (Finance Act 2004 s.192). The relief is at 20% whatever the Scottish band, and even for a non-taxpayer.
        var relief = rates.Value("tax.basic.rate");
        var paid = contribution * (1 - relief);
        return (contribution, paid, start +
            $"Relief at source (most automatic-enrolment schemes, such as NEST): the person pays {Money.Format(paid)} a year, {Money.Format(paid / 12)} a month, from pay after tax " +
            $"({BetterOffCalculator.Percent(rate * (1 - relief))} of qualifying earnings), and HMRC adds {Money.Format(contribution - paid)} a year of tax relief " +
            $"({BetterOffCalculator.Percent(rate * relief)}). The person can opt out.");
    }
}
