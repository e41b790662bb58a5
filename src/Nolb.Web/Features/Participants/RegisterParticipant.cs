using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// Registers a person in the current user's LEP. Before creating a record it looks for the same person
/// already there (same name and date of birth, or the same National Insurance number): "no wrong door"
/// must not mean two records. The caller confirms to go ahead anyway.
/// </summary>
public sealed class RegisterParticipant(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record PossibleDuplicate(Guid Id, string Reference, string Name, DateOnly DateOfBirth, string Why);

    public sealed record Result(
        Participant? Participant,
        IReadOnlyList<(string Field, string Message)> Errors,
        IReadOnlyList<PossibleDuplicate> PossibleDuplicates)
    {
        public bool Succeeded => Participant is not null;
    }

    public async Task<Result> RegisterAsync(ParticipantDetails details, bool confirmedNotDuplicate, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var validation = await new ParticipantDetailsValidator(today).ValidateAsync(details, ct);
        if (!validation.IsValid)
        {
            return new Result(null, validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList(), []);
        }

        var lepId = currentUser.LepId ?? throw new InvalidOperationException("Only staff of an LEP register people.");
        if (!confirmedNotDuplicate)
        {
            var duplicates = await PossibleDuplicatesAsync(db, lepId, details, null, ct);
            if (duplicates.Count > 0)
            {
                return new Result(null, [], duplicates);
            }
        }

        var participant = new Participant
        {
            Reference = ParticipantReferences.New(),
            LepId = lepId,
            GivenName = "",
            FamilyName = "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = currentUser.Id,
        };
        details.ApplyTo(participant);
        db.Participants.Add(participant);
        await db.SaveChangesAsync(ct);
        return new Result(participant, [], []);
    }

    public static async Task<IReadOnlyList<PossibleDuplicate>> PossibleDuplicatesAsync(
        NolbDbContext db, Guid lepId, ParticipantDetails details, Guid? exceptId, CancellationToken ct)
    {
        var given = details.GivenName!.Trim().ToUpperInvariant();
        var family = details.FamilyName!.Trim().ToUpperInvariant();
        var dateOfBirth = details.DateOfBirth!.Value;
        var nino = ParticipantFormats.NormaliseNationalInsuranceNumber(details.NationalInsuranceNumber);
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); .NET culture rules do not apply.
        var matches = await db.Participants.AsNoTracking()
            .Where(p => p.LepId == lepId && p.Id != exceptId)
            .Where(p => (p.GivenName.ToUpper() == given && p.FamilyName.ToUpper() == family && p.DateOfBirth == dateOfBirth)
                || (nino != null && p.NationalInsuranceNumber == nino))
            .Select(p => new { p.Id, p.Reference, p.GivenName, p.FamilyName, p.DateOfBirth, p.NationalInsuranceNumber })
            .Take(10)
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        return matches.Select(m => new PossibleDuplicate(
            m.Id, m.Reference, $"{m.GivenName} {m.FamilyName}", m.DateOfBirth,
            nino is not null && m.NationalInsuranceNumber == nino ? "same National Insurance number" : "same name and date of birth")).ToList();
    }
}
