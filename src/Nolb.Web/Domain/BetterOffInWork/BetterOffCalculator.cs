using System.Globalization;

namespace Nolb.Web.Domain.BetterOffInWork;

/// <summary>
/// Compares a household's monthly income now and if one adult takes a job, under one year's rates.
/// Pure: no I/O, no clock. Works in unrounded decimals and rounds to pence only when it builds the result.
/// Weekly amounts become monthly as × 52 ÷ 12; annual thresholds become monthly as ÷ 12.
/// </summary>
public static class BetterOffCalculator
{
    public const decimal WeeksPerMonth = 52m / 12m;

    /// <summary>What the calculation does not cover; shown with every result.</summary>
    public static IReadOnlyList<string> Limits { get; } =
    [
        "Council tax and Council Tax Reduction are included only when the council area and band (or the bill) are given; non-dependants, second adult reduction, capital and earnings disregards are not applied to Council Tax Reduction.",
        "Transitional protection (for people moved from older benefits) and the transitional SDP element are not included.",
        "Private rent is limited by the Local Housing Allowance for the area and the bedrooms allowed; an extra bedroom for a disabled child or an overnight carer, and non-dependant housing cost contributions, are not applied.",
        "Owner-occupiers get no housing element here (Support for Mortgage Interest is a loan and is not included).",
        "Savings and capital, unearned income, student income, self-employment and the minimum income floor are not included.",
        "Other benefits (disability benefits, Carer Support Payment, Best Start payments, free school meals) are not included.",
        "Exceptions to the two-child limit (multiple births, adoption, kinship care, non-consensual conception) are not modelled.",
        "Pay is averaged over a calendar month: people paid weekly, fortnightly or four-weekly will sometimes have two paydays in one assessment period, which changes that month's Universal Credit.",
        "Tax assumes a Scottish taxpayer with the standard personal allowance and tax code and no other taxable income; the pension contribution is assumed to be taken from pay after tax (relief at source), and the pension tax relief added to the pot is not counted as income.",
        "Childcare costs are assumed to be paid only when in work, and to be for registered childcare the person reports to DWP.",
        "Universal Credit is assessed on the household's actual circumstances by DWP; this is an estimate to help decide, not an entitlement decision.",
    ];

    public static BetterOffResult Calculate(Household household, RateTable rates)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(rates);
        var offer = household.Offer;
        var offeredMonthlyPay = offer.HoursPerWeek * offer.HourlyPay * WeeksPerMonth;

        var nowEarnings = household.Adults.Select(a => a.CurrentMonthlyEarnings).ToList();
        var inWorkEarnings = nowEarnings.ToList();
        inWorkEarnings[offer.AdultIndex] = offeredMonthlyPay;

        var lines = new List<ResultLine>();
        var notes = new List<string>();
        var now = Evaluate(Scenario.Now, household, rates, nowEarnings, childcareCosts: 0, lines, notes);
        var inWork = Evaluate(Scenario.InWork, household, rates, inWorkEarnings, household.MonthlyChildcareInWork, lines, notes);

