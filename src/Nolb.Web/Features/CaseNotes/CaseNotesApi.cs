using Nolb.Web.Domain.CaseNotes;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.CaseNotes;

public static class CaseNotesApi
{
    /// <summary>A note to write or a change to one. <c>correctsNoteId</c> makes a new note a correction of an earlier one.</summary>
    public sealed record CaseNoteRequest(DateOnly? Date, string? Text, NoteSensitivity? Sensitivity, Guid? CorrectsNoteId);

    public static RouteGroupBuilder MapCaseNotesApi(this RouteGroupBuilder api)
    {
        var notes = api.MapGroup("/engagements/{engagementId:guid}/notes");
        notes.MapGet("/", ListAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .Produces<List<CaseNoteView>>().WithSummary("The notes of an engagement the caller may read (sensitive ones only for the key worker, team leaders and the author).");
        notes.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .Produces<CaseNoteView>().WithSummary("One note, with its version as the ETag.");
        notes.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .Produces<CaseNoteView>(StatusCodes.Status201Created).WithSummary("Write a note, or a correction of an earlier one.");
        notes.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .Produces<CaseNoteView>().WithSummary("Change a note: its author only, within 24 hours. Send If-Match with the ETag you read.");
        return api;
    }

    private static async Task<IResult> ListAsync(Guid engagementId, CaseNoteCommands commands, CancellationToken ct)
    {
        var result = await commands.ListAsync(engagementId, ct);
        return result.Outcome == ActivityOutcome.Done ? TypedResults.Ok(result.Value) : result.ToProblem();
    }

    private static async Task<IResult> GetAsync(Guid engagementId, Guid id, CaseNoteCommands commands, HttpResponse response, CancellationToken ct)
    {
        var result = await commands.GetAsync(engagementId, id, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return result.ToProblem();
        }

        response.Headers.ETag = ActivityResults.ETag(result.Value!.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> CreateAsync(Guid engagementId, CaseNoteRequest request, CaseNoteCommands commands, HttpResponse response, CancellationToken ct)
    {
        var result = await commands.WriteAsync(engagementId, request.Date, request.Text, request.Sensitivity, request.CorrectsNoteId, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return result.ToProblem();
        }

        var view = (await commands.GetAsync(engagementId, result.Value!.Id, ct)).Value!;
        response.Headers.ETag = ActivityResults.ETag(view.Version);
        return TypedResults.Created($"/api/v1/engagements/{engagementId}/notes/{view.Id}", view);
    }

    private static async Task<IResult> UpdateAsync(
        Guid engagementId, Guid id, CaseNoteRequest request, CaseNoteCommands commands, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        if (ActivityResults.IfMatch(http) is not { } version)
        {
            return ActivityResults.PreconditionRequired();
        }

        var result = await commands.EditAsync(engagementId, id, request.Date, request.Text, request.Sensitivity, version, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return result.ToProblem();
        }

        var view = (await commands.GetAsync(engagementId, id, ct)).Value!;
        response.Headers.ETag = ActivityResults.ETag(view.Version);
        return TypedResults.Ok(view);
    }
}
