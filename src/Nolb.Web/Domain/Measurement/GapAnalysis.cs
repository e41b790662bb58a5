using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// The equality gaps Section 3.3 of the delivery plan asks for, for one LEP and period, for each breakdown:
/// <list type="bullet">
/// <item><b>Reach</b>: each group's share of the period's starts against its share of the area's working-age
/// population. Shares are of the groups the population figures name, so starts whose answer is not known or
/// "prefer not to say" are left out of both sides.</item>
/// <item><b>Job entry</b>: each group's job-entry rate (people supported in the period who entered a job or
/// self-employment in it, out of the people supported) against the LEP's average rate.</item>
/// </list>
/// A gap is flagged when it is at least <see cref="GapRules.ThresholdPoints"/> percentage points either way and the
/// group has at least <see cref="DisclosureRules.MinimumDenominator"/> people behind the figure, so a handful of
/// people never raises a flag. Under disclosure control (national users) counts pass through
/// <see cref="DisclosureControl"/> first, and a share or rate built on a suppressed count is not shown.
/// </summary>
public static class GapAnalysis
{
    /// <summary>The breakdowns compared, in order; population figures may be loaded for all but care experience.</summary>
    public static IReadOnlyList<string> Dimensions { get; } =
        ["sex", "age-band", "ethnicity", "disability", "long-term-condition", "simd-quintile", "care-experienced"];

    /// <summary>The groups population figures may be given for, by breakdown, in the breakdown's own words.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> PopulationGroups { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["sex"] = ["Female", "Male"],
        ["age-band"] = Enum.GetValues<AgeBand>().Where(b => b != AgeBand.Under16).Select(b => b.DisplayName()).ToList(),
        ["ethnicity"] = ["White Scottish or British", "White other", "Mixed or multiple", "Asian", "African, Caribbean or Black", "Other ethnic group"],
        ["disability"] = ["Yes", "No"],
        ["long-term-condition"] = ["Yes", "No"],
        ["simd-quintile"] = ["Quintile 1", "Quintile 2", "Quintile 3", "Quintile 4", "Quintile 5"],
    };

    /// <summary>
    /// Starts or people supported (<paramref name="indicator"/>) in a group of a breakdown, or (no group) the breakdown's
    /// total, as disclosure control protects them in every other table that shows them.
    /// </summary>
    public delegate ProtectedCount SharedCount(string indicator, string dimension, string? group);

    /// <summary>
    /// The gaps by each breakdown. Under <paramref name="control"/>, starts and people supported come from
    /// <paramref name="shared"/> when given (they are published elsewhere too, and one figure must be shown or hidden
    /// alike everywhere); people who entered work, published only here, are protected table by table.
    /// </summary>
    public static IReadOnlyList<DimensionGaps> Analyse(
        MeasurementFacts facts, ReportingPeriod period, IReadOnlyList<PopulationEntry> population, GapRules rules, bool control, SharedCount? shared = null)
    {
        var starts = facts.Engagements.Where(e => period.Contains(e.StartDate)).ToList();
        var supported = facts.Engagements.Where(e => e.OpenDuring(period))
            .GroupBy(e => e.ParticipantId)
            .Select(g => g.OrderByDescending(e => e.StartDate).First())
            .ToList();
        var engagementsOf = facts.Engagements.ToLookup(e => e.ParticipantId);
        var inWork = facts.Outcomes
            .Where(o => o.Kind is OutcomeKind.JobEntry or OutcomeKind.SelfEmployment && period.Contains(o.StartDate))
            .Select(o => o.EngagementId)
            .ToHashSet();
        var entrants = supported.Where(e => engagementsOf[e.ParticipantId].Any(x => inWork.Contains(x.Id))).Select(e => e.ParticipantId).ToHashSet();

        return Dimensions.Select(code =>
        {
            var dimension = Breakdowns.Find(code)!;
            var figures = population.Where(p => p.Dimension == code).ToDictionary(p => p.Group, p => p.Population, StringComparer.Ordinal);
            return Analyse(dimension, starts, supported, entrants, figures, rules, control, shared);
        }).ToList();
    }

    private static DimensionGaps Analyse(
        Breakdowns.Dimension dimension, List<EngagementFact> starts, List<EngagementFact> supported, HashSet<Guid> entrants,
        Dictionary<string, int> population, GapRules rules, bool control, SharedCount? shared)
    {
        string GroupOf(EngagementFact e) => dimension.GroupsOf(e, e.StartDate).First();
        var startCounts = starts.GroupBy(GroupOf).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var supportedCounts = supported.GroupBy(GroupOf).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var entrantCounts = supported.Where(e => entrants.Contains(e.ParticipantId)).GroupBy(GroupOf).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Population groups first in their own order, then any other group that has people (Not known, …).
        var groups = PopulationGroups.GetValueOrDefault(dimension.Code, [])
            .Concat(startCounts.Keys.Concat(supportedCounts.Keys).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var hasPopulation = population.Count > 0;
        var disclosure = rules.Disclosure;
        // Zeros too: where other tables withhold a line, its zeros are withheld as well.
        ProtectedList Shared(string indicator, Dictionary<string, int> counts) => control && shared is not null
            ? new(groups.Select(g => shared(indicator, dimension.Code, g)).ToList(), shared(indicator, dimension.Code, null))
            : Protect(groups.Select(g => counts.GetValueOrDefault(g)).ToList(), control, disclosure);
        var startCells = Shared("starts", startCounts);
        var supportedCells = Shared("supported", supportedCounts);
        var entrantCells = Protect(groups.Select(g => entrantCounts.GetValueOrDefault(g)).ToList(), control, disclosure);

        // Shares are of the groups the population names; the base must be published for a share to be shown.
        var compared = groups.Select((g, i) => (Group: g, Index: i)).Where(x => population.ContainsKey(x.Group)).ToList();
        var comparedStarts = compared.Sum(x => startCells.Cells[x.Index].Value);
        var comparedBaseHidden = control && compared.Any(x => startCells.Cells[x.Index].IsSuppressed);
        var populationTotal = compared.Sum(x => population[x.Group]);

        var averageRate = DisclosureControl.PercentageValue(entrantCells.Total, supportedCells.Total, disclosure);
        var rows = groups.Select((group, i) =>
        {
            var startCell = startCells.Cells[i];
            decimal? startShare = null, populationShare = null, shareGap = null;
            var shareFlag = GapFlag.None;
            if (population.TryGetValue(group, out var people))
            {
                populationShare = populationTotal == 0 ? null : Math.Round(100m * people / populationTotal, 1, MidpointRounding.AwayFromZero);
                if (!startCell.IsSuppressed && !comparedBaseHidden && comparedStarts > 0)
                {
                    startShare = Math.Round(100m * startCell.Value / comparedStarts, 1, MidpointRounding.AwayFromZero);
                    shareGap = startShare - populationShare;
                    shareFlag = Flag(shareGap, comparedStarts, rules);
                }
            }

            var rate = DisclosureControl.PercentageValue(entrantCells.Cells[i], supportedCells.Cells[i], disclosure);
            var rateGap = rate is { } r && averageRate is { } a ? r - a : (decimal?)null;
            var rateFlag = Flag(rateGap, supportedCells.Cells[i].Value, rules);
            return new GroupGap(group, startCell, population.TryGetValue(group, out var p) ? p : null, startShare, populationShare, shareGap, shareFlag,
                supportedCells.Cells[i], entrantCells.Cells[i], rate, rateGap, rateFlag);
        }).ToList();

        return new DimensionGaps(dimension.Code, dimension.Name, hasPopulation, rows, startCells.Total, supportedCells.Total, entrantCells.Total, averageRate);
    }

    private static GapFlag Flag(decimal? gap, int people, GapRules rules) =>
        gap is not { } g || people < rules.Disclosure.MinimumDenominator || Math.Abs(g) < rules.ThresholdPoints ? GapFlag.None
        : g > 0 ? GapFlag.Above : GapFlag.Below;

    private static ProtectedList Protect(List<int> counts, bool control, DisclosureRules rules) =>
        control
            ? DisclosureControl.Protect(counts, rules)
            : new ProtectedList(counts.Select(c => new ProtectedCount(c, CellSuppression.None)).ToList(), new ProtectedCount(counts.Sum(), CellSuppression.None));
}

