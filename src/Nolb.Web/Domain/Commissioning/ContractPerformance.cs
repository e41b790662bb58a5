namespace Nolb.Web.Domain.Commissioning;

/// <summary>
/// Red, amber or green for actual against profile over the quarters that have ended: green at 95% of the profile or more,
/// amber from 80% up to 95%, red below 80%. Nothing is due (and nothing is rated) until a quarter with a profile has ended.
/// </summary>
public static class RagThresholds
{
    public const decimal GreenFrom = 0.95m;
    public const decimal AmberFrom = 0.80m;
    public const string Explanation =
        "Green: at least 95% of the profile for the quarters that have ended. Amber: at least 80%. Red: below 80%. " +
        "Not yet due: no quarter with a profile has ended.";

    public static Rag Of(int actual, int profile) =>
        profile <= 0 ? Rag.NotYetDue
        : (decimal)actual / profile >= GreenFrom ? Rag.Green
        : (decimal)actual / profile >= AmberFrom ? Rag.Amber
        : Rag.Red;
}

public enum Rag
{
    NotYetDue,
    Red,
    Amber,
    Green,
}

public sealed record QuarterPerformance(
    FinancialQuarter Quarter, bool Ended, int ProfileStarts, int ActualStarts, int ProfileJobOutcomes, int ActualJobOutcomes,
    int Progressions, decimal ProfileSpend, decimal? Spend);

/// <summary>One measure to date: the profile and actual over the quarters that have ended, and its RAG.</summary>
public sealed record MeasureToDate(int Profile, int Actual, int? Percent, Rag Rag);

/// <summary>
/// A contract's profile against its actuals, quarter by quarter and to date, with spend against budget and the cost per start
/// and per job outcome (all spend recorded, over everything attributed so far; none until some spend is recorded).
/// </summary>
public sealed record ContractPerformance(
    Guid ContractId, DateOnly AsOf, IReadOnlyList<QuarterPerformance> Quarters, MeasureToDate Starts, MeasureToDate JobOutcomes,
    int StartsSoFar, int JobOutcomesSoFar, int ProgressionsSoFar, decimal Budget, decimal SpendToDate, decimal ProfileSpendToDate,
    int? SpendPercentOfBudget, decimal? CostPerStart, decimal? CostPerJobOutcome)
{
    /// <summary>The worse of the starts and job outcomes ratings that are due.</summary>
    public Rag Overall =>
        new[] { Starts.Rag, JobOutcomes.Rag }.Where(r => r != Rag.NotYetDue).DefaultIfEmpty(Rag.NotYetDue).Min();

    public static ContractPerformance Of(DeliveryContract contract, IReadOnlyList<AttributedEvent> events, DateOnly today)
    {
        var quarters = contract.Quarters.Select(q =>
        {
            var profile = contract.Profile.SingleOrDefault(p => p.Quarter == q);
            int Count(ActualKind kind) => events.Count(e => e.Kind == kind && q.Contains(e.Date));
            return new QuarterPerformance(
                q, q.End < today, profile?.Starts ?? 0, Count(ActualKind.Start), profile?.JobOutcomes ?? 0, Count(ActualKind.JobOutcome),
                Count(ActualKind.Progression), profile?.Spend ?? 0, contract.Spend.SingleOrDefault(s => s.Quarter == q)?.Amount);
        }).ToList();
        var ended = quarters.Where(q => q.Ended).ToList();
        var spend = contract.SpendRecorded;
        var starts = events.Count(e => e.Kind == ActualKind.Start);
        var outcomes = events.Count(e => e.Kind == ActualKind.JobOutcome);
        return new ContractPerformance(
            contract.Id, today, quarters,
            Measure(ended.Sum(q => q.ProfileStarts), ended.Sum(q => q.ActualStarts)),
            Measure(ended.Sum(q => q.ProfileJobOutcomes), ended.Sum(q => q.ActualJobOutcomes)),
            starts, outcomes, events.Count(e => e.Kind == ActualKind.Progression),
            contract.Budget, spend, ended.Sum(q => q.ProfileSpend),
            contract.Budget > 0 ? (int)decimal.Round(spend * 100 / contract.Budget, MidpointRounding.AwayFromZero) : null,
            starts > 0 && spend > 0 ? decimal.Round(spend / starts, 2) : null,
            outcomes > 0 && spend > 0 ? decimal.Round(spend / outcomes, 2) : null);
    }

    private static MeasureToDate Measure(int profile, int actual) =>
        new(profile, actual, profile > 0 ? (int)decimal.Round(actual * 100m / profile, MidpointRounding.AwayFromZero) : null, RagThresholds.Of(actual, profile));
}
