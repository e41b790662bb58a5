using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Domain.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Assessments;

/// <summary>
/// /api/v1/engagements/{id}/assessments: list and record needs assessments. Another LEP's engagement
/// answers 404; a user who may read the case but not change it gets 403 on POST. Every list is audited.
/// </summary>
public static class AssessmentsApi
{
    /// <summary>Scores by domain name (e.g. "Housing"): 1 to 5, or null/absent for not discussed.</summary>
    public sealed record AssessmentRequest(DateOnly? AssessedOn, Dictionary<string, int?>? Scores, string? Strengths, string? Aspirations);

    public sealed record AssessmentDto(
        Guid Id, Guid EngagementId, DateOnly AssessedOn, IReadOnlyDictionary<string, int> Scores,
        string? Strengths, string? Aspirations, Guid AssessedByUserId, DateTime RecordedAt);

    public sealed record DomainChangeDto(string Domain, int? First, int? Latest, int? Change);

    public sealed record AssessmentsDto(IReadOnlyList<AssessmentDto> Assessments, IReadOnlyList<DomainChangeDto> DistanceTravelled);

    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/engagements/{id:guid}/assessments").WithTags("Needs assessments");
        assessments.MapGet("/", ListAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("The engagement's needs assessments, oldest first, and each domain's change from the first to the latest.");
        assessments.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Record a needs assessment: scores 1–5 by domain name (omit or null for not discussed), strengths and aspirations in the person's words.");
        return api;
    }

    private static async Task<Results<Ok<AssessmentsDto>, NotFound>> ListAsync(
        Guid id, EngagementCases cases, AssessmentCommands commands, CancellationToken ct)
    {
        if (await cases.ReadAsync(id, AssessmentCommands.AuditedAs, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var list = await commands.ListAsync(id, ct);
        var progress = DistanceTravelled.Calculate(list.Select(a => a.ToSnapshot()));
        return TypedResults.Ok(new AssessmentsDto(
            list.Select(ToDto).ToList(),
            progress.Scored.Select(d => new DomainChangeDto(d.Domain.ToString(), d.First, d.Latest, d.Change)).ToList()));
    }

    private static async Task<Results<Created<AssessmentDto>, NotFound, ForbidHttpResult, ValidationProblem>> CreateAsync(
        Guid id, AssessmentRequest request, AssessmentCommands commands, CancellationToken ct)
    {
        var scores = new Dictionary<AssessmentDomain, int?>();
        var errors = new List<(string Field, string Message)>();
        foreach (var (name, score) in request.Scores ?? [])
        {
            if (Enum.TryParse<AssessmentDomain>(name, ignoreCase: true, out var domain) && Enum.IsDefined(domain) && !int.TryParse(name, out _))
            {
                scores[domain] = score;
            }
            else
            {
                errors.Add(($"scores.{name}", $"There is no domain called '{name}'. Use one of: {string.Join(", ", Enum.GetNames<AssessmentDomain>())}"));
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToProblemErrors());
        }

        var result = await commands.CreateAsync(id, new AssessmentInput(request.AssessedOn, scores, request.Strengths, request.Aspirations), ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.Created($"/api/v1/engagements/{id}/assessments", ToDto(result.Value!)),
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static AssessmentDto ToDto(NeedsAssessment a) => new(
        a.Id, a.EngagementId, a.AssessedOn, a.Scores.OrderBy(s => s.Domain).ToDictionary(s => s.Domain.ToString(), s => s.Score),
        a.Strengths, a.Aspirations, a.AssessedByUserId, a.RecordedAt);
}
