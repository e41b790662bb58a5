using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nolb.Web.Domain.ActionPlans;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ActionPlans;

/// <summary>
/// /api/v1/engagements/{id}/action-plan: the plan, and its goals and actions. Changing an action needs
/// If-Match with the ETag it was read with; a stale one answers 412 and changes nothing.
/// </summary>
public static class ActionPlanApi
{
    public sealed record ItemRequest(
        string? Goal, string? Action, ActionOwner? Owner, Guid? OrganisationId, DateOnly? DueDate, ActionStatus? Status, AssessmentDomain? Domain);

    public sealed record ReviewRequest(DateOnly? ReviewDate);

    public sealed record ItemDto(
        Guid Id, string Goal, string Action, ActionOwner Owner, Guid? OrganisationId, string? OrganisationName,
        DateOnly? DueDate, ActionStatus Status, DateOnly? ClosedOn, AssessmentDomain? Domain, bool Overdue, Guid Version);

    public sealed record PlanDto(Guid EngagementId, DateOnly? ReviewDate, bool ReviewDue, int OverdueActions, IReadOnlyList<ItemDto> Items);

    public static RouteGroupBuilder MapActionPlanApi(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/engagements/{id:guid}/action-plan").WithTags("Action plans");
        plan.MapGet("/", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("The person's plan: review date, and goals and actions with whether each is overdue.");
        plan.MapPut("/", SetReviewAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Set the plan's review date.");
        plan.MapPost("/items", AddAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Add a goal and action. The response's ETag is needed to change it later.");
        plan.MapPut("/items/{itemId:guid}", UpdateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Change a goal and action. Send If-Match with its ETag; 412 if someone else changed it since.");
        return api;
    }

    private static async Task<Results<Ok<PlanDto>, NotFound>> GetAsync(
        Guid id, EngagementCases cases, ActionPlanCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (await cases.ReadAsync(id, ActionPlanCommands.AuditedAs, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var plan = await commands.PlanAsync(id, ct);
        var items = plan?.Items.OrderBy(i => i.CreatedAt).Select(i => ToDto(i, today)).ToList() ?? [];
        return TypedResults.Ok(new PlanDto(id, plan?.ReviewDate, plan?.ReviewDue(today) ?? false, items.Count(i => i.Overdue), items));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem>> SetReviewAsync(
        Guid id, ReviewRequest request, ActionPlanCommands commands, CancellationToken ct)
    {
        var result = await commands.SetReviewDateAsync(id, request.ReviewDate, ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.NoContent(),
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Results<Created<ItemDto>, NotFound, ForbidHttpResult, ValidationProblem>> AddAsync(
        Guid id, ItemRequest request, ActionPlanCommands commands, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var result = await commands.AddItemAsync(id, Details(request), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            var item = result.Value!;
            http.Response.Headers.ETag = ETag(item.Version);
            return TypedResults.Created($"/api/v1/engagements/{id}/action-plan/items/{item.Id}", ToDto(item, Today(clock)));
        }

        return result.Outcome switch
        {
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Results<Ok<ItemDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, Guid itemId, ItemRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ActionPlanCommands commands, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(
                "Send an If-Match header with the action's ETag (from when you read it), so a change made by someone else since is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required");
        }

        var result = await commands.UpdateItemAsync(id, itemId, Details(request), ParseETag(ifMatch), ct);
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ETag(result.Value!.Version);
                return TypedResults.Ok(ToDto(result.Value, Today(clock)));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Forbidden:
                return TypedResults.Forbid();
            case PlanningOutcome.Conflict:
                return TypedResults.Problem(ActionPlanCommands.ConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The action has changed");
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    private static ActionPlanDetails Details(ItemRequest r) => new(r.Goal, r.Action, r.Owner, r.OrganisationId, r.DueDate, r.Status, r.Domain);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static ItemDto ToDto(ActionPlanItem i, DateOnly today) => new(
        i.Id, i.Goal, i.Action, i.Owner, i.OrganisationId, i.Organisation?.Name, i.DueDate, i.Status, i.ClosedOn, i.Domain, i.IsOverdue(today), i.Version);

    public static string ETag(Guid version) => $"\"{version}\"";

    /// <summary>The version in an If-Match value (<c>"…"</c> or <c>W/"…"</c>); null when it is not one of ours.</summary>
    public static Guid? ParseETag(string value)
    {
        var tag = value.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        return Guid.TryParse(tag.Trim('"'), out var version) ? version : null;
    }
}
