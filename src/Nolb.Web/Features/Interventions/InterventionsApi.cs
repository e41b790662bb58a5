using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Interventions;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Interventions;

public static class InterventionsApi
{
    public sealed record CatalogueCategoryDto(string Code, string Name, string? Description, IReadOnlyList<CatalogueTypeDto> Types);

    public sealed record CatalogueTypeDto(string Code, string Name);

    /// <summary>An intervention to record or the new state of one. <c>typeCode</c> is a code from /api/v1/reference/interventions.</summary>
    public sealed record InterventionRequest(
        string? TypeCode, DeliveredBy? DeliveredBy, Guid? PartnerOrganisationId, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours,
        InterventionOutcome? Outcome, string? Notes, string? QualificationTitle, int? QualificationScqfLevel, string? QualificationAwardingBody);

    public static RouteGroupBuilder MapInterventionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reference/interventions", CatalogueAsync)
            .WithSummary("The intervention catalogue (Annex 1 categories and their sub-types, with stable codes).");
        var interventions = api.MapGroup("/engagements/{engagementId:guid}/interventions");
        interventions.MapGet("/", ListAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .Produces<List<InterventionView>>().WithSummary("The interventions of an engagement, newest first.");
        interventions.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .Produces<InterventionView>().WithSummary("One intervention, with its version as the ETag.");
        interventions.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .Produces<InterventionView>(StatusCodes.Status201Created).WithSummary("Record an intervention.");
        interventions.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .Produces<InterventionView>().WithSummary("Change an intervention. Send If-Match with the ETag you read; a stale one answers 412.");
        return api;
    }

    private static async Task<IResult> CatalogueAsync(NolbDbContext db, CancellationToken ct)
    {
        var categories = await db.InterventionCategories.AsNoTracking().Include(c => c.Types).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        return TypedResults.Ok(categories.Select(c => new CatalogueCategoryDto(c.Code, c.Name, c.Description,
            c.Types.OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new CatalogueTypeDto(t.Code, t.Name)).ToList())).ToList());
    }

    private static async Task<IResult> ListAsync(Guid engagementId, InterventionCommands commands, CancellationToken ct)
    {
        var result = await commands.ListAsync(engagementId, ct);
        return result.Outcome == ActivityOutcome.Done ? TypedResults.Ok(result.Value) : result.ToProblem();
    }

    private static async Task<IResult> GetAsync(Guid engagementId, Guid id, InterventionCommands commands, HttpResponse response, CancellationToken ct)
    {
        var result = await commands.GetAsync(engagementId, id, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return result.ToProblem();
        }

        response.Headers.ETag = ActivityResults.ETag(result.Value!.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> CreateAsync(
        Guid engagementId, InterventionRequest request, InterventionCommands commands, NolbDbContext db, HttpResponse response, CancellationToken ct)
    {
        var result = await commands.RecordAsync(engagementId, await DetailsAsync(request, db, ct), ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return Renamed(result).ToProblem();
        }

        var view = (await commands.GetAsync(engagementId, result.Value!.Id, ct)).Value!;
        response.Headers.ETag = ActivityResults.ETag(view.Version);
        return TypedResults.Created($"/api/v1/engagements/{engagementId}/interventions/{view.Id}", view);
    }

    private static async Task<IResult> UpdateAsync(
        Guid engagementId, Guid id, InterventionRequest request, InterventionCommands commands, NolbDbContext db, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        if (ActivityResults.IfMatch(http) is not { } version)
        {
            return ActivityResults.PreconditionRequired();
        }

        var result = await commands.UpdateAsync(engagementId, id, await DetailsAsync(request, db, ct), version, ct);
        if (result.Outcome != ActivityOutcome.Done)
        {
            return Renamed(result).ToProblem();
        }

        var view = (await commands.GetAsync(engagementId, id, ct)).Value!;
        response.Headers.ETag = ActivityResults.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>The type by code: none given is a missing type, an unknown code one the catalogue does not have (both reported by the command after its access check).</summary>
    private static async Task<InterventionDetails> DetailsAsync(InterventionRequest r, NolbDbContext db, CancellationToken ct)
    {
        Guid? typeId = string.IsNullOrWhiteSpace(r.TypeCode)
            ? null
            : await db.InterventionTypes.Where(t => t.Code == r.TypeCode.Trim()).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;
        return new InterventionDetails(typeId, r.DeliveredBy, r.PartnerOrganisationId, r.StartDate, r.EndDate, r.Hours, r.Outcome, r.Notes,
            r.QualificationTitle, r.QualificationScqfLevel, r.QualificationAwardingBody);
    }

    /// <summary>The API names the type by code, so an error about the type is reported on typeCode.</summary>
    private static ActivityResult<Intervention> Renamed(ActivityResult<Intervention> result) =>
        result with { Errors = result.Errors.Select(e => e.Field == "TypeId" ? ("TypeCode", "Give a typeCode from /api/v1/reference/interventions") : e).ToList() };
}
