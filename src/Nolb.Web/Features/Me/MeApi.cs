using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>
/// /api/v1/me/plan and /api/v1/me/data: the signed-in participant's own view and their own data. There is no id in
/// the route: the record is the one linked to the account, so a participant cannot ask for anyone else's.
/// </summary>
public static class MeApi
{
    public sealed record GoalRequest(string? Goal, string? Action, DateOnly? DueDate);

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Participant's own record").RequireAuthorization(Permissions.Participants.ReadOwnRecord);
        me.MapGet("/plan", GetPlanAsync)
            .WithSummary("The participant's own plan, upcoming appointments, referrals, outcomes and key worker. 404 when the account is not linked to a record.");
        me.MapPost("/plan/goals", AddGoalAsync)
            .WithSummary("Add a goal of the participant's own, with one thing they will do and an optional date.");
        me.MapPost("/plan/items/{itemId:guid}/done", MarkDoneAsync)
            .WithSummary("Mark one of the participant's own actions done. Send If-Match with the item's version; 412 if it changed since.");
        me.MapGet("/data", GetDataAsync)
            .WithSummary("Everything in the participant's own download, as JSON. Staff notes are not included.");
        return api;
    }

    private static async Task<Results<Ok<MyRecord.View>, NotFound>> GetPlanAsync(MyRecord me, CancellationToken ct) =>
        await me.ReadAsync(ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<MyRecord.PlanItem>, NotFound, ValidationProblem>> AddGoalAsync(
        GoalRequest request, OwnPlan plan, MyRecord me, CancellationToken ct)
    {
        var result = await plan.AddGoalAsync(request.Goal, request.Action, request.DueDate, ct);
        return result.Outcome switch
        {
            Assessments.PlanningOutcome.Done => TypedResults.Created("/api/v1/me/plan", ToItem(result.Value!, me.Today)),
            Assessments.PlanningOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Results<Ok<MyRecord.PlanItem>, NotFound, ProblemHttpResult>> MarkDoneAsync(
        Guid itemId, HttpContext http, OwnPlan plan, MyRecord me, CancellationToken ct)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim('"');
        var result = await plan.MarkDoneAsync(itemId, Guid.TryParse(ifMatch, out var version) ? version : null, ct);
        return result.Outcome switch
        {
            Assessments.PlanningOutcome.Done => TypedResults.Ok(ToItem(result.Value!, me.Today)),
            Assessments.PlanningOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(result.Errors[0].Message, statusCode: StatusCodes.Status412PreconditionFailed),
        };
    }

    private static async Task<Results<Ok<OwnDataExport.OwnData>, NotFound>> GetDataAsync(
        MyRecord me, OwnDataExport export, AuditLog audit, CancellationToken ct)
    {
        var person = await me.FindAsync(ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        await audit.ReadAsync(DataModel.AuditedAs, person.Id, person.LepId, ct);
        return TypedResults.Ok(await export.BuildAsync(person.Id, ct));
    }

    private static MyRecord.PlanItem ToItem(Domain.ActionPlans.ActionPlanItem i, DateOnly today) =>
        new(i.Id, i.Goal, i.Action, i.Owner, ActionPlans.PlanLabels.ForPerson(i), i.DueDate, i.Status, i.IsOverdue(today), i.Version);
}
