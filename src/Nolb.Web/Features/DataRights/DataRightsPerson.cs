using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// The person a data rights request is about, as the data rights pages show them. Administrators and information
/// governance officers work for the whole system, so any LEP's record is found; an unknown id answers 404.
/// </summary>
public sealed record DataRightsPerson(Guid Id, Guid LepId, string Reference, string Name, string Lep, DateTime? ErasedAt)
{
    public static Task<DataRightsPerson?> FindAsync(NolbDbContext db, Guid id, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new DataRightsPerson(p.Id, p.LepId, p.Reference, p.GivenName + " " + p.FamilyName, p.Lep!.Name, p.ErasedAt))
            .SingleOrDefaultAsync(ct);
}
