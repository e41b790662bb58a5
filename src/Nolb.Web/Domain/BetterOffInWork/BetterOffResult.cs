using System.Globalization;

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
    decimal CouncilTaxDue,
    decimal EarningsCountedByUniversalCredit);

/// <summary>
/// One kind of month in work when pay is not monthly: how many paydays fall in the assessment period, how many months a
/// year are like it, and that month's amounts (pounds, rounded to pence). <see cref="BetterOffThanNow"/> is against the
/// household's income now.
/// </summary>
public sealed record PayMonth(
    int Paydays, int MonthsAYear, decimal GrossEarnings, decimal TakeHome, decimal UniversalCredit, decimal ScottishChildPayment,
    decimal NetHouseholdIncome, decimal BetterOffThanNow, string Explanation)
{
    public string Name => $"A month with {BetterOffCalculator.Plural(Paydays, "payday")}";
}

/// <summary>One row of the result: a line's label with its amount now and in the job (either may be missing) and how each was worked out.</summary>
public sealed record ResultRow(string Key, string Label, ResultLine? Now, ResultLine? InWork)
{
    /// <summary>The working once when it is the same in both columns.</summary>
    public bool SameExplanation => Now is not null && InWork is not null && Now.Explanation == InWork.Explanation;

    /// <summary>The row as one line of text: what the PDF prints and the saved intervention holds.</summary>
    public string Text =>
        $"{Label}: now {(Now is null ? "-" : Money.Format(Now.Amount))}; in the job {(InWork is null ? "-" : Money.Format(InWork.Amount))}";
}

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
    /// <summary>Things the key worker must check or tell the person, in plain words; only those that apply.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>An ordinary month and the month with an extra payday, when pay is not monthly; otherwise empty.</summary>
    public IReadOnlyList<PayMonth> PayMonths { get; init; } = [];

    /// <summary>Every rate the calculation used, with its source and the date it was read.</summary>
    public IReadOnlyList<Rate> RatesUsed { get; init; } = [];

    public PensionScheme PensionScheme { get; init; } = PensionScheme.ReliefAtSource;

    /// <summary>The lines as rows, in the order they were worked out: the page's table and the PDF's.</summary>
    public IReadOnlyList<ResultRow> Rows()
    {
        // In the in-work order, with a line only the "now" column has placed after the line it follows there.
        var keys = Lines.Where(l => l.Scenario == Scenario.InWork).Select(l => l.Key).ToList();
        var nowKeys = Lines.Where(l => l.Scenario == Scenario.Now).Select(l => l.Key).ToList();
        for (var i = 0; i < nowKeys.Count; i++)
        {
            if (!keys.Contains(nowKeys[i]))
            {
                keys.Insert(i == 0 ? 0 : keys.IndexOf(nowKeys[i - 1]) + 1, nowKeys[i]);
            }
        }

        return keys.Select(key =>
        {
            var now = Lines.FirstOrDefault(l => l.Key == key && l.Scenario == Scenario.Now);
            var inWork = Lines.FirstOrDefault(l => l.Key == key && l.Scenario == Scenario.InWork);
            return new ResultRow(key, (now ?? inWork)!.Label, now, inWork);
        }).ToList();
    }

    /// <summary>
    /// The result as lines of plain text, the one list the PDF and the saved intervention share (the page shows the same
    /// rows): the answer, each warning, each row with its amounts now and in the job, each kind of month for pay that is
    /// not monthly, and the provisional rates; each with the working behind it where there is some (the PDF prints it,
    /// the intervention keeps only the lines). Figures only, no personal details.
    /// </summary>
    public IReadOnlyList<(string Text, string? Working)> TextLinesWithWorking()
    {
        var text = new List<(string, string?)> { ($"Better Off In Work calculation ({TaxYear} rates, pounds a calendar month). {Answer}", null) };
        text.AddRange(Warnings.Select(w => ("Warning: " + w, (string?)null)));
        foreach (var month in PayMonths)
        {
            text.Add((string.Create(CultureInfo.InvariantCulture,
                $"{month.Name} ({month.MonthsAYear} a year): earnings {Money.Format(month.GrossEarnings)}, take-home {Money.Format(month.TakeHome)}, " +
                $"Universal Credit {Money.Format(month.UniversalCredit)}, Scottish Child Payment {Money.Format(month.ScottishChildPayment)}, " +
                $"net household income {Money.Format(month.NetHouseholdIncome)}, {BetterOffCalculator.BetterOrWorse(month.BetterOffThanNow)} than now."), month.Explanation));
        }

        foreach (var row in Rows())
        {
            text.Add((row.Text, row.SameExplanation
                ? row.Now!.Explanation
                : string.Join(" ", new[] { row.Now is null ? null : "Now: " + row.Now.Explanation, row.InWork is null ? null : "In the job: " + row.InWork.Explanation }.OfType<string>())));
        }

        if (UnconfirmedRates.Count > 0)
        {
            text.Add(($"Not yet confirmed against their official source: {string.Join("; ", UnconfirmedRates.Select(r => r.Description))}.", null));
        }

        return text;
    }

    public IReadOnlyList<string> TextLines() => TextLinesWithWorking().Select(l => l.Text).ToList();

    /// <summary>The text lines joined, for a case note or an intervention record.</summary>
    public string Summary() => string.Join("\n", TextLines());
}

/// <summary>Culture-invariant pounds and pence for explanations and summaries.</summary>
public static class Money
{
    public static string Format(decimal amount) =>
        (amount < 0 ? "-£" : "£") + Math.Abs(Math.Round(amount, 2, MidpointRounding.AwayFromZero)).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static decimal Pence(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
