using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Assessments;

/// <summary>What a planning command came to: done, or why not (404, 403, invalid input, someone else's newer change).</summary>
public enum PlanningOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

public sealed record PlanningResult<T>(PlanningOutcome Outcome, T? Value, IReadOnlyList<(string Field, string Message)> Errors);

public static class PlanningResult
{
    public static PlanningResult<T> Done<T>(T value) => new(PlanningOutcome.Done, value, []);

    public static PlanningResult<T> NotFound<T>() => new(PlanningOutcome.NotFound, default, []);

    public static PlanningResult<T> Forbidden<T>() => new(PlanningOutcome.Forbidden, default, []);

    public static PlanningResult<T> Invalid<T>(IReadOnlyList<(string Field, string Message)> errors) => new(PlanningOutcome.Invalid, default, errors);

    public static PlanningResult<T> Invalid<T>(string field, string message) => new(PlanningOutcome.Invalid, default, [(field, message)]);

    public static PlanningResult<T> Conflict<T>(string message) => new(PlanningOutcome.Conflict, default, [("", message)]);
}

/// <summary>
/// One engagement with the person it belongs to, for the needs assessment and action plan pages and API.
/// The access rule is the participant record's (<see cref="ParticipantAccess"/>): another LEP's engagement
/// is not found (404); a user who may read but not change the case gets <see cref="Case.CanEdit"/> false (403 on a change).
/// </summary>
public sealed class EngagementCases(NolbDbContext db, CurrentUser currentUser, AuditLog audit)
{
    public sealed record Case(Engagement Engagement, Participant Participant, bool CanEdit)
    {
        public (Guid Id, string Name, string Reference, string Title) Heading(string title) =>
            (Participant.Id, Participant.DisplayName, Participant.Reference, title);
    }

    /// <summary>The engagement if the user may see it, without auditing (for changes, which the interceptor audits).</summary>
    public async Task<Case?> FindAsync(Guid engagementId, CancellationToken ct)
    {
        var participantId = await db.Engagements.Where(e => e.Id == engagementId).Select(e => (Guid?)e.ParticipantId).SingleOrDefaultAsync(ct);
        if (participantId is null)
        {
            return null;
        }

        var participant = await db.Participants.Include(p => p.Engagements).SingleAsync(p => p.Id == participantId, ct);
        if (!currentUser.CanRead(participant))
        {
            return null;
        }

        return new Case(participant.Engagements.Single(e => e.Id == engagementId), participant, currentUser.CanEdit(participant));
    }

    /// <summary>
    /// The engagement if the user may see it, recording in the audit trail that they read <paramref name="what"/>
    /// (e.g. "NeedsAssessments", "ActionPlan") of this engagement: the entry's id is the engagement's.
    /// </summary>
    public async Task<Case?> ReadAsync(Guid engagementId, string what, CancellationToken ct)
    {
        var found = await FindAsync(engagementId, ct);
        if (found is not null)
        {
            await audit.ReadAsync(what, engagementId, found.Engagement.LepId, ct);
        }

        return found;
    }
}

/// <summary>Turns a planning command's result into what a page does: 404, 403, or the form again with errors on their fields.</summary>
public static class PlanningPageResults
{
    /// <summary><paramref name="fieldName"/> maps a command's field (camelCase, as the API names it) to the page's model-state key.</summary>
    public static IActionResult? Handle<T>(this PlanningResult<T> result, ModelStateDictionary modelState, Func<string, string>? fieldName = null)
    {
        switch (result.Outcome)
        {
            case PlanningOutcome.NotFound:
                return new NotFoundResult();
            case PlanningOutcome.Forbidden:
                return new ForbidResult();
            case PlanningOutcome.Invalid or PlanningOutcome.Conflict:
                foreach (var (field, message) in result.Errors)
                {
                    modelState.AddModelError(field.Length == 0 ? "" : (fieldName ?? InputField)(field), message);
                }

                return null;
            default:
                return null;
        }
    }

    public static string InputField(string field) => $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
}