/// <summary>
/// How large a gap must be to be flagged, in percentage points (5 by default; <c>Nolb:Measurement:GapThresholdPoints</c>),
/// and the disclosure rules whose minimum denominator also sets the fewest people a flag may rest on.
/// </summary>
public sealed record GapRules(decimal ThresholdPoints, DisclosureRules Disclosure)
{
    public const decimal DefaultThresholdPoints = 5m;

    public static GapRules Default { get; } = new(DefaultThresholdPoints, DisclosureRules.Default);
}

public sealed record PopulationEntry(string Dimension, string Group, int Population);

public enum GapFlag
{
    None,

    /// <summary>The group's share or rate is at least the threshold above the comparison.</summary>
    Above,

    /// <summary>The group's share or rate is at least the threshold below the comparison.</summary>
    Below,
}

/// <summary>One group: its starts and share of them against its population share, and its job-entry rate against the LEP's.</summary>
public sealed record GroupGap(
    string Group, ProtectedCount Starts, int? Population, decimal? StartShare, decimal? PopulationShare, decimal? ShareGap, GapFlag ShareFlag,
    ProtectedCount Supported, ProtectedCount JobEntrants, decimal? JobEntryRate, decimal? RateGap, GapFlag RateFlag);

public sealed record DimensionGaps(
    string Dimension, string Name, bool HasPopulation, IReadOnlyList<GroupGap> Groups,
    ProtectedCount TotalStarts, ProtectedCount TotalSupported, ProtectedCount TotalJobEntrants, decimal? AverageJobEntryRate);
