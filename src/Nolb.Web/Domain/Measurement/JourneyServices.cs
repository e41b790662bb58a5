using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.Measurement;

public enum JourneyServiceKind
{
    /// <summary>An intervention from the Annex 1 catalogue, by its type.</summary>
    Intervention,

    /// <summary>A referral to a service in the service directory.</summary>
    Referral,
}

/// <summary>
/// A service used on an engagement: an intervention started (named by its catalogue type, grouped under its catalogue heading)
/// or a referral sent (named by the directory service, grouped under the organisation that runs it), on the day it happened.
/// </summary>
public sealed record ServiceUse(Guid EngagementId, JourneyServiceKind Kind, string Name, string Group, DateOnly Date);

/// <summary>An outbound referral of a person to a directory service, before it is matched to one of the person's engagements.</summary>
public sealed record ReferralSent(Guid ParticipantId, string Service, string Organisation, DateOnly SentOn);

/// <summary>How many people used a service while in a stage, and their share of the people who reached that stage.</summary>
public sealed record ServiceCount(string Name, string Group, ProtectedCount People, ProtectedCount Reached, decimal? Share);

/// <summary>The most used interventions and referrals in one stage, with the number of people who reached the stage.</summary>
public sealed record StageServices(PipelineStage Stage, ProtectedCount Reached, IReadOnlyList<ServiceCount> Interventions, IReadOnlyList<ServiceCount> Referrals);

/// <summary>One visit to a stage on a route, with the services used during it (already labelled for the route).</summary>
public sealed record RouteVisit(PipelineStage Stage, IReadOnlyList<string> Services);

/// <summary>
/// A route with the services used in each stage and, for those who have left, why they left; how many engagements took it.
/// No visits means the line that gathers every less common route.
/// </summary>
public sealed record ServiceRoute(IReadOnlyList<RouteVisit> Visits, LeavingReason? Left, string Label, ProtectedCount People)
{
    public bool IsOther => Visits.Count == 0;
}

public sealed record JourneyServicesResult(IReadOnlyList<StageServices> Stages, IReadOnlyList<ServiceRoute> Routes);

/// <summary>
/// The services on the customer journey map (Section 4.1): which interventions and referrals people get in each stage, and
/// the most common routes with those services. Pure, so its figures are tested on hand-built data.
/// <list type="bullet">
/// <item>A service belongs to the stage the engagement was in on the day it happened: the last stage move on or before that
/// day (moves on the same day in the order they were recorded); a service before the first move belongs to the first stage.</item>
/// <item>A referral is matched to the person's engagement that started most recently on or before the day it was sent (the
/// rule the indicator engine uses); a referral sent before any engagement of the person is left out.</item>
/// <item>Stage tables count people, not services: a person counts once for a service in a stage however often they used
/// it, and once as having reached the stage however many engagements took them there. Only the
/// <see cref="MaxServicesPerStage"/> most used of each kind are listed, most people first, then by name.</item>
/// <item>Routes count engagements, like the routes through the stages. In a route, an intervention is named by its catalogue
/// heading so that routes can be compared; a referral by the service. Services in a visit are listed once each,
/// interventions first, each kind alphabetically.</item>
/// <item>Each count is suppressed on its own when small (they overlap, so no total is published to subtract from); a share is
/// not shown over fewer people than the minimum denominator.</item>
/// </list>
/// </summary>
public static class JourneyServices
{
    public const int MaxServicesPerStage = 5;

    /// <summary>Outbound referrals as service uses of the engagement each was sent in; those with no such engagement are dropped.</summary>
    public static IReadOnlyList<ServiceUse> Referrals(IReadOnlyList<JourneyInput> journeys, IEnumerable<ReferralSent> referrals)
    {
        var byPerson = journeys.ToLookup(j => j.Person);
        return referrals
            .Select(r => byPerson[r.ParticipantId].Where(j => j.StartDate <= r.SentOn).OrderBy(j => j.StartDate).ThenBy(j => j.EngagementId).LastOrDefault() is { } journey
                ? new ServiceUse(journey.EngagementId, JourneyServiceKind.Referral, r.Service, r.Organisation, r.SentOn)
                : null)
            .OfType<ServiceUse>()
            .ToList();
    }

