using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Data;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Features.ServiceDirectory.Hsds;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

public static class DirectoryApi
{
    public sealed record LocationDto(Guid Id, Guid LinkId, string Name, string? AddressLine, string? Town, string? Postcode);

    public sealed record ScheduleDto(Guid Id, string ByDay, TimeOnly? OpensAt, TimeOnly? ClosesAt, string? Description);

    public sealed record ServiceDto(
        Guid Id, string Name, string? Description, Guid OrganisationId, string? OrganisationName, string? LepCode, ServiceKind Kind, bool Active,
        int? MinimumAge, int? MaximumAge, string? EligibilityDescription, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<int> Stages,
        IReadOnlyList<string> InterventionTypes, string? Cost, int? PlacesPerQuarter, string? ReferralMethod, string? ContactName,
        string? ContactEmail, string? ContactPhone, string? Website, string? FundingSource,
        IReadOnlyList<LocationDto> Locations, IReadOnlyList<ScheduleDto> Schedules, Guid Version);

    /// <summary>A service as sent to create or update it; <c>version</c> is the one read, for updates.</summary>
    public sealed record ServiceRequest(
        string? Name, string? Description, Guid? OrganisationId, string? LepCode, ServiceKind? Kind, bool? Active,
        int? MinimumAge, int? MaximumAge, string? EligibilityDescription, List<TargetGroup>? TargetGroups, List<int>? Stages,
        List<string>? InterventionTypes, string? Cost, int? PlacesPerQuarter, string? ReferralMethod, string? ContactName,
        string? ContactEmail, string? ContactPhone, string? Website, string? FundingSource,
        List<LocationInput>? Locations, List<ScheduleInput>? Schedules, Guid? Version)
    {
        public ServiceInput ToInput() => new()
        {
            Name = Name,
            Description = Description,
            OrganisationId = OrganisationId,
            LepCode = LepCode,
            Kind = Kind,
            Active = Active ?? true,
            MinimumAge = MinimumAge,
            MaximumAge = MaximumAge,
            EligibilityDescription = EligibilityDescription,
            TargetGroups = TargetGroups ?? [],
            Stages = Stages ?? [],
            InterventionTypes = InterventionTypes ?? [],
            Cost = Cost,
            PlacesPerQuarter = PlacesPerQuarter,
            ReferralMethod = ReferralMethod,
            ContactName = ContactName,
            ContactEmail = ContactEmail,
            ContactPhone = ContactPhone,
            Website = Website,
            FundingSource = FundingSource,
            Locations = Locations ?? [],
            Schedules = Schedules ?? [],
        };
    }

    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        var directory = api.MapGroup("/directory");
        directory.MapGet("/services", SearchAsync).RequireAuthorization(Permissions.ServiceDirectory.Read)
            .WithSummary("Search your LEP's directory and national services by keyword, stage (1-5), targetGroup, intervention (Annex 1 code), area and kind.");
        directory.MapGet("/services/{id:guid}", GetAsync).RequireAuthorization(Permissions.ServiceDirectory.Read)
            .WithSummary("One service; another LEP's answers 404.");
        directory.MapPost("/services", CreateAsync).RequireAuthorization(Permissions.ServiceDirectory.Manage)
            .WithSummary("Add a service to your LEP's directory (LEP managers) or any directory (administrators).");
        directory.MapPut("/services/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.ServiceDirectory.Manage)
            .WithSummary("Change a service. Send the version you read: a stale version answers 409.");
        directory.MapPost("/import", HsdsApi.ImportAsync).RequireAuthorization(Permissions.ServiceDirectory.Manage).DisableAntiforgery()
            .WithSummary("Import Open Referral HSDS 3.0: a JSON array of services (application/json) or a zipped CSV package (application/zip). Validates everything first; any problem changes nothing.");
        directory.MapGet("/export", HsdsApi.ExportAsync).RequireAuthorization(Permissions.ServiceDirectory.Read)
            .WithSummary("Export the directory you can see as HSDS 3.0: format=hsds-json (services with their organization, locations, contacts, phones, schedules and taxonomy terms) or hsds-csv (the tabular package, zipped).");
        return api;
    }

    private static async Task<Ok<List<ServiceSummary>>> SearchAsync(
        NolbDbContext db, CurrentUser user, CancellationToken ct, string? keyword = null, int? stage = null, TargetGroup? targetGroup = null,
        string? intervention = null, string? area = null, ServiceKind? kind = null) =>
        TypedResults.Ok(await DirectorySearch.SearchAsync(db, user, new DirectoryFilter(keyword, stage, targetGroup, intervention, area, kind), ct));

    private static async Task<Results<Ok<ServiceDto>, NotFound>> GetAsync(Guid id, SaveDirectoryService save, CurrentUser user, CancellationToken ct)
    {
        var service = await save.LoadAsync(id, ct);
        return service is null || !user.CanSee(service) ? TypedResults.NotFound() : TypedResults.Ok(ToDto(service));
    }

    private static async Task<Results<Created<ServiceDto>, ValidationProblem>> CreateAsync(ServiceRequest request, SaveDirectoryService save, CancellationToken ct)
    {
        var result = await save.CreateAsync(request.ToInput(), ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        var service = (await save.LoadAsync(result.Service!.Id, ct))!;
        return TypedResults.Created($"/api/v1/directory/services/{service.Id}", ToDto(service));
    }

    private static async Task<Results<Ok<ServiceDto>, NotFound, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> UpdateAsync(
        Guid id, ServiceRequest request, SaveDirectoryService save, CancellationToken ct)
    {
        var result = await save.UpdateAsync(id, request.ToInput(), request.Version, ct);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Field.Length == 0 && e.Message.StartsWith("Someone else", StringComparison.Ordinal))
                ? TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "The service has changed", Detail = result.Errors[0].Message, Status = 409 })
                : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        return TypedResults.Ok(ToDto(result.Service!));
    }

    public static ServiceDto ToDto(DirectoryService s) => new(
        s.Id, s.Name, s.Description, s.OrganisationId, s.Organisation?.Name, s.Lep?.Code, s.Kind, s.Active, s.MinimumAge, s.MaximumAge,
        s.EligibilityDescription, s.TargetGroups, s.Stages.Select(x => (int)x).ToList(), s.InterventionTypes, s.Cost, s.PlacesPerQuarter,
        s.ReferralMethod, s.ContactName, s.ContactEmail, s.ContactPhone, s.Website, s.FundingSource,
        s.Locations.OrderBy(l => l.Name).Select(l => new LocationDto(l.Id, l.LinkId, l.Name, l.AddressLine, l.Town, l.Postcode)).ToList(),
        s.Schedules.OrderBy(x => x.ByDay).Select(x => new ScheduleDto(x.Id, x.ByDay, x.OpensAt, x.ClosesAt, x.Description)).ToList(),
        s.Version);
}
