using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;

namespace Nolb.Web.Features.Leps;

/// <summary>The 32 LEPs, one per council area: public reference data.</summary>
public static class LepsApi
{
    public sealed record LepDto(string Code, string Name);

    public static RouteGroupBuilder MapLepsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/leps", ListAsync).AllowAnonymous().WithSummary("Every LEP with its council area's GSS code.");
        api.MapGet("/leps/{code}", GetAsync).AllowAnonymous()
            .WithSummary("One LEP by GSS code; retired codes (e.g. S12000046 for Glasgow City) are accepted.");
        return api;
    }

    private static async Task<Ok<List<LepDto>>> ListAsync(NolbDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Leps.AsNoTracking().OrderBy(l => l.Name).Select(l => new LepDto(l.Code, l.Name)).ToListAsync(ct));

    private static async Task<Results<Ok<LepDto>, NotFound>> GetAsync(string code, NolbDbContext db, CancellationToken ct)
    {
        var current = CouncilAreaCodes.Normalise(code);
        var lep = await db.Leps.AsNoTracking().Where(l => l.Code == current).Select(l => new LepDto(l.Code, l.Name)).SingleOrDefaultAsync(ct);
        return lep is null ? TypedResults.NotFound() : TypedResults.Ok(lep);
    }
}
