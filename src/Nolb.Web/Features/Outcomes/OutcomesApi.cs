using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Outcomes;

/// <summary>
/// /api/v1/engagements/{id}/outcomes, aftercare and /api/v1/sustainment: the same rules as the pages. Reading an
/// engagement's outcomes is audited; recording a sustainment check needs If-Match with the check's version.
/// </summary>
public static class OutcomesApi
{
    /// <summary><c>moveToStage5</c> (default true) moves an open engagement to stage 5 for a job or self-employment.</summary>
    public sealed record OutcomeRequest(
        OutcomeKind? Kind, DateOnly? StartDate, Guid? EmployerId, string? OrganisationName, string? JobTitle, string? SocCode,
        decimal? HoursPerWeek, decimal? HourlyPay, ContractType? Contract, int? ContractMonths, string? Description, DateOnly? AftercareEndsOn,
        bool? MoveToStage5);

    public sealed record CheckRequest(SustainmentResult? Result, SustainmentEvidence? Evidence, DateOnly? CheckedOn, string? Notes);

    public sealed record AftercareRequest(DateOnly? Date, ContactMethod? Method, IReadOnlyList<AftercareIssue>? Issues, string? Notes, string? Actions);

    public sealed record CheckDto(
        Guid Id, int Weeks, DateOnly DueDate, bool Overdue, bool NotNeeded, SustainmentResult? Result, SustainmentEvidence? Evidence,
        DateOnly? CheckedOn, string? Notes, Guid Version);

    public sealed record OutcomeDto(
        Guid Id, OutcomeKind Kind, DateOnly StartDate, Guid? EmployerId, string? EmployerName, string? JobTitle, string? SocCode,
        string? Occupation, decimal? HoursPerWeek, decimal? HourlyPay, ContractType? Contract, int? ContractMonths, string? Description,
        DateOnly? AftercareEndsOn, IReadOnlyList<CheckDto> SustainmentChecks, Guid Version);

    public sealed record RecordedDto(OutcomeDto Outcome, bool MovedToStage5, string? StageMoveProblem);

    public sealed record AftercareDto(Guid Id, DateOnly Date, ContactMethod Method, IReadOnlyList<AftercareIssue> Issues, string? Notes, string? Actions);

    public sealed record EngagementOutcomesDto(Guid EngagementId, IReadOnlyList<OutcomeDto> Outcomes, IReadOnlyList<AftercareDto> Aftercare);

