using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Features.Me;
using Nolb.Web.Security;
using Entry = Nolb.Web.Domain.Voice.YouSaidWeDid;

namespace Nolb.Web.Features.YouSaidWeDid;

/// <summary>
/// /api/v1/you-said-we-did: staff who manage their LEP's feedback list, record and change its "You said, we did" entries
/// (changes need If-Match with the ETag). /api/v1/me/you-said-we-did: a participant reads their LEP's entries.
/// </summary>
public static class YouSaidWeDidApi
{
    public sealed record EntryRequest(string? YouSaid, string? WeDid, DateOnly? ChangedOn, List<string>? Themes)
    {
        public YouSaidWeDidCommands.Details ToDetails() => new(YouSaid, WeDid, ChangedOn, Themes);
    }

    public sealed record EntryDto(Guid Id, string YouSaid, string WeDid, DateOnly ChangedOn, IReadOnlyList<string> Themes, DateTime RecordedAt, Guid Version);

    public static RouteGroupBuilder MapYouSaidWeDidApi(this RouteGroupBuilder api)
    {
        var entries = api.MapGroup("/you-said-we-did").WithTags("You said, we did").RequireAuthorization(Permissions.Feedback.Manage);
        entries.MapGet("/", ListAsync).WithSummary("Your LEP's \"You said, we did\" entries, newest change first.");
        entries.MapGet("/{id:guid}", GetAsync).WithSummary("One entry, with its ETag.");
        entries.MapPost("/", CreateAsync)
            .WithSummary("Record a change made because of feedback: youSaid, weDid, changedOn and the feedback themes (as tagged on comments) it answers.");
        entries.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change an entry (If-Match with its ETag; 412 if someone else changed it since).");
        api.MapGet("/me/you-said-we-did", ForMeAsync).WithTags("Participant's own record").RequireAuthorization(Permissions.Participants.ReadOwnRecord)
            .WithSummary("The changes the participant's LEP made because of what people said, newest first.");
        return api;
    }

    private static async Task<Ok<List<EntryDto>>> ListAsync(YouSaidWeDidCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.Entries.AsNoTracking().ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<EntryDto>, NotFound>> GetAsync(Guid id, YouSaidWeDidCommands commands, HttpContext http, CancellationToken ct)
    {
        var entry = await commands.Entries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(entry.Version);
        return TypedResults.Ok(ToDto(entry));
    }

    private static async Task<Results<Created<EntryDto>, ForbidHttpResult, ValidationProblem>> CreateAsync(
        EntryRequest request, YouSaidWeDidCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.CreateAsync(request.ToDetails(), ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Created($"/api/v1/you-said-we-did/{result.Value.Id}", ToDto(result.Value));
    }

    private static async Task<Results<Ok<EntryDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, EntryRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, YouSaidWeDidCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return EmployersApi.IfMatchRequired();
        }

        var result = await commands.UpdateAsync(id, request.ToDetails(), ActionPlanApi.ParseETag(ifMatch), ct);
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
                return TypedResults.Ok(ToDto(result.Value));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Conflict:
                return TypedResults.Problem(YouSaidWeDidCommands.Conflict, statusCode: StatusCodes.Status412PreconditionFailed, title: "The entry has changed");
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<YouSaidWeDidCommands.ChangeForPeople>>, NotFound>> ForMeAsync(
        MyRecord me, YouSaidWeDidCommands commands, CancellationToken ct) =>
        await me.FindAsync(ct) is { } person ? TypedResults.Ok(await commands.ForPeopleAsync(person.LepId, ct)) : TypedResults.NotFound();

    private static EntryDto ToDto(Entry e) => new(e.Id, e.YouSaid, e.WeDid, e.ChangedOn, e.Themes, e.RecordedAt, e.Version);
}
