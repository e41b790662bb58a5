using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Journeys;

/// <summary>GET /api/v1/journeys?lep=: the customer journey map of an LEP (Section 4.1), under disclosure control.</summary>
public static class JourneysApi
{
    /// <summary>A count as published: the number, or null with <c>display</c> "[c]" where suppressed.</summary>
    public sealed record CountDto(int? Value, string Display);

    public sealed record RouteDto(IReadOnlyList<int> Stages, string Route, CountDto People);

    public sealed record StageTimeDto(int Stage, string Name, CountDto CompletedStays, decimal? MedianDays);

    public sealed record LeaverDto(int Stage, string Name, IReadOnlyDictionary<string, CountDto> ByReason, CountDto Total);

    /// <summary>People who used a service in a stage; <c>share</c> is the percentage of the people who reached the stage (null where not shown, see <c>shareDisplay</c>).</summary>
    public sealed record ServiceCountDto(string Name, string Group, CountDto People, decimal? Share, string ShareDisplay);

    /// <summary>The most used interventions (group: catalogue heading) and referrals (group: organisation) in a stage.</summary>
    public sealed record StageServicesDto(int Stage, string Name, CountDto PeopleReached, IReadOnlyList<ServiceCountDto> Interventions, IReadOnlyList<ServiceCountDto> Referrals);

    public sealed record RouteVisitDto(int Stage, IReadOnlyList<string> Services);

    /// <summary>A route with the services used in each stage; <c>left</c> is the leaving reason of those who have left, null while still on it.</summary>
    public sealed record ServiceRouteDto(IReadOnlyList<RouteVisitDto> Visits, string? Left, string Route, CountDto People);

    public sealed record JourneyMapDto(
        string Area, int Engagements, IReadOnlyList<RouteDto> Routes, IReadOnlyList<StageTimeDto> StageTimes,
        IReadOnlyList<LeaverDto> Leavers, IReadOnlyDictionary<string, CountDto> LeaversByReason, CountDto AllLeavers, string Method,
        IReadOnlyList<StageServicesDto> StageServices, IReadOnlyList<ServiceRouteDto> ServiceRoutes);

    public static RouteGroupBuilder MapJourneysApi(this RouteGroupBuilder api)
    {
        api.MapGet("/journeys", GetAsync).WithTags("Customer journey map").RequireAuthorization(Permissions.Statistics.ReadLep)
            .WithSummary("The most common routes through the five stages, the median days in each stage, where people leave (by last stage and reason), "
                + "the interventions and referrals people get in each stage and the most common routes with those services, "
                + "for your LEP (lep=GSS code; another LEP's answers 404). Small counts are suppressed ([c]).");
        return api;
    }

    private static async Task<Results<Ok<JourneyMapDto>, NotFound>> GetAsync(string? lep, JourneyQuery query, CancellationToken ct) =>
        await query.ForAsync(lep, ct) is { } map ? TypedResults.Ok(ToDto(map)) : TypedResults.NotFound();

    public static JourneyMapDto ToDto(JourneyQuery.Map map)
    {
        var r = map.Result;
        var t = r.Leavers.Counts;
        var reasons = r.Leavers.Reasons;
        return new JourneyMapDto(
            map.Area, r.Engagements,
            r.Routes.Select(x => new RouteDto(x.Stages.Select(s => (int)s).ToList(), JourneyMap.Label(x.Stages), Count(x.People))).ToList(),
            r.StageTimes.Select(s => new StageTimeDto((int)s.Stage, s.Stage.Label(), Count(s.Stays), s.MedianDays)).ToList(),
            r.Leavers.Stages.Select((s, i) => new LeaverDto((int)s, s.Label(),
                reasons.Select((reason, j) => (reason, j)).ToDictionary(x => x.reason.ToString(), x => Count(t.Cell(i, x.j))), Count(t.RowTotal(i)))).ToList(),
            reasons.Select((reason, j) => (reason, j)).ToDictionary(x => x.reason.ToString(), x => Count(t.ColumnTotal(x.j))),
            Count(t.GrandTotal),
            Method,
            r.Services.Stages.Select(s => new StageServicesDto((int)s.Stage, s.Stage.Label(), Count(s.Reached), Services(s.Interventions), Services(s.Referrals))).ToList(),
            r.Services.Routes.Select(x => new ServiceRouteDto(
                x.Visits.Select(v => new RouteVisitDto((int)v.Stage, v.Services)).ToList(), x.Left?.ToString(), x.Label, Count(x.People))).ToList());
    }

    public const string Method = "A route is an engagement's stages in date order, a stage repeated in a row counted once; the ten most common are listed and the rest "
        + "gathered in one line. A stay runs from a move into a stage to the next move or leaving; stays still going on are left out. "
        + "Counts of 1 to 4 are suppressed ([c]) with secondary suppression, and a median over fewer than 5 stays is not shown. "
        + "A service (an intervention started or a referral sent) belongs to the stage the person was in on that day; services in a stage count people, "
        + "each once, and their share is of the people who reached the stage (not shown under 20 people). In routes with services an intervention is "
        + "named by its catalogue heading.";

    private static CountDto Count(ProtectedCount c) => new(c.Published, c.Display());

    private static List<ServiceCountDto> Services(IReadOnlyList<ServiceCount> counts) =>
        counts.Select(c => new ServiceCountDto(c.Name, c.Group, Count(c.People), c.Share, DisclosureControl.Percentage(c.People, c.Reached))).ToList();
}
