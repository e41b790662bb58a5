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
        "Transitional protection is included only as the transitional element entered; the transitional SDP element is not included.",
        "Private rent is limited by the Local Housing Allowance for the area and the bedrooms allowed; an extra bedroom for a disabled child or an overnight carer, and non-dependant housing cost contributions, are not applied.",
        "Owner-occupiers get no housing element here (Support for Mortgage Interest is a loan and is not included).",
        "Savings and capital, unearned income, student income, self-employment and the minimum income floor are not included.",
        "Other benefits (disability benefits, Carer Support Payment, Best Start payments, free school meals) are not included.",
        "Exceptions to the two-child limit (multiple births, adoption, kinship care, non-consensual conception) are not modelled.",
        "Pay is steady: the same hours every week. For pay that is not monthly, the months with more paydays are shown; which months they are depends on the assessment period dates. Surplus earnings (more than £2,500 over the point where Universal Credit stops) are not carried forward.",
        "Tax assumes a Scottish taxpayer with the standard personal allowance and tax code and no other taxable income. The pension tax relief added to the pot is not counted as income, and the low earner top-up for net pay schemes is not included.",
        "Childcare costs are assumed to be paid only when in work, and to be for registered childcare the person reports to DWP.",
        "Universal Credit is assessed on the household's actual circumstances by DWP; this is an estimate to help decide, not an entitlement decision.",
    ];

    public static BetterOffResult Calculate(Household household, RateTable rates)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(rates);
        var offer = household.Offer;
        var offeredMonthlyPay = offer.HoursPerWeek * offer.HourlyPay * WeeksPerMonth;

        var nowPay = household.Adults.Select(a => Deductions.For(a.CurrentMonthlyEarnings, rates)).ToList();
        var inWorkPay = nowPay.ToList();
        inWorkPay[offer.AdultIndex] = Deductions.For(offeredMonthlyPay, rates, offer.Pension);

        var lines = new List<ResultLine>();
        var notes = new List<string>();
        var now = Evaluate(Scenario.Now, household, rates, nowPay, childcareCosts: 0, lines, notes);
        var inWork = Evaluate(Scenario.InWork, household, rates, inWorkPay, household.MonthlyChildcareInWork, lines, notes);
        var months = PayMonths(household, rates, inWorkPay, now, inWork);

        notes.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"The job: {offer.HoursPerWeek:0.##} hours a week at {Money.Format(offer.HourlyPay)} an hour, paid {FrequencyWords(offer.PayFrequency)}, " +
            $"is {Money.Format(offer.HoursPerWeek * offer.HourlyPay)} a week, or {Money.Format(offeredMonthlyPay)} a month on average (weekly × 52 ÷ 12). " +
            $"It replaces adult {offer.AdultIndex + 1}'s current earnings. The workplace pension is taken as {SchemeWords(offer.Pension)}."));

        var difference = inWork.Net - now.Net;
        var rounded = Money.Pence(difference);
        var answer = rounded switch
        {
            > 0 => $"You would be {Money.Format(rounded)} a month better off in this job.",
            < 0 => $"You would be {Money.Format(-rounded)} a month worse off in this job.",
            _ => "You would be no better and no worse off in this job.",
        };
        if (months.Count == 2)
        {
            answer += " " + MonthsAnswer(offer.PayFrequency, months[0], months[1]);
        }

        var used = rates.Rates.Where(r => Used(r.Key, household)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var unconfirmed = used.Where(r => !r.Confirmed).ToList();
        if (unconfirmed.Count > 0)
        {
            answer += $" {unconfirmed.Count} of the {rates.TaxYear} rates used are not yet confirmed against their official source, so treat this as provisional.";
        }

        return new BetterOffResult(rates.TaxYear, now.Totals(), inWork.Totals(), rounded, answer, lines, notes.Distinct().ToList(), Limits, unconfirmed)
        {
            Warnings = BetterOffWarnings.For(household, rates, inWork.UniversalCredit, months),
            PayMonths = months,
            RatesUsed = used,
            PensionScheme = offer.Pension,
        };
    }

    /// <summary>Paydays in an ordinary and in a high assessment period, the weeks each payday covers, and how many high months a year.</summary>
    private static (int Normal, int High, int WeeksPerPayday, int HighMonths)? Paydays(PayFrequency frequency) => frequency switch
    {
        // 52 weekly paydays = 12 × 4 + 4; 26 fortnightly = 12 × 2 + 2; 13 four-weekly = 12 × 1 + 1.
        PayFrequency.Weekly => (4, 5, 1, 4),
        PayFrequency.Fortnightly => (2, 3, 2, 2),
        PayFrequency.FourWeekly => (1, 2, 4, 1),
        _ => null,
    };

    /// <summary>
    /// Universal Credit counts earnings as they are received in each monthly assessment period (UC Regulations 2013
    /// regs 54(1) and 61: actual amounts, as reported through real-time information), so pay that is not monthly gives most
    /// months fewer paydays and a few months one more (DWP, "Universal Credit: different earning patterns and your
    /// payments"). Each month is worked in full with that month's pay; council tax due is held at the in-work figure
    /// because Council Tax Reduction works on average weekly income and is not ended by a month with no Universal Credit.
    /// </summary>
    private static List<PayMonth> PayMonths(Household household, RateTable rates, List<Deductions> inWorkPay, ScenarioAmounts now, ScenarioAmounts inWork)
    {
        if (Paydays(household.Offer.PayFrequency) is not { } paydays)
        {
            return [];
        }

        var index = household.Offer.AdultIndex;
        PayMonth Month(int count, int monthsAYear)
        {
            var pay = inWorkPay.ToList();
            pay[index] = inWorkPay[index].Scaled(count * paydays.WeeksPerPayday * 12m / 52m);
            var amounts = Evaluate(Scenario.InWork, household, rates, pay, household.MonthlyChildcareInWork, [], [], councilTaxFrom: inWork);
            return new PayMonth(count, monthsAYear, Money.Pence(amounts.Gross), Money.Pence(amounts.NetEarnings), Money.Pence(amounts.UniversalCredit),
                Money.Pence(amounts.Scp), Money.Pence(amounts.Net), Money.Pence(amounts.Net - now.Net), "");
        }

        var normal = Month(paydays.Normal, 12 - paydays.HighMonths);
        var high = Month(paydays.High, paydays.HighMonths);
        var regs = "Universal Credit counts pay in the monthly assessment period it is paid in (UC Regulations 2013 regs 54 and 61; DWP, \"Universal Credit: different earning patterns and your payments\").";
        normal = normal with
        {
            Explanation = $"{normal.MonthsAYear} month(s) a year have {Plural(normal.Paydays, "payday")} of {Money.Format(inWorkPay[index].Gross * paydays.WeeksPerPayday * 12 / 52)} before deductions. " + regs,
        };
        high = high with { Explanation = HighMonthWords(household, normal, high) };
        return [normal, high];
    }

    /// <summary>What the month with an extra payday does to Universal Credit and the help that comes with it, in plain words.</summary>
    private static string HighMonthWords(Household household, PayMonth normal, PayMonth high)
    {
        var words = new List<string>
        {
            $"In {Plural(high.MonthsAYear, "month")} a year {high.Paydays} paydays fall in one assessment period, so Universal Credit counts the extra pay that month and pays less " +
            $"({Money.Format(high.UniversalCredit)} instead of {Money.Format(normal.UniversalCredit)}); the next month it goes back up.",
        };
        if (high.UniversalCredit == 0 && normal.UniversalCredit > 0)
        {
            words.Add("Universal Credit falls to £0 that month. The claim stays open, so it is paid again the next month without a new claim.");
            var under16 = household.Children.Count(c => c.Age < 16);
            if (under16 > 0)
            {
                // Scottish Child Payment Regulations 2020 (SSI 2020/351): entitlement is weekly and needs the qualifying benefit;
                // a nil award counts only when it is nil because of a sanction or deductions (SCoSS scrutiny report, 2021 amendment).
                words.Add($"Scottish Child Payment is paid only while Universal Credit is paid, so it stops for that month ({Money.Format(normal.ScottishChildPayment)} " +
                    "for the children under 16) and restarts when Universal Credit is paid again; if it does not restart, tell Social Security Scotland.");
            }

            words.Add("Council Tax Reduction carries on: it is worked out on average earnings, and a month with no Universal Credit because of earnings is not a change that ends it " +
                "(Council Tax Reduction (Miscellaneous Amendment) (Scotland) Regulations 2025).");
            if (household.Children.Count > 0)
            {
                words.Add("Free school meals for children in P1 to P5 do not depend on income. For older children, free school meals and the school clothing grant depend on getting " +
                    "Universal Credit with earnings under the council's limit, so apply in an ordinary month and ask the council how it treats a month with no Universal Credit.");
            }

            if (household.TransitionalElement > 0)
            {
                words.Add("Transitional protection is not lost because one month is £0, but it is lost if the award ends: do not let the claim be closed.");
            }
        }
        else if (high.UniversalCredit > 0)
        {
            words.Add("Universal Credit is still paid that month, so Scottish Child Payment and help that depends on Universal Credit carry on.");
        }

        return string.Join(" ", words);
    }

    private static string MonthsAnswer(PayFrequency frequency, PayMonth normal, PayMonth high)
    {
        var text = $"That is the average over a year. Paid {FrequencyWords(frequency)}, a month with {Plural(normal.Paydays, "payday")} leaves you {BetterOrWorse(normal.BetterOffThanNow)}; " +
            $"in the {Plural(high.MonthsAYear, "month")} a year with {high.Paydays} paydays you would be {BetterOrWorse(high.BetterOffThanNow)}";
        if (high.UniversalCredit == 0 && normal.UniversalCredit > 0)
        {
            text += ", because Universal Credit falls to £0 that month" + (normal.ScottishChildPayment > 0 ? " and Scottish Child Payment stops for it" : "");
        }

        return text + ".";
    }

    internal static string BetterOrWorse(decimal amount) => amount switch
    {
        > 0 => $"{Money.Format(amount)} better off",
        < 0 => $"{Money.Format(-amount)} worse off",
        _ => "no better and no worse off",
    };

    internal static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    internal static string SchemeWords(PensionScheme scheme) => scheme == PensionScheme.NetPay
        ? "a net pay arrangement (the contribution comes out of pay before tax)"
        : "relief at source (the person pays 80% of the contribution from pay after tax and HMRC adds the rest), the way most automatic-enrolment schemes such as NEST work; choose net pay arrangement if the employer's scheme takes it before tax";

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

        if (key.StartsWith("pay.minimumWage.", StringComparison.Ordinal))
        {
            return key == MinimumWageKey(household.Adults[household.Offer.AdultIndex].Age);
        }

        return !key.StartsWith("ctr.", StringComparison.Ordinal) || household.CouncilTax is not null;
    }

    /// <summary>The year's legal minimum hourly pay for someone of this age (National Minimum Wage Regulations 2015 reg 4), and the rate's key.</summary>
    internal static string MinimumWageKey(int age) => age switch
    {
        >= 21 => "pay.nationalLivingWage",
        >= 18 => "pay.minimumWage.age18to20",
        _ => "pay.minimumWage.under18AndApprentice",
    };

    private sealed record ScenarioAmounts(
        decimal Gross, decimal Tax, decimal Ni, decimal Pension, decimal NetEarnings, decimal UniversalCredit, decimal Scp, decimal Childcare,
        decimal ChildBenefit, decimal Dhp, decimal CouncilTaxReduction, decimal CouncilTaxDue, decimal UcEarnings)
    {
        public decimal Net => NetEarnings + UniversalCredit + Dhp + ChildBenefit + Scp - Childcare - CouncilTaxDue;

        public ScenarioTotals Totals() => new(
            Money.Pence(Gross), Money.Pence(Tax), Money.Pence(Ni), Money.Pence(Pension), Money.Pence(NetEarnings),
            Money.Pence(UniversalCredit), Money.Pence(Scp), Money.Pence(Childcare), Money.Pence(Net), Money.Pence(ChildBenefit), Money.Pence(Dhp),
            Money.Pence(CouncilTaxReduction), Money.Pence(CouncilTaxDue), Money.Pence(UcEarnings));
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

    /// <summary>
    /// One scenario's amounts and lines. <paramref name="councilTaxFrom"/> holds council tax at another scenario's figure
    /// (for the months with more or fewer paydays).
    /// </summary>
    private static ScenarioAmounts Evaluate(
        Scenario scenario, Household household, RateTable rates, IReadOnlyList<Deductions> pay, decimal childcareCosts,
        List<ResultLine> lines, List<string> notes, ScenarioAmounts? councilTaxFrom = null)
    {
        void Line(string key, string label, decimal amount, string explanation) =>
            lines.Add(new ResultLine(key, scenario, label, Money.Pence(amount), explanation));

        // Earnings, adult by adult: tax, NI and pension are each person's own.
        var deductions = pay;
        var earnings = pay.Select(d => d.Gross).ToList();
        var gross = earnings.Sum();
        var tax = deductions.Sum(d => d.Tax);
        var ni = deductions.Sum(d => d.Ni);
        var pension = deductions.Sum(d => d.Pension);
        var netEarnings = deductions.Sum(d => d.TakeHome);
        var ucEarnings = deductions.Sum(d => d.CountedByUniversalCredit);
        Line("earnings.gross", "Earnings before deductions", gross, PerAdult(earnings, (e, _) => Money.Format(e), "No earnings."));
        Line("earnings.tax", "Scottish income tax (taken off)", tax, PerAdult(earnings, (_, i) => deductions[i].TaxExplanation, "No earnings, no tax."));
        Line("earnings.ni", "National Insurance (taken off)", ni, PerAdult(earnings, (_, i) => deductions[i].NiExplanation, "No earnings, no National Insurance."));
        Line("earnings.pension", "Workplace pension, your contribution (taken off)", pension,
            PerAdult(earnings, (_, i) => deductions[i].PensionExplanation, "No earnings, no automatic enrolment."));
        Line("earnings.net", "Take-home pay", netEarnings, "Earnings minus income tax, National Insurance and the pension contribution taken from pay.");
        if (ucEarnings != netEarnings)
        {
            Line("earnings.counted", "Earnings Universal Credit counts", ucEarnings,
                $"Take-home pay less the {Money.Format(netEarnings - ucEarnings)} of tax relief HMRC adds to the pension: Universal Credit deducts the whole pension contribution, " +
                "relief included (UC Regulations 2013 reg 55(5)(a)), so it counts a little less than the take-home pay.");
        }

        var (childBenefit, childBenefitWords) = ChildBenefit(household.Children, rates);
        var uc = UniversalCredit.For(household, rates, ucEarnings, earnings, scenario == Scenario.InWork ? childcareCosts : 0, childBenefit);
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
        if (councilTaxFrom is not null)
        {
            ctr = councilTaxFrom.CouncilTaxReduction;
            councilTaxDue = councilTaxFrom.CouncilTaxDue;
        }
        else if (household.CouncilTax is { } home)
        {
            var councilTax = CouncilTaxReduction.For(household, home, rates, uc.Award, uc.Housing, uc.Childcare, ucEarnings);
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

        var amounts = new ScenarioAmounts(gross, tax, ni, pension, netEarnings, uc.Award, scp, scenario == Scenario.InWork ? childcareCosts : 0, childBenefit, dhp, ctr, councilTaxDue, ucEarnings);
        Line("net", "Net household income", amounts.Net,
            "Take-home pay + Universal Credit + Discretionary Housing Payment + Child Benefit + Scottish Child Payment"
            + (household.CouncilTax is null ? "" : " − council tax you pay")
            + (scenario == Scenario.InWork ? " − childcare you pay." : ". Rent is left out because it is the same in both columns.")
            + (household.CouncilTax is null ? " Council tax is not included: give the council area and band to include it and Council Tax Reduction." : ""));
        return amounts;
    }

    private static string PerAdult(List<decimal> earnings, Func<decimal, int, string> describe, string whenNone)
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
