using System.Globalization;

namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>
/// One person's monthly Scottish income tax, employee Class 1 National Insurance and automatic-enrolment
/// pension contribution, worked out on the year (monthly × 12) and divided by 12, as for steady pay.
/// </summary>
public sealed record Deductions(decimal Tax, decimal Ni, decimal Pension, string TaxExplanation, string NiExplanation, string PensionExplanation)
{
    public static Deductions For(decimal monthlyEarnings, RateTable rates)
    {
        var annual = monthlyEarnings * 12;
        var (tax, taxWords) = IncomeTax(annual, rates);
        var (ni, niWords) = NationalInsurance(annual, rates);
        var (pension, pensionWords) = PensionContribution(annual, rates);
        return new Deductions(tax / 12, ni / 12, pension / 12, taxWords, niWords, pensionWords);
    }

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

    private static (decimal Annual, string Words) PensionContribution(decimal annual, RateTable rates)
    {
        var trigger = rates.Value("pension.trigger");
        var lower = rates.Value("pension.qualifyingLower");
        var upper = rates.Value("pension.qualifyingUpper");
        var rate = rates.Value("pension.employeeRate");
        if (annual < trigger)
        {
            return (0, $"{Money.Format(annual)} a year is below the automatic enrolment trigger of {Money.Format(trigger)}, so no contribution is assumed (the person may still choose to join).");
        }

        var qualifying = Math.Min(annual, upper) - lower;
        var pension = qualifying * rate;
        return (pension, string.Create(CultureInfo.InvariantCulture,
            $"Automatic enrolment applies (earnings at least {Money.Format(trigger)} a year): {BetterOffCalculator.Percent(rate)} of qualifying earnings {Money.Format(qualifying)} " +
            $"(earnings between {Money.Format(lower)} and {Money.Format(upper)}) = {Money.Format(pension)} a year, ÷ 12 = {Money.Format(pension / 12)} a month. The person can opt out."));
    }
}
