using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Features.Participants;

/// <summary>Changes a person's details if nobody else has saved them since <c>version</c> was read.</summary>
public sealed class UpdateParticipant(NolbDbContext db, TimeProvider clock)
{
    public enum Outcome
    {
        Saved,
        Invalid,
        Conflict,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<(string Field, string Message)> Errors);

    public async Task<Result> UpdateAsync(Participant participant, ParticipantDetails details, Guid version, CancellationToken ct)
    {
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
        details.ApplyTo(participant);
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