    public static JourneyServicesResult Build(
        IReadOnlyList<JourneyInput> journeys, IReadOnlyList<ServiceUse> uses, Func<LeavingReason, string> leavingLabel, DisclosureRules rules)
    {
        var usesOf = uses.ToLookup(u => u.EngagementId);
        var stages = Enum.GetValues<PipelineStage>();
        var reached = stages.ToDictionary(s => s, _ => new HashSet<Guid>());
        var users = stages.ToDictionary(s => s, _ => new Dictionary<(JourneyServiceKind Kind, string Name, string Group), HashSet<Guid>>());
        var routes = new List<(IReadOnlyList<RouteVisit> Visits, LeavingReason? Left, string Label)>();

        foreach (var journey in journeys)
        {
            var visits = JourneyMap.Visits(journey);
            var used = visits.Select(_ => new List<ServiceUse>()).ToList();
            foreach (var use in usesOf[journey.EngagementId])
            {
                var at = visits.FindLastIndex(v => v.Date <= use.Date);
                used[Math.Max(at, 0)].Add(use);
            }

            for (var i = 0; i < visits.Count; i++)
            {
                reached[visits[i].Stage].Add(journey.Person);
                foreach (var use in used[i])
                {
                    var key = (use.Kind, use.Name, use.Group);
                    if (!users[visits[i].Stage].TryGetValue(key, out var people))
                    {
                        users[visits[i].Stage][key] = people = [];
                    }

                    people.Add(journey.Person);
                }
            }

            var route = visits.Select((v, i) => new RouteVisit(v.Stage, RouteServices(used[i]))).ToList();
            var left = journey.LeftOn is null ? null : journey.LeavingReason;
            routes.Add((route, left, Label(route, left is { } reason ? leavingLabel(reason) : null)));
        }

        var stageServices = stages.Select(stage =>
        {
            var reach = Count(reached[stage].Count, rules);
            List<ServiceCount> Top(JourneyServiceKind kind) => users[stage]
                .Where(u => u.Key.Kind == kind)
                .Select(u => (u.Key, People: u.Value.Count))
                .OrderByDescending(u => u.People).ThenBy(u => u.Key.Name, StringComparer.Ordinal).ThenBy(u => u.Key.Group, StringComparer.Ordinal)
                .Take(MaxServicesPerStage)
                .Select(u =>
                {
                    var people = Count(u.People, rules);
                    return new ServiceCount(u.Key.Name, u.Key.Group, people, reach, DisclosureControl.PercentageValue(people, reach, rules));
                })
                .ToList();
            return new StageServices(stage, reach, Top(JourneyServiceKind.Intervention), Top(JourneyServiceKind.Referral));
        }).ToList();

        return new JourneyServicesResult(stageServices, TopRoutes(routes, rules));
    }

    /// <summary>"Stage 1 → Stage 2 (Job Search; referral to Money Advice) → Stage 4 → left: Entered employment".</summary>
    public static string Label(IReadOnlyList<RouteVisit> visits, string? left)
    {
        if (visits.Count == 0)
        {
            return "All other routes";
        }

        var steps = visits.Select(v => $"Stage {(int)v.Stage}" + (v.Services.Count > 0 ? $" ({string.Join("; ", v.Services)})" : ""));
        return string.Join(" → ", left is null ? steps : steps.Append($"left: {left}"));
    }

    private static ProtectedCount Count(int value, DisclosureRules rules) =>
        new(value, DisclosureControl.IsSmall(value, rules) ? CellSuppression.Primary : CellSuppression.None);

    private static List<string> RouteServices(List<ServiceUse> used) =>
    [
        .. used.Where(u => u.Kind == JourneyServiceKind.Intervention).Select(u => u.Group).Distinct().Order(StringComparer.Ordinal),
        .. used.Where(u => u.Kind == JourneyServiceKind.Referral).Select(u => u.Name).Distinct().Order(StringComparer.Ordinal).Select(n => $"referral to {n}"),
    ];

    private static List<ServiceRoute> TopRoutes(List<(IReadOnlyList<RouteVisit> Visits, LeavingReason? Left, string Label)> routes, DisclosureRules rules)
    {
        var grouped = routes.GroupBy(r => r.Label, StringComparer.Ordinal)
            .Select(g => (Route: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Route.Label, StringComparer.Ordinal)
            .ToList();
        var shown = grouped.Take(JourneyMap.MaxRoutes).ToList();
        var others = grouped.Skip(JourneyMap.MaxRoutes).Sum(g => g.Count);
        var lines = others > 0 ? shown.Append((Route: ([], null, Label([], null)), Count: others)).ToList() : shown;
        var counts = DisclosureControl.Protect(lines.Select(l => l.Count).ToList(), rules);
        return lines.Select((l, i) => new ServiceRoute(l.Route.Visits, l.Route.Left, l.Route.Label, counts.Cells[i])).ToList();
    }
}
