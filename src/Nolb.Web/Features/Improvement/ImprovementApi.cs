using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// /api/v1/standards (the four Service Standards with their expectations), /api/v1/standards/assessments (Service Standards
/// self-assessments), /api/v1/improvement/self-assessments (the LEP's self-assessment against the LEP framework themes) and
/// /api/v1/improvement/actions (the improvement action plan). Every change needs If-Match with the ETag; 412 when stale.
/// </summary>
public static class ImprovementApi
{
    public sealed record StartRequest(int? FinancialYear);

    public sealed record RatingDto(string Code, int? Score, string? Evidence);

    public sealed record RatingsRequest(List<RatingDto>? Ratings);

    public sealed record ReviewRequest(bool? Accept, string? Comment);

    public sealed record AssessmentDto(
        Guid Id, AssessmentFramework Framework, Guid? OrganisationId, int FinancialYear, string YearLabel, SelfAssessmentStatus Status,
        IReadOnlyList<RatingDto> Ratings, string? ReviewComment, DateTime? SubmittedAt, DateTime? ReviewedAt, Guid Version);

    public sealed record ActionRequest(
        string? Action, string? Owner, DateOnly? DueDate, ImprovementStatus? Status, string? Progress,
        List<string>? FeedbackThemes, List<string>? IndicatorCodes, List<string>? StandardCodes)
    {
        public ImprovementActionCommands.Details ToDetails() => new(Action, Owner, DueDate, Status, Progress, FeedbackThemes, IndicatorCodes, StandardCodes);
    }

    public sealed record ActionDto(
        Guid Id, string Action, string Owner, DateOnly DueDate, ImprovementStatus Status, bool Overdue, string? Progress,
        IReadOnlyList<string> FeedbackThemes, IReadOnlyList<string> IndicatorCodes, IReadOnlyList<string> StandardCodes, Guid Version);

    public static RouteGroupBuilder MapImprovementApi(this RouteGroupBuilder api)
    {
        api.MapGet("/standards", () => TypedResults.Ok(AssessmentFrameworks.ServiceStandards)).WithTags("Service Standards")
            .WithSummary("The four Employability Service Standards with their expectations and the source (the expectations are marked as a paraphrase).");
        MapAssessments(api.MapGroup("/standards/assessments").WithTags("Service Standards").RequireAuthorization(Permissions.Improvement.SelfAssessStandards),
            AssessmentFramework.ServiceStandards, "Service Standards");
        MapAssessments(api.MapGroup("/improvement/self-assessments").WithTags("Improvement").RequireAuthorization(Permissions.Improvement.Manage),
            AssessmentFramework.LepFramework, "LEP framework");

        var actions = api.MapGroup("/improvement/actions").WithTags("Improvement").RequireAuthorization(Permissions.Improvement.Manage);
        actions.MapGet("/", ListActionsAsync).WithSummary("Your LEP's improvement actions, soonest due first, with overdue ones flagged.");
        actions.MapGet("/{id:guid}", GetActionAsync).WithSummary("One improvement action, with its ETag.");
        actions.MapPost("/", CreateActionAsync)
            .WithSummary("Add an action: action, owner, dueDate, status and linked evidence (feedbackThemes, indicatorCodes, standardCodes).");
        actions.MapPut("/{id:guid}", UpdateActionAsync).WithSummary("Change an action (If-Match).");
        return api;
    }

    private static void MapAssessments(RouteGroupBuilder group, AssessmentFramework framework, string name)
    {
        group.MapGet("/", (SelfAssessmentCommands c, CancellationToken ct) => ListAsync(c, framework, ct))
            .WithSummary($"The {name} self-assessments you may see: your organisation's (partner workers) or your LEP's (LEP managers).");
        group.MapGet("/{id:guid}", (Guid id, SelfAssessmentCommands c, HttpContext http, CancellationToken ct) => GetAsync(id, c, framework, http, ct))
            .WithSummary("One self-assessment with its ETag.");
        group.MapPost("/", (StartRequest r, SelfAssessmentCommands c, HttpContext http, CancellationToken ct) => StartAsync(r, c, framework, http, ct))
            .WithSummary($"Start a {name} self-assessment for a financialYear (the year it starts in April); one per organisation (or the LEP) and year.");
        group.MapPut("/{id:guid}", (Guid id, RatingsRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, SelfAssessmentCommands c, HttpContext http, CancellationToken ct) =>
                ChangeAsync(ifMatch, http, framework, v => c.RateAsync(id, Ratings(r.Ratings), v, ct), c, id, ct))
            .WithSummary("Save ratings (1 to 4) and evidence for each standard or theme by code, while a draft or returned (If-Match).");
        group.MapPost("/{id:guid}/submit", (Guid id, RatingsRequest? r, [FromHeader(Name = "If-Match")] string? ifMatch, SelfAssessmentCommands c, HttpContext http, CancellationToken ct) =>
                ChangeAsync(ifMatch, http, framework, v => c.SubmitAsync(id, r?.Ratings is null ? null : Ratings(r.Ratings), v, ct), c, id, ct))
            .WithSummary("Submit for the LEP manager's review: every standard or theme needs a rating and evidence (If-Match).");
        group.MapPost("/{id:guid}/review", (Guid id, ReviewRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, SelfAssessmentCommands c, HttpContext http, CancellationToken ct) =>
                ChangeAsync(ifMatch, http, framework, v => c.ReviewAsync(id, r.Accept, r.Comment, v, ct), c, id, ct))
            .WithSummary("LEP managers: accept a submitted self-assessment, or return it with a comment (If-Match).");
    }

