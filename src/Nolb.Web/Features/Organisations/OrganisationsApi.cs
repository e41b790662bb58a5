using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Organisations;

public static class OrganisationsApi
{
    public sealed record OrganisationDto(Guid Id, string Name, OrganisationKind Kind, string? LepCode, string? Website, string? ContactEmail, Guid Version);

    public sealed record OrganisationRequest(string? Name, OrganisationKind? Kind, string? LepCode, string? Website, string? ContactEmail);

    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations");
        organisations.MapGet("/", ListAsync).RequireAuthorization(Permissions.Organisations.Read)
            .WithSummary("Organisations in your LEP and national ones (every LEP's for national roles).");
        organisations.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Organisations.Read)
            .WithSummary("One organisation; another LEP's answers 404.");
        organisations.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Organisations.Manage)
            .WithSummary("Add an organisation (administrators). Leave lepCode empty for a national one.");
        return api;
    }

    private static async Task<Ok<List<OrganisationDto>>> ListAsync(NolbDbContext db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await db.Organisations.AsNoTracking().VisibleTo(user).OrderBy(o => o.Name)
            .Select(o => new OrganisationDto(o.Id, o.Name, o.Kind, o.Lep!.Code, o.Website, o.ContactEmail, o.Version))
            .ToListAsync(ct));

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> GetAsync(Guid id, NolbDbContext db, CurrentUser user, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Lep).SingleOrDefaultAsync(o => o.Id == id, ct);
        return organisation is null || !user.CanSee(organisation)
            ? TypedResults.NotFound()
            : TypedResults.Ok(ToDto(organisation));
    }

    private static async Task<Results<Created<OrganisationDto>, ValidationProblem>> CreateAsync(
        OrganisationRequest request, SaveOrganisation save, NolbDbContext db, CancellationToken ct)
    {
        var result = await save.CreateAsync(new OrganisationInput(request.Name, request.Kind, request.LepCode, request.Website, request.ContactEmail), ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        var organisation = result.Organisation!;
        await db.Entry(organisation).Reference(o => o.Lep).LoadAsync(ct);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", ToDto(organisation));
    }

    private static OrganisationDto ToDto(Organisation o) =>
        new(o.Id, o.Name, o.Kind, o.Lep?.Code, o.Website, o.ContactEmail, o.Version);
}