        notes.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"The job: {offer.HoursPerWeek:0.##} hours a week at {Money.Format(offer.HourlyPay)} an hour, paid {FrequencyWords(offer.PayFrequency)}, " +
            $"is {Money.Format(offer.HoursPerWeek * offer.HourlyPay)} a week, or {Money.Format(offeredMonthlyPay)} a month (weekly × 52 ÷ 12). " +
            $"It replaces adult {offer.AdultIndex + 1}'s current earnings."));
        var nlw = rates.Value("pay.nationalLivingWage");
        if (offer.HourlyPay < nlw && household.Adults[offer.AdultIndex].Age >= 21)
        {
            notes.Add($"The hourly pay is below the National Living Wage ({Money.Format(nlw)} an hour for people aged 21 and over in {rates.TaxYear}); check the offer.");
        }

        var difference = inWork.Net - now.Net;
        var rounded = Money.Pence(difference);
        var answer = rounded switch
        {
            > 0 => $"You would be {Money.Format(rounded)} a month better off in this job.",
            < 0 => $"You would be {Money.Format(-rounded)} a month worse off in this job.",
            _ => "You would be no better and no worse off in this job.",
        };
        var unconfirmed = rates.Rates.Where(r => !r.Confirmed && Used(r.Key, household)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (unconfirmed.Count > 0)
        {
            answer += $" {unconfirmed.Count} of the {rates.TaxYear} rates used are not yet confirmed against their official source, so treat this as provisional.";
        }

        return new BetterOffResult(rates.TaxYear, now.Totals(), inWork.Totals(), rounded, answer, lines, notes.Distinct().ToList(), Limits, unconfirmed);
    }

    /// <summary>
    /// Whether a rate is used for this household: each council's Band D figure and each Local Housing Allowance rate
    /// matter only to the household that lives there, and Council Tax Reduction only when council tax is included.
    /// </summary>
    private static bool Used(string key, Household household)
    {
        if (key.StartsWith("councilTax.bandD.", StringComparison.Ordinal))
        {
            return household.CouncilTax is { AnnualCouncilTax: null } home && key == CouncilTaxReduction.BandDKey(home.CouncilCode);
        }

        if (key.StartsWith("lha.", StringComparison.Ordinal))
        {
            return key == Housing.LhaKey(household);
        }

        return !key.StartsWith("ctr.", StringComparison.Ordinal) || household.CouncilTax is not null;
    }

    private sealed record ScenarioAmounts(
        decimal Gross, decimal Tax, decimal Ni, decimal Pension, decimal NetEarnings, decimal UniversalCredit, decimal Scp, decimal Childcare,
        decimal ChildBenefit, decimal Dhp, decimal CouncilTaxReduction, decimal CouncilTaxDue)
    {
        public decimal Net => NetEarnings + UniversalCredit + Dhp + ChildBenefit + Scp - Childcare - CouncilTaxDue;

        public ScenarioTotals Totals() => new(
            Money.Pence(Gross), Money.Pence(Tax), Money.Pence(Ni), Money.Pence(Pension), Money.Pence(NetEarnings),
            Money.Pence(UniversalCredit), Money.Pence(Scp), Money.Pence(Childcare), Money.Pence(Net), Money.Pence(ChildBenefit), Money.Pence(Dhp),
            Money.Pence(CouncilTaxReduction), Money.Pence(CouncilTaxDue));
    }

    /// <summary>Child Benefit for every child on the claim (under 16, or under 20 in approved education): the eldest rate once, the other rate for the rest.</summary>
    private static (decimal Monthly, string Words) ChildBenefit(IReadOnlyList<Child> children, RateTable rates)
    {
        if (children.Count == 0)
        {
            return (0, "No children.");
        }

        var eldest = rates.Value("childBenefit.eldest");
        var other = rates.Value("childBenefit.other");
        var weekly = eldest + (children.Count - 1) * other;
        return (weekly * WeeksPerMonth,
            $"{Money.Format(eldest)} a week for the eldest child" + (children.Count > 1 ? $" + {children.Count - 1} × {Money.Format(other)} for the others" : "") +
            $" = {Money.Format(weekly)} a week × 52 ÷ 12. Not means-tested, so the same in work, but it counts towards the benefit cap (the High Income Child Benefit Charge is not modelled).");
    }

    private static ScenarioAmounts Evaluate(
        Scenario scenario, Household household, RateTable rates, IReadOnlyList<decimal> earnings, decimal childcareCosts,
        List<ResultLine> lines, List<string> notes)
    {
        void Line(string key, string label, decimal amount, string explanation) =>
            lines.Add(new ResultLine(key, scenario, label, Money.Pence(amount), explanation));

        // Earnings, adult by adult: tax, NI and pension are each person's own.
        var deductions = earnings.Select(e => Deductions.For(e, rates)).ToList();
        var gross = earnings.Sum();
        var tax = deductions.Sum(d => d.Tax);
        var ni = deductions.Sum(d => d.Ni);
        var pension = deductions.Sum(d => d.Pension);
        var netEarnings = gross - tax - ni - pension;
        Line("earnings.gross", "Earnings before deductions", gross, PerAdult(earnings, (e, _) => Money.Format(e), "No earnings."));
        Line("earnings.tax", "Scottish income tax (taken off)", tax, PerAdult(earnings, (_, i) => deductions[i].TaxExplanation, "No earnings, no tax."));
        Line("earnings.ni", "National Insurance (taken off)", ni, PerAdult(earnings, (_, i) => deductions[i].NiExplanation, "No earnings, no National Insurance."));
        Line("earnings.pension", "Workplace pension, your contribution (taken off)", pension,
            PerAdult(earnings, (_, i) => deductions[i].PensionExplanation, "No earnings, no automatic enrolment."));
        Line("earnings.net", "Take-home pay", netEarnings, "Earnings minus income tax, National Insurance and pension contribution.");

        var (childBenefit, childBenefitWords) = ChildBenefit(household.Children, rates);
        var uc = UniversalCredit.For(household, rates, netEarnings, earnings, scenario == Scenario.InWork ? childcareCosts : 0, childBenefit);
        foreach (var part in uc.Parts)
        {
            Line(part.Key, part.Label, part.Amount, part.Explanation);
        }

        // Scotland funds councils to mitigate the benefit cap through Discretionary Housing Payments for households
        // with housing costs (Discretionary Housing Payments (Grants) (Scotland) Regulations 2014; Scottish Government
        // benefit cap mitigation). A DHP can make up the cut only as far as the housing costs go.
        var dhp = uc.CapReduction > 0 ? Math.Min(uc.CapReduction, uc.Housing) : 0;
        if (uc.CapReduction > 0)
        {
            Line("dhp", "Discretionary Housing Payment (benefit cap mitigation)", dhp, dhp > 0
                ? $"The council can pay a Discretionary Housing Payment to make up the benefit cap cut of {Money.Format(uc.CapReduction)}, up to the housing costs in the award " +
                  $"({Money.Format(uc.Housing)}). In Scotland the Scottish Government funds councils to do this in full; apply to the council. It is discretionary, so it is shown but not promised."
                : "The benefit cap cuts Universal Credit, but there are no housing costs in the award, so a Discretionary Housing Payment cannot make it up.");
        }

        Line("childBenefit", "Child Benefit", childBenefit, childBenefitWords);
        if (uc.RentShortfall > 0)
        {
            Line("housing.shortfall", "Rent not covered by Universal Credit (you pay it)", uc.RentShortfall,
                "Private rent above the Local Housing Allowance is paid from other income; it is the same in both columns, so it does not change the answer. " +
                "The council may help for a while with a Discretionary Housing Payment.");
        }

        decimal ctr = 0, councilTaxDue = 0;
        if (household.CouncilTax is { } home)
        {
            var councilTax = CouncilTaxReduction.For(household, home, rates, uc.Award, uc.Housing, uc.Childcare, netEarnings);
            ctr = councilTax.MonthlyReduction;
            councilTaxDue = councilTax.MonthlyDue;
            Line("councilTax", "Council tax for the home", councilTax.MonthlyCouncilTax, councilTax.ChargeWords);
            Line("councilTax.reduction", "Council Tax Reduction", ctr, councilTax.ReductionWords);
            Line("councilTax.due", "Council tax you pay (taken off)", councilTaxDue, "Council tax for the home less Council Tax Reduction.");
        }

        if (uc.Note is not null)
        {
            notes.Add(uc.Note);
        }

        var scpWeekly = rates.Value("scp.weekly");
        var under16 = household.Children.Count(c => c.Age < 16);
        var scp = uc.Award > 0 ? under16 * scpWeekly * WeeksPerMonth : 0;
        Line("scp", "Scottish Child Payment", scp, under16 == 0
            ? "No children under 16."
            : uc.Award > 0
                ? $"{under16} child(ren) under 16 × {Money.Format(scpWeekly)} a week × 52 ÷ 12 (paid because Universal Credit is in payment)."
                : $"Not paid: Scottish Child Payment needs a qualifying benefit, and Universal Credit would be £0. The {under16} child(ren) under 16 would lose {Money.Format(under16 * scpWeekly * WeeksPerMonth)} a month.");

        if (scenario == Scenario.InWork)
        {
            Line("childcare.costs", "Childcare you pay (taken off)", childcareCosts,
                childcareCosts > 0 ? "The childcare costs you expect while in work; Universal Credit pays part of them back (see the childcare element)." : "No childcare costs entered.");
        }

        var amounts = new ScenarioAmounts(gross, tax, ni, pension, netEarnings, uc.Award, scp, scenario == Scenario.InWork ? childcareCosts : 0, childBenefit, dhp, ctr, councilTaxDue);
        Line("net", "Net household income", amounts.Net,
            "Take-home pay + Universal Credit + Discretionary Housing Payment + Child Benefit + Scottish Child Payment"
            + (household.CouncilTax is null ? "" : " − council tax you pay")
            + (scenario == Scenario.InWork ? " − childcare you pay." : ". Rent is left out because it is the same in both columns.")
            + (household.CouncilTax is null ? " Council tax is not included: give the council area and band to include it and Council Tax Reduction." : ""));
        return amounts;
    }

    private static string PerAdult(IReadOnlyList<decimal> earnings, Func<decimal, int, string> describe, string whenNone)
    {
        var parts = earnings.Select((e, i) => (e, i)).Where(x => x.e > 0).Select(x => $"Adult {x.i + 1}: {describe(x.e, x.i)}").ToList();
        return parts.Count == 0 ? whenNone : string.Join(" ", parts);
    }

    private static string FrequencyWords(PayFrequency frequency) => frequency switch
    {
        PayFrequency.Weekly => "weekly",
        PayFrequency.Fortnightly => "fortnightly",
        PayFrequency.FourWeekly => "every four weeks",
        _ => "monthly",
    };

    internal static string Percent(decimal fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
