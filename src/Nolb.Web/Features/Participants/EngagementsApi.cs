using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// Periods of support and their moves along the five-stage pipeline. Stages are numbers 1–5 in requests
/// and answers; moves may go forward, back or skip, and every one is kept in <c>stageHistory</c>.
/// </summary>
public static class EngagementsApi
{
    public sealed record StartEngagementRequest(DateOnly? StartDate, ReferralSource? ReferralSource, IReadOnlyList<FundingStream>? FundingStreams, Guid? KeyWorkerId);

    public sealed record MoveStageRequest(int? Stage, DateOnly? Date, string? Reason);

    public sealed record CloseEngagementRequest(DateOnly? Date, LeavingReason? Reason);

    public sealed record ReassignRequest(Guid? ToKeyWorkerId, string? Reason);

    public sealed record EngagementDto(
        Guid Id,
        Guid ParticipantId,
        DateOnly StartDate,
        ReferralSource ReferralSource,
        IReadOnlyList<FundingStream> FundingStreams,
        Guid? KeyWorkerId,
        int CurrentStage,
        DateOnly? LeftOn,
        LeavingReason? LeavingReason,
        IReadOnlyList<StageHistoryEntry> StageHistory,
        IReadOnlyList<AssignmentDto> Assignments);

    /// <summary>One move: <c>recordedBy</c> is the user's id, <c>recordedByName</c> their display name.</summary>
    public sealed record StageHistoryEntry(int Stage, DateOnly Date, string Reason, Guid RecordedBy, string? RecordedByName, DateTime RecordedAt);

    public sealed record AssignmentDto(Guid? FromKeyWorkerId, Guid? ToKeyWorkerId, string? Reason, Guid RecordedBy, DateTime RecordedAt);

    public sealed record StageMoveDto(Guid EngagementId, int CurrentStage, StageHistoryEntry Move);

    public sealed record ClosedDto(Guid Id, DateOnly LeftOn, LeavingReason LeavingReason);

    public static RouteGroupBuilder MapEngagementsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/participants/{id:guid}/engagements", StartAsync).WithTags("Engagements")
            .RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Start a period of support at stage 1. A person never has two open engagements.");

        var engagements = api.MapGroup("/engagements").WithTags("Engagements");
        engagements.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("One engagement with its current stage (1–5) and full stage history in date order (audited).");
        engagements.MapPost("/{id:guid}/stage", MoveStageAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Move to any stage 1–5 (forward, back or skipping) on a date from the start to today, with a reason.");
        engagements.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Close the engagement: the leaving date and why.");
        engagements.MapPost("/{id:guid}/reassign", ReassignAsync).RequireAuthorization(Permissions.Participants.Reassign)
            .WithSummary("Hand the case to another key worker in the LEP (team leaders); kept in the history.");
        return api;
    }

    private static async Task<Results<Created<EngagementDto>, NotFound, ForbidHttpResult, ValidationProblem>> StartAsync(
        Guid id, StartEngagementRequest request, CaseCommands commands, NolbDbContext db, CancellationToken ct)
    {
        var result = await commands.StartEngagementAsync(id, request.StartDate, request.ReferralSource, request.FundingStreams ?? [], request.KeyWorkerId, ct);
        return result.Outcome switch
        {
            CaseCommands.Outcome.Done => TypedResults.Created(
                $"/api/v1/engagements/{result.Value!.Id}", ToDto(result.Value, await NamesAsync(db, result.Value, ct))),
            CaseCommands.Outcome.Invalid => result.ToValidationProblem(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<EngagementDto>, NotFound>> GetAsync(
        Guid id, ParticipantRecords records, NolbDbContext db, AuditLog audit, CancellationToken ct)
    {
        var participantId = await db.Engagements.Where(e => e.Id == id).Select(e => (Guid?)e.ParticipantId).SingleOrDefaultAsync(ct);
        var (participant, _) = participantId is { } pid ? await records.ForEditAsync(pid, ct) : (null, false);
        if (participant is null)
        {
            return TypedResults.NotFound();
        }

        var engagement = participant.Engagements.Single(e => e.Id == id);
        await audit.ReadAsync(nameof(Engagement), engagement.Id, participant.LepId, ct);
        return TypedResults.Ok(ToDto(engagement, await NamesAsync(db, engagement, ct)));
    }

    private static async Task<Results<Ok<StageMoveDto>, NotFound, ForbidHttpResult, ValidationProblem>> MoveStageAsync(
        Guid id, MoveStageRequest request, CaseCommands commands, CurrentUser currentUser, NolbDbContext db, CancellationToken ct)
    {
        var result = await commands.MoveStageAsync(id, request.Stage, request.Date, request.Reason, ct);
        if (result.Outcome != CaseCommands.Outcome.Done)
        {
            return result.Outcome switch
            {
                CaseCommands.Outcome.Invalid => result.ToValidationProblem(),
                CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
                _ => TypedResults.NotFound(),
            };
        }

        var move = result.Value!;
        var currentStage = await db.Engagements.Where(e => e.Id == id).Select(e => e.CurrentStage).SingleAsync(ct);
        return TypedResults.Ok(new StageMoveDto(id, (int)currentStage, ToEntry(move, currentUser.DisplayName)));
    }

    private static async Task<Results<Ok<ClosedDto>, NotFound, ForbidHttpResult, ValidationProblem>> CloseAsync(
        Guid id, CloseEngagementRequest request, CaseCommands commands, CancellationToken ct)
    {
        var result = await commands.CloseEngagementAsync(id, request.Date, request.Reason, ct);
        return result.Outcome switch
        {
            CaseCommands.Outcome.Done => TypedResults.Ok(new ClosedDto(id, result.Value!.LeftOn!.Value, result.Value.LeavingReason!.Value)),
            CaseCommands.Outcome.Invalid => result.ToValidationProblem(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<AssignmentDto>, NotFound, ForbidHttpResult, ValidationProblem>> ReassignAsync(
        Guid id, ReassignRequest request, CaseCommands commands, CancellationToken ct)
    {
        var result = await commands.ReassignAsync(id, request.ToKeyWorkerId, request.Reason, ct);
        return result.Outcome switch
        {
            CaseCommands.Outcome.Done => TypedResults.Ok(ToDto(result.Value!)),
            CaseCommands.Outcome.Invalid => result.ToValidationProblem(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(NolbDbContext db, Engagement engagement, CancellationToken ct)
    {
        var ids = engagement.StageMoves.Select(m => m.RecordedByUserId).Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static EngagementDto ToDto(Engagement e, IReadOnlyDictionary<Guid, string> names) => new(
        e.Id,
        e.ParticipantId,
        e.StartDate,
        e.ReferralSource,
        e.FundingStreams,
        e.KeyWorkerId,
        (int)e.CurrentStage,
        e.LeftOn,
        e.LeavingReason,
        e.StageMoves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt)
            .Select(m => ToEntry(m, names.GetValueOrDefault(m.RecordedByUserId))).ToList(),
        e.Assignments.OrderBy(a => a.RecordedAt).Select(ToDto).ToList());

    private static StageHistoryEntry ToEntry(StageMove m, string? recordedByName) =>
        new((int)m.Stage, m.Date, m.Reason, m.RecordedByUserId, recordedByName, m.RecordedAt);

    private static AssignmentDto ToDto(CaseAssignment a) => new(a.FromKeyWorkerId, a.ToKeyWorkerId, a.Reason, a.RecordedByUserId, a.RecordedAt);
}
