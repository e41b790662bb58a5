using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

public enum ActivityOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>What a case activity command did: a value, or why not (404, 403, field errors, or a newer version saved by someone else).</summary>
public sealed record ActivityResult<T>(ActivityOutcome Outcome, T? Value, IReadOnlyList<(string Field, string Message)> Errors)
{
    public ActivityResult<TOther> As<TOther>() => new(Outcome, default, Errors);
}

public static class Activity
{
    public static ActivityResult<T> Done<T>(T value) => new(ActivityOutcome.Done, value, []);

    public static ActivityResult<T> Fail<T>(ActivityOutcome outcome) => new(outcome, default, []);

    public static ActivityResult<T> Invalid<T>(IReadOnlyList<(string Field, string Message)> errors) => new(ActivityOutcome.Invalid, default, errors);

    public static ActivityResult<T> Invalid<T>(string field, string message) => new(ActivityOutcome.Invalid, default, [(field, message)]);
}

/// <summary>One engagement with its person, as the current user may see it.</summary>
public sealed record CaseView(Engagement Engagement, Participant Participant, bool CanEdit);

/// <summary>
/// The access rule for everything recorded on an engagement (interventions, notes, appointments), the same
/// rule as the person's record: another LEP's engagement or one the user may not see is 404, a user who may
/// only read gets 403 on a change, and each read is audited.
/// </summary>
public sealed class CaseActivityAccess(NolbDbContext db, CurrentUser currentUser, AuditLog audit)
{
    /// <summary>The case for reading, with the read audited under <paramref name="what"/>; null when it answers 404.</summary>
    public async Task<CaseView?> ReadAsync(Guid engagementId, string what, CancellationToken ct)
    {
        var view = await LoadAsync(engagementId, ct);
        if (view is not null)
        {
            await audit.ReadAsync(what, engagementId, view.Engagement.LepId, ct);
        }

        return view;
    }

    /// <summary>The case for a change: the outcome is NotFound or Forbidden when the user may not make it.</summary>
    public async Task<(CaseView? Case, ActivityOutcome Outcome)> EditAsync(Guid engagementId, CancellationToken ct)
    {
        var view = await LoadAsync(engagementId, ct);
        if (view is null)
        {
            return (null, ActivityOutcome.NotFound);
        }

        return view.CanEdit ? (view, ActivityOutcome.Done) : (null, ActivityOutcome.Forbidden);
    }

    private async Task<CaseView?> LoadAsync(Guid engagementId, CancellationToken ct)
    {
        var engagement = await db.Engagements
            .Include(e => e.Participant!).ThenInclude(p => p.Engagements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == engagementId, ct);
        if (engagement?.Participant is not { } participant || !currentUser.CanRead(participant))
        {
            return null;
        }

        return new CaseView(engagement, participant, currentUser.CanEdit(participant));
    }
}

/// <summary>Maps activity results and versions at the edges: pages (model state) and the API (problem details, ETags).</summary>
public static class ActivityResults
{
    public const string ConflictMessage = "Someone else changed this record after you opened it. Open it again to see their change, then make yours";

    /// <summary>404/403 as results; field errors and conflicts into model state (returning null so the page shows again).</summary>
    public static IActionResult? Handle<T>(this ActivityResult<T> result, ModelStateDictionary modelState)
    {
        switch (result.Outcome)
        {
            case ActivityOutcome.NotFound:
                return new NotFoundResult();
            case ActivityOutcome.Forbidden:
                return new ForbidResult();
            case ActivityOutcome.Conflict:
                modelState.AddModelError("", ConflictMessage);
                return null;
            case ActivityOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    modelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A failed result as an API answer: 404, 403, 400 validation problem, or 412 for a stale If-Match.</summary>
    public static IResult ToProblem<T>(this ActivityResult<T> result) => result.Outcome switch
    {
        ActivityOutcome.NotFound => TypedResults.NotFound(),
        ActivityOutcome.Forbidden => TypedResults.Forbid(),
        ActivityOutcome.Conflict => TypedResults.Problem(ConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The record has changed"),
        _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
    };

    public static string ETag(Guid version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names, or null when it is missing or not one of ours.</summary>
    public static Guid? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return Guid.TryParse(value.Trim('"'), out var version) ? version : null;
    }

    public static IResult PreconditionRequired() =>
        TypedResults.Problem("Send an If-Match header with the ETag you last read, so a newer change is not overwritten",
            statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required");
}
