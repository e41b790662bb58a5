using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Features.Me;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Feedback;

/// <summary>
/// /api/v1/charter: the commitments the signed-in user's LEP asks about. /api/v1/feedback: a participant gives their own
/// feedback; staff read their LEP's results. Results never name a person.
/// </summary>
public static class FeedbackApi
{
    public sealed record CommitmentDto(Guid Id, string Text, bool Local);

    public sealed record FeedbackRequest(FeedbackPoint? Point, Dictionary<Guid, int?>? Ratings, string? Improvement, bool Anonymous);

    public sealed record GivenDto(Guid Id, string Period, FeedbackPoint Point, bool Anonymous);

    public sealed record ResultsDto(
        string? Period, Guid? OrganisationId, SatisfactionQuery.Satisfaction Overall, decimal? PercentSatisfied,
        IReadOnlyList<SatisfactionQuery.CommitmentResult> Commitments, IReadOnlyList<SatisfactionQuery.GroupResult> ByPeriodAndService);

    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder api)
    {
        api.MapGet("/charter", GetCharterAsync).WithTags("Customer Charter")
            .WithSummary("The active Customer Charter commitments for the signed-in user's LEP: the national ones, then the LEP's own.");
        var feedback = api.MapGroup("/feedback").WithTags("Customer Charter");
        feedback.MapPost("/", GiveAsync).RequireAuthorization(Permissions.Feedback.GiveOwn)
            .WithSummary("A participant gives their own feedback: ratings 1–5 by commitment id, what would make it better, and whether it is anonymous.");
        feedback.MapGet("/results", ResultsAsync).RequireAuthorization(Permissions.Feedback.Manage)
            .WithSummary("The LEP's satisfaction figure, by commitment and by period and service. Optional period (e.g. 2026-27 Q3) and organisationId.");
        return api;
    }

    private static async Task<Ok<List<CommitmentDto>>> GetCharterAsync(FeedbackCommands commands, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await commands.CommitmentsForAsync(user.LepId, ct)).Select(c => new CommitmentDto(c.Id, c.Text, c.LepId is not null)).ToList());

    private static async Task<Results<Created<GivenDto>, NotFound, ValidationProblem>> GiveAsync(
        FeedbackRequest request, MyRecord me, FeedbackCommands commands, CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        var engagement = person?.OpenEngagement ?? person?.Engagements.OrderByDescending(e => e.StartDate).FirstOrDefault();
        if (person is null || engagement is null)
        {
            return TypedResults.NotFound();
        }

        var form = new FeedbackForm
        {
            Point = request.Point,
            Improvement = request.Improvement,
            Anonymous = request.Anonymous,
            Ratings = (request.Ratings ?? []).Select(r => new FeedbackForm.RatingInput { CommitmentId = r.Key, Score = r.Value }).ToList(),
        };
        var (response, errors) = await commands.GiveAsync(person, engagement, form, FeedbackChannel.Online, ct);
        return response is null
            ? TypedResults.ValidationProblem(errors.ToProblemErrors())
            : TypedResults.Created("/api/v1/feedback", new GivenDto(response.Id, response.Period, response.Point, response.IsAnonymous));
    }

    private static async Task<Results<Ok<ResultsDto>, ForbidHttpResult>> ResultsAsync(
        string? period, Guid? organisationId, SatisfactionQuery query, CurrentUser user, CancellationToken ct)
    {
        if (user.LepId is not { } lepId)
        {
            return TypedResults.Forbid();
        }

        var overall = await query.SatisfactionAsync(lepId, period, organisationId, ct);
        return TypedResults.Ok(new ResultsDto(period, organisationId, overall, overall.Percent,
            await query.ByCommitmentAsync(lepId, period, organisationId, ct), await query.ByPeriodAndServiceAsync(lepId, ct)));
    }
}
