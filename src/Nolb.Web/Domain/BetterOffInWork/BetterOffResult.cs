using System.Globalization;
using System.Text;

namespace Nolb.Web.Domain.BetterOffInWork;

public enum Scenario
{
    Now,
    InWork,
}

/// <summary>One line of the working: what it is, how much a month (pounds, rounded to pence) and how it was worked out.</summary>
public sealed record ResultLine(string Key, Scenario Scenario, string Label, decimal Amount, string Explanation);

/// <summary>The headline amounts of one scenario, in pounds per calendar month, rounded to pence.</summary>
public sealed record ScenarioTotals(
    decimal GrossEarnings,
    decimal IncomeTax,
    decimal NationalInsurance,
    decimal Pension,
    decimal NetEarnings,
    decimal UniversalCredit,
    decimal ScottishChildPayment,
    decimal ChildcareCosts,
    decimal NetHouseholdIncome,
    decimal ChildBenefit,
    decimal DiscretionaryHousingPayment,
    decimal CouncilTaxReduction,
    decimal CouncilTaxDue);

public sealed record BetterOffResult(
    string TaxYear,
    ScenarioTotals Now,
    ScenarioTotals InWork,
    decimal MonthlyDifference,
    string Answer,
    IReadOnlyList<ResultLine> Lines,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Limits,
    IReadOnlyList<Rate> UnconfirmedRates)
{
    /// <summary>A few lines for a case note or an intervention record (plain text, no personal details).</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Better Off In Work calculation ({TaxYear} rates). {Answer}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Now: net household income {Money.Format(Now.NetHouseholdIncome)} a month (Universal Credit {Money.Format(Now.UniversalCredit)}).\n");
        text.Append(CultureInfo.InvariantCulture,
            $"In work: earnings {Money.Format(InWork.GrossEarnings)} before deductions, take-home {Money.Format(InWork.NetEarnings)}, " +
            $"Universal Credit {Money.Format(InWork.UniversalCredit)}, Scottish Child Payment {Money.Format(InWork.ScottishChildPayment)}, " +
            $"net household income {Money.Format(InWork.NetHouseholdIncome)} a month.");
        if (UnconfirmedRates.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{UnconfirmedRates.Count} of the rates used are not yet confirmed against their official source.");
        }

        return text.ToString();
    }
}

/// <summary>Culture-invariant pounds and pence for explanations and summaries.</summary>
public static class Money
{
    public static string Format(decimal amount) =>
        (amount < 0 ? "-£" : "£") + Math.Abs(Math.Round(amount, 2, MidpointRounding.AwayFromZero)).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static decimal Pence(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
