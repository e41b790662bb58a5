using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Measurement;

/// <summary>One engagement's route: when it started, every stage move, and when and why it ended (if it has).</summary>
public sealed record JourneyInput(Guid EngagementId, DateOnly StartDate, DateOnly? LeftOn, LeavingReason? LeavingReason, IReadOnlyList<StageMoveFact> Moves)
{
    /// <summary>The person on the engagement, so people are counted once across their engagements; unknown counts the engagement as one person.</summary>
    public Guid? ParticipantId { get; init; }

    public Guid Person => ParticipantId ?? EngagementId;
}

/// <summary>A route through the stages (repeats in a row collapsed: 1 → 2 → 3 → 2) and how many engagements took it.</summary>
public sealed record JourneyRoute(IReadOnlyList<PipelineStage> Stages, ProtectedCount People)
{
    /// <summary>True for the line that gathers every less common route.</summary>
    public bool IsOther => Stages.Count == 0;
}

/// <summary>Completed stays in a stage (ended by a move or by leaving) and their median length in days; null where too few to show.</summary>
public sealed record StageTime(PipelineStage Stage, ProtectedCount Stays, decimal? MedianDays);

/// <summary>Leavers by the stage they were at when they left (rows, in stage order) and why they left (columns, in <see cref="LeavingReason"/> order).</summary>
public sealed record LeaversTable(IReadOnlyList<PipelineStage> Stages, IReadOnlyList<LeavingReason> Reasons, ProtectedTable Counts);

public sealed record JourneyMapResult(
    int Engagements, IReadOnlyList<JourneyRoute> Routes, IReadOnlyList<StageTime> StageTimes, LeaversTable Leavers, JourneyServicesResult Services);

/// <summary>
/// The customer journey map of Section 4.1, from case data: the most common routes through the five stages, the median
/// time people spend in each stage, and where people leave. Pure, so its figures are tested on hand-built data.
/// <list type="bullet">
/// <item>A route is the engagement's stages in date order (a move recorded later on the same day comes after), with a stage
/// repeated in a row counted once. The <see cref="MaxRoutes"/> most common routes are listed; the rest are one line.</item>
/// <item>A stay is the time from a move into a stage to the next move or to leaving. Stays still going on are left out, as
/// their length is not known yet. The median of an even number of stays is the mean of the two middle ones.</item>
/// <item>The services people use in each stage, and routes with those services, come from <see cref="JourneyServices"/>.</item>
/// <item>Counts go through <see cref="DisclosureControl"/>: small counts are suppressed, and a median over fewer stays than
/// the minimum count is not shown, because it could be one person's time.</item>
/// </list>
/// </summary>
public static class JourneyMap
{
    public const int MaxRoutes = 10;

    /// <param name="journeys">The LEP's engagements.</param>
    /// <param name="rules">Disclosure control; the default thresholds when null.</param>
    /// <param name="services">Interventions and referrals on the engagements (see <see cref="JourneyServices"/>); none when null.</param>
    /// <param name="leavingLabel">How a leaving reason reads in a route with services; the reason's name when null.</param>
    public static JourneyMapResult Build(
        IReadOnlyList<JourneyInput> journeys, DisclosureRules? rules = null, IReadOnlyList<ServiceUse>? services = null, Func<LeavingReason, string>? leavingLabel = null)
    {
        rules ??= DisclosureRules.Default;
        var routes = new List<IReadOnlyList<PipelineStage>>();
        var stays = Enum.GetValues<PipelineStage>().ToDictionary(s => s, _ => new List<int>());
        var stages = Enum.GetValues<PipelineStage>();
        var reasons = Enum.GetValues<LeavingReason>();
        var leavers = new int[stages.Length, reasons.Length];

        foreach (var journey in journeys)
        {
            var visits = Visits(journey);
            var route = visits.Select(v => v.Stage).ToList();
            routes.Add(route);

            // A stay runs from a move into a different stage until the next move into a different stage (or leaving).
            for (var i = 0; i < visits.Count; i++)
            {
                var end = i + 1 < visits.Count ? visits[i + 1].Date : journey.LeftOn;
                if (end is { } ended)
                {
                    stays[visits[i].Stage].Add(ended.DayNumber - visits[i].Date.DayNumber);
                }
            }

            if (journey.LeftOn is not null && journey.LeavingReason is { } reason)
            {
                leavers[Array.IndexOf(stages, route[^1]), Array.IndexOf(reasons, reason)]++;
            }
        }

        return new JourneyMapResult(
            journeys.Count, Routes(routes, rules), StageTimes(stays, rules), new LeaversTable(stages, reasons, DisclosureControl.Protect(leavers, rules)),
            JourneyServices.Build(journeys, services ?? [], leavingLabel ?? (r => r.ToString()), rules));
    }

    /// <summary>
    /// The engagement's visits to stages in order: each move into a stage other than the one before (moves on the same day in
    /// the order they were recorded) and its day. With no moves recorded, the engagement is in stage 1 from its start.
    /// </summary>
    internal static List<(PipelineStage Stage, DateOnly Date)> Visits(JourneyInput journey)
    {
        var moves = journey.Moves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).ToList();
        if (moves.Count == 0)
        {
            return [(PipelineStage.EngagementReferralAndAssessment, journey.StartDate)];
        }

        return moves.Where((m, i) => i == 0 || moves[i - 1].Stage != m.Stage).Select(m => (m.Stage, m.Date)).ToList();
    }

    /// <summary>The median, or null for no values.</summary>
    public static decimal? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    public static string Label(IReadOnlyList<PipelineStage> route) =>
        route.Count == 0 ? "All other routes" : string.Join(" → ", route.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static List<JourneyRoute> Routes(List<IReadOnlyList<PipelineStage>> routes, DisclosureRules rules)
    {
        var grouped = routes.GroupBy(Label, StringComparer.Ordinal)
            .Select(g => (Stages: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => Label(g.Stages), StringComparer.Ordinal)
            .ToList();
        var shown = grouped.Take(MaxRoutes).ToList();
        var others = grouped.Skip(MaxRoutes).Sum(g => g.Count);
        var lines = others > 0 ? shown.Append((Stages: (IReadOnlyList<PipelineStage>)[], Count: others)).ToList() : shown;
        var protectedCounts = DisclosureControl.Protect(lines.Select(l => l.Count).ToList(), rules);
        return lines.Select((l, i) => new JourneyRoute(l.Stages, protectedCounts.Cells[i])).ToList();
    }

    private static List<StageTime> StageTimes(Dictionary<PipelineStage, List<int>> stays, DisclosureRules rules) =>
        stays.Select(s =>
        {
            var count = new ProtectedCount(s.Value.Count, DisclosureControl.IsSmall(s.Value.Count, rules) ? CellSuppression.Primary : CellSuppression.None);
            return new StageTime(s.Key, count, count.IsSuppressed ? null : Median(s.Value));
        }).ToList();
}