    private static List<SelfAssessmentRating> Ratings(List<RatingDto>? ratings) =>
        (ratings ?? []).Select(r => new SelfAssessmentRating { Code = r.Code ?? "", Score = r.Score, Evidence = r.Evidence }).ToList();

    private static async Task<Ok<List<AssessmentDto>>> ListAsync(SelfAssessmentCommands commands, AssessmentFramework framework, CancellationToken ct) =>
        TypedResults.Ok((await commands.Visible.AsNoTracking().Where(a => a.Framework == framework).ToListAsync(ct))
            .OrderByDescending(a => a.FinancialYear).ThenBy(a => a.OrganisationId).Select(ToDto).ToList());

    private static async Task<Results<Ok<AssessmentDto>, NotFound>> GetAsync(
        Guid id, SelfAssessmentCommands commands, AssessmentFramework framework, HttpContext http, CancellationToken ct)
    {
        var assessment = await commands.Visible.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Framework == framework, ct);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(assessment.Version);
        return TypedResults.Ok(ToDto(assessment));
    }

    private static async Task<Results<Created<AssessmentDto>, ForbidHttpResult, ValidationProblem>> StartAsync(
        StartRequest request, SelfAssessmentCommands commands, AssessmentFramework framework, HttpContext http, CancellationToken ct)
    {
        var result = await commands.StartAsync(framework, request.FinancialYear, ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Created($"{http.Request.Path.Value?.TrimEnd('/')}/{result.Value.Id}", ToDto(result.Value));
    }

    private static async Task<Results<Ok<AssessmentDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string? ifMatch, HttpContext http, AssessmentFramework framework, Func<Guid?, Task<PlanningResult<SelfAssessment>>> change,
        SelfAssessmentCommands commands, Guid id, CancellationToken ct)
    {
        if (!await commands.Visible.AnyAsync(a => a.Id == id && a.Framework == framework, ct))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return EmployersApi.IfMatchRequired();
        }

        var result = await change(ActionPlanApi.ParseETag(ifMatch));
        if (result.Outcome == PlanningOutcome.Done)
        {
            http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
            return TypedResults.Ok(ToDto(result.Value));
        }

        return Failed<AssessmentDto, SelfAssessment>(result, "The self-assessment has changed", SelfAssessmentCommands.Conflict);
    }

    private static async Task<Ok<List<ActionDto>>> ListActionsAsync(ImprovementActionCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.Actions.AsNoTracking().ToListAsync(ct)).Select(a => ToDto(a, commands.Today)).ToList());

    private static async Task<Results<Ok<ActionDto>, NotFound>> GetActionAsync(Guid id, ImprovementActionCommands commands, HttpContext http, CancellationToken ct)
    {
        var action = await commands.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(action.Version);
        return TypedResults.Ok(ToDto(action, commands.Today));
    }

    private static async Task<Results<Created<ActionDto>, ForbidHttpResult, ValidationProblem>> CreateActionAsync(
        ActionRequest request, ImprovementActionCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.CreateAsync(request.ToDetails(), ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Created($"/api/v1/improvement/actions/{result.Value.Id}", ToDto(result.Value, commands.Today));
    }

    private static async Task<Results<Ok<ActionDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateActionAsync(
        Guid id, ActionRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ImprovementActionCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return EmployersApi.IfMatchRequired();
        }

        var result = await commands.UpdateAsync(id, request.ToDetails(), ActionPlanApi.ParseETag(ifMatch), ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return Failed<ActionDto, ImprovementAction>(result, "The action has changed", ImprovementActionCommands.Conflict);
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Ok(ToDto(result.Value, commands.Today));
    }

    private static Results<Ok<T>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Failed<T, TValue>(PlanningResult<TValue> result, string title, string conflict) =>
        result.Outcome switch
        {
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            PlanningOutcome.Conflict => TypedResults.Problem(conflict, statusCode: StatusCodes.Status412PreconditionFailed, title: title),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };

    public static AssessmentDto ToDto(SelfAssessment a) => new(
        a.Id, a.Framework, a.OrganisationId, a.FinancialYear, new Domain.Commissioning.FinancialYear(a.FinancialYear).Label, a.Status,
        a.Ratings.Select(r => new RatingDto(r.Code, r.Score, r.Evidence)).ToList(), a.ReviewComment, a.SubmittedAt, a.ReviewedAt, a.Version);

    public static ActionDto ToDto(ImprovementAction a, DateOnly today) => new(
        a.Id, a.Action, a.Owner, a.DueDate, a.Status, a.IsOverdue(today), a.Progress, a.FeedbackThemes, a.IndicatorCodes, a.StandardCodes, a.Version);
}
