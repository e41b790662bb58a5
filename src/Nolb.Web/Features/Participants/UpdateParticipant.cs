using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// Changes a person's details if nobody else has saved them since <c>version</c> was read, keeping what changed
/// (old and new values, who, when and why) as the record's rectification history.
/// </summary>
public sealed class UpdateParticipant(NolbDbContext db, TimeProvider clock, Security.CurrentUser currentUser)
{
    public enum Outcome
    {
        Saved,
        Invalid,
        Conflict,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<(string Field, string Message)> Errors);

    public async Task<Result> UpdateAsync(Participant participant, ParticipantDetails details, Guid version, CancellationToken ct, string? reason = null)
    {
        if (reason is { Length: > Domain.DataRights.ParticipantChange.ReasonLength })
        {
            return new Result(Outcome.Invalid, [("ChangeReason", $"The reason for the change must be {Domain.DataRights.ParticipantChange.ReasonLength} characters or fewer")]);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var validation = await new ParticipantDetailsValidator(today).ValidateAsync(details, ct);
        if (!validation.IsValid)
        {
            return new Result(Outcome.Invalid, validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());
        }

        if (participant.Version != version)
        {
            return Conflict();
        }

        db.Entry(participant).Property(p => p.Version).OriginalValue = version;
        var before = DetailsHistory.Snapshot(participant);
        details.ApplyTo(participant);
        db.ParticipantChanges.AddRange(DetailsHistory.Changes(
            participant, before, DetailsHistory.Snapshot(participant), reason, currentUser.Id, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        return new Result(Outcome.Saved, []);
    }

    private static Result Conflict() => new(Outcome.Conflict,
        [("", "Someone else changed this person's details while you were editing them. Reload to see their change, then make yours again")]);
}