    public static RouteGroupBuilder MapOutcomesApi(this RouteGroupBuilder api)
    {
        var outcomes = api.MapGroup("/engagements/{id:guid}").WithTags("Outcomes");
        outcomes.MapGet("/outcomes", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("The engagement's outcomes with their sustainment checks (13, 26 and 52 weeks), and aftercare contacts (audited).");
        outcomes.MapPost("/outcomes", RecordAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Record a job entry, self-employment, education, training or volunteering. A job moves the person to stage 5 unless moveToStage5 is false.");
        outcomes.MapPost("/aftercare", AftercareAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Record an in-work support contact: the issues raised, notes and actions.");

        api.MapPut("/outcomes/{outcomeId:guid}", ChangeAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload).WithTags("Outcomes")
            .WithSummary("Correct an outcome (its kind stays). Send If-Match with the outcome's version; 412 if it was changed meanwhile. A new start date moves the sustainment checks unless one is recorded.");

        var sustainment = api.MapGroup("/sustainment").WithTags("Outcomes");
        sustainment.MapGet("/due", DueAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("Sustainment checks due in the next 4 weeks or overdue: scope=mine (default) or scope=lep (team leaders and key workers), optionally keyWorkerId.");
        sustainment.MapPut("/checks/{checkId:guid}", RecordCheckAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Record a sustainment check. Send If-Match with the check's version; 412 if it was recorded meanwhile.");
        return api;
    }

    private static async Task<Results<Ok<EngagementOutcomesDto>, NotFound>> GetAsync(
        Guid id, EngagementCases cases, OutcomeCommands commands, OccupationCatalogue occupations, TimeProvider clock, CancellationToken ct)
    {
        if (await cases.ReadAsync(id, OutcomeCommands.AuditedAs, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var outcomes = await commands.OutcomesAsync(id, ct);
        var aftercare = await commands.AftercareAsync(id, ct);
        return TypedResults.Ok(new EngagementOutcomesDto(
            id, outcomes.Select(o => ToDto(o, occupations, today)).ToList(), aftercare.Select(a => new AftercareDto(a.Id, a.Date, a.Method, a.Issues, a.Notes, a.Actions)).ToList()));
    }

    private static async Task<Results<Created<RecordedDto>, NotFound, ForbidHttpResult, ValidationProblem>> RecordAsync(
        Guid id, OutcomeRequest r, OutcomeCommands commands, OccupationCatalogue occupations, TimeProvider clock, CancellationToken ct)
    {
        var details = new OutcomeDetails(r.Kind, r.StartDate, r.EmployerId, r.OrganisationName, r.JobTitle, r.SocCode, r.HoursPerWeek, r.HourlyPay, r.Contract, r.ContractMonths, r.Description, r.AftercareEndsOn);
        var result = await commands.RecordAsync(id, details, r.MoveToStage5 ?? true, ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.Created(
                $"/api/v1/engagements/{id}/outcomes",
                new RecordedDto(ToDto(result.Value!.Outcome, occupations, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)), result.Value.MovedToStage5, result.Value.StageMoveProblem)),
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Results<Created<AftercareDto>, NotFound, ForbidHttpResult, ValidationProblem>> AftercareAsync(
        Guid id, AftercareRequest r, OutcomeCommands commands, CancellationToken ct)
    {
        var result = await commands.AddAftercareAsync(id, new(r.Date, r.Method, r.Issues ?? [], r.Notes, r.Actions), ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.Created(
                $"/api/v1/engagements/{id}/outcomes",
                new AftercareDto(result.Value!.Id, result.Value.Date, result.Value.Method, result.Value.Issues, result.Value.Notes, result.Value.Actions)),
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<SustainmentDue.DueCheck>>, ValidationProblem>> DueAsync(
        SustainmentDue due, string? scope, Guid? keyWorkerId, CancellationToken ct)
    {
        if (scope is not (null or "mine" or "lep"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = ["scope is 'mine' or 'lep'"] });
        }

        return TypedResults.Ok(await due.ListAsync(scope == "lep", keyWorkerId, ct));
    }

    private static async Task<Results<Ok<CheckDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RecordCheckAsync(
        Guid checkId, CheckRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, OutcomeCommands commands, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(
                "Send an If-Match header with the check's version (from GET .../outcomes), so a check recorded by someone else meanwhile is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required");
        }

        var result = await commands.RecordCheckAsync(checkId, r.Result, r.Evidence, r.CheckedOn, r.Notes, ActionPlanApi.ParseETag(ifMatch), ct);
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
                return TypedResults.Ok(ToDto(result.Value, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Forbidden:
                return TypedResults.Forbid();
            case PlanningOutcome.Conflict:
                return TypedResults.Problem(OutcomeCommands.ConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The check has changed");
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    private static async Task<Results<Ok<OutcomeDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid outcomeId, OutcomeRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, OutcomeCommands commands, OccupationCatalogue occupations, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(
                "Send an If-Match header with the outcome's version (from GET .../outcomes), so a change made by someone else meanwhile is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required");
        }

        var details = new OutcomeDetails(null, r.StartDate, r.EmployerId, r.OrganisationName, r.JobTitle, r.SocCode, r.HoursPerWeek, r.HourlyPay, r.Contract, r.ContractMonths, r.Description, r.AftercareEndsOn);
        var result = await commands.ChangeAsync(outcomeId, details, ActionPlanApi.ParseETag(ifMatch), ct);
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
                return TypedResults.Ok(ToDto(result.Value, occupations, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Forbidden:
                return TypedResults.Forbid();
            case PlanningOutcome.Conflict:
                return TypedResults.Problem(OutcomeCommands.OutcomeConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The outcome has changed");
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    public static CheckDto ToDto(SustainmentCheck c, DateOnly today) =>
        new(c.Id, (int)c.Point, c.DueDate, c.IsOverdueOn(today), c.NotNeeded, c.Result, c.Evidence, c.CheckedOn, c.Notes, c.Version);

    public static OutcomeDto ToDto(Outcome o, OccupationCatalogue occupations, DateOnly today) => new(
        o.Id, o.Kind, o.StartDate, o.EmployerId, o.Employer?.Name ?? o.OrganisationName, o.JobTitle, o.SocCode, o.SocCode is null ? null : occupations.TitleOf(o.SocCode),
        o.HoursPerWeek, o.HourlyPay, o.Contract, o.ContractMonths, o.Description, o.AftercareEndsOn,
        o.Checks.OrderBy(c => c.Point).Select(c => ToDto(c, today)).ToList(), o.Version);
}
