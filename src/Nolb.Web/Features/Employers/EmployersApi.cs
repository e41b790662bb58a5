using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Matching;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Vacancies;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>
/// /api/v1/employers, /vacancies, /placements, matches and job goals. Everything belongs to the caller's LEP
/// (another LEP's answers 404). Changing a record needs If-Match with its ETag: missing 428, stale 412.
/// </summary>
public static class EmployersApi
{
    public sealed record EmployerRequest(
        string? Name, SicSection? Sector, SizeBand? Size, string? Town, string? Postcode, string? ContactName, string? ContactEmail, string? ContactPhone,
        bool? RealLivingWageEmployer, bool? YoungPersonsGuaranteePledge, DisabilityConfidentLevel? DisabilityConfident)
    {
        public EmployerDetails ToDetails() => new(Name, Sector, Size, Town, Postcode, ContactName, ContactEmail, ContactPhone,
            RealLivingWageEmployer ?? false, YoungPersonsGuaranteePledge ?? false, DisabilityConfident);
    }

    public sealed record ActivityRequest(DateOnly? Date, EmployerActivityKind? Kind, string? Notes);

    public sealed record VacancyRequest(
        Guid? EmployerId, string? Title, string? SocCode, string? Postcode, decimal? HoursPerWeek, decimal? HourlyPay, ContractType? Contract,
        int? ContractMonths, IReadOnlyList<DayOfWeek>? Days, DateOnly? ClosingDate, int? MinimumScqfLevel, bool? DrivingLicenceRequired, string? Requirements,
        VacancyStatus? Status)
    {
        public VacancyDetails ToDetails() => new(EmployerId, Title, SocCode, Postcode, HoursPerWeek, HourlyPay, Contract, ContractMonths, Days ?? [],
            ClosingDate, MinimumScqfLevel, DrivingLicenceRequired ?? false, Requirements, Status);
    }

    public sealed record PlacementRequest(
        Guid? ParticipantId, string? ParticipantReference, Guid? EmployerId, PlacementKind? Kind, DateOnly? StartDate, DateOnly? EndDate, decimal? HoursPerWeek,
        decimal? WeeklyAllowance, decimal? HourlyWage, PlacementOutcome? Outcome, string? Notes)
    {
        public PlacementDetails ToDetails() => new(ParticipantId, ParticipantReference, EmployerId, Kind, StartDate, EndDate, HoursPerWeek, WeeklyAllowance, HourlyWage, Outcome, Notes);
    }

    public sealed record PreferencesRequest(
        IReadOnlyList<string>? SocGoals, decimal? MinHoursPerWeek, decimal? MaxHoursPerWeek, IReadOnlyList<DayOfWeek>? AvailableDays, TravelBand? Travel, bool? HasDrivingLicence);

    public sealed record ActivityDto(Guid Id, DateOnly Date, EmployerActivityKind Kind, string Notes, Guid RecordedBy);

    public sealed record EmployerDto(
        Guid Id, string Name, SicSection Sector, string SectorTitle, SizeBand Size, string? Town, string? Postcode, string? ContactName, string? ContactEmail,
        string? ContactPhone, bool RealLivingWageEmployer, bool YoungPersonsGuaranteePledge, DisabilityConfidentLevel DisabilityConfident,
        IReadOnlyList<ActivityDto> Activities, Guid Version);

    public sealed record EmployerRow(Guid Id, string Name, SicSection Sector, SizeBand Size, string? Town);

    public sealed record FairWorkDto(bool MeetsAll, bool PaysRealLivingWage, bool NotZeroHours, bool HoursStated, decimal RealLivingWage);

    public sealed record VacancyDto(
        Guid Id, Guid EmployerId, string EmployerName, string Title, string SocCode, string? Occupation, string? Postcode, decimal? HoursPerWeek,
        decimal? HourlyPay, ContractType Contract, int? ContractMonths, IReadOnlyList<DayOfWeek> Days, DateOnly? ClosingDate, int? MinimumScqfLevel,
        bool DrivingLicenceRequired, string? Requirements, VacancyStatus Status, bool Open, FairWorkDto FairWork, Guid Version);

    public sealed record PlacementDto(
        Guid Id, Guid ParticipantId, Guid EmployerId, string? EmployerName, PlacementKind Kind, DateOnly StartDate, DateOnly? EndDate, decimal? HoursPerWeek,
        decimal? WeeklyAllowance, decimal? HourlyWage, PlacementOutcome Outcome, string? Notes, Guid Version);

    public sealed record PreferencesDto(
        Guid ParticipantId, IReadOnlyList<string> SocGoals, decimal? MinHoursPerWeek, decimal? MaxHoursPerWeek, IReadOnlyList<DayOfWeek> AvailableDays,
        TravelBand Travel, bool HasDrivingLicence, Guid Version);

    /// <summary><c>name</c> is left out for users who may not read people's records; the reference identifies the person to their key worker.</summary>
    public sealed record PersonMatchDto(Guid ParticipantId, string Reference, string? Name, int Stage, Guid? KeyWorkerId, int Score, IReadOnlyList<MatchReason> Reasons);

    public sealed record VacancyMatchDto(Guid VacancyId, string Title, string EmployerName, string SocCode, DateOnly? ClosingDate, int Score, IReadOnlyList<MatchReason> Reasons);

    public sealed record OccupationDto(string Code, string Title);

    public static RouteGroupBuilder MapEmployersApi(this RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Employers");
        employers.MapGet("/", ListEmployersAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("Your LEP's employers, optionally filtered by name (search).");
        employers.MapGet("/{id:guid}", GetEmployerAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("One employer with its engagement log, and its ETag.");
        employers.MapPost("/", CreateEmployerAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Add an employer: name, sector (SIC 2007 section letter), size band, contacts and Fair Work commitments.");
        employers.MapPut("/{id:guid}", UpdateEmployerAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Change an employer. Send If-Match with its ETag: missing 428, stale 412.");
        employers.MapPost("/{id:guid}/activities", AddActivityAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Log engagement with the employer: recruitment advice, job carving, health and safety support, an event, a visit.");

        var vacancies = api.MapGroup("/vacancies").WithTags("Vacancies");
        vacancies.MapGet("/", ListVacanciesAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("Your LEP's vacancies: open ones unless all=true; with their Fair Work markers.");
        vacancies.MapGet("/{id:guid}", GetVacancyAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("One vacancy with its Fair Work markers and ETag.");
        vacancies.MapPost("/", CreateVacancyAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Add a vacancy: employer, title, SOC 2020 code, hours, hourly pay, contract, days, closing date, requirements.");
        vacancies.MapPut("/{id:guid}", UpdateVacancyAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Change a vacancy (including status: Open, Filled, Withdrawn). Send If-Match with its ETag.");
        vacancies.MapGet("/{id:guid}/matches", VacancyMatchesAsync).RequireAuthorization(Permissions.Employers.Match)
            .WithSummary("People in stage 3–4 of your LEP ranked for this vacancy (score out of 100) with every reason (audited).");

        api.MapGet("/participants/{id:guid}/matches", ParticipantMatchesAsync).WithTags("Vacancies")
            .RequireAuthorization(Permissions.Employers.Match).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("Open vacancies in the person's LEP ranked for them, with every reason (audited).");
        api.MapGet("/participants/{id:guid}/job-preferences", GetPreferencesAsync).WithTags("Vacancies")
            .RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("The person's job goals (SOC 2020 codes or major groups), hours, days, travel and driving licence, with ETag.");
        api.MapPut("/participants/{id:guid}/job-preferences", SavePreferencesAsync).WithTags("Vacancies")
            .RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Set the person's job goals. Once set, send If-Match with the ETag to change them.");

        api.MapGet("/occupations", (string? search, OccupationCatalogue occupations) => TypedResults.Ok(occupations.Search(search).Select(o => new OccupationDto(o.Code, o.Title)).ToList()))
            .WithTags("Vacancies").RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("SOC 2020 unit groups Nolb knows, searched by title or code.");

        var placements = api.MapGroup("/placements").WithTags("Placements");
        placements.MapGet("/", ListPlacementsAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("Your LEP's placements, latest first.");
        placements.MapPost("/", CreatePlacementAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Add a placement for a person (participantId or participantReference) with an employer.");
        placements.MapPut("/{id:guid}", UpdatePlacementAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Change a placement, e.g. its end date and outcome. Send If-Match with its ETag.");
        return api;
    }

    private static async Task<Ok<List<EmployerRow>>> ListEmployersAsync(EmployerCommands commands, string? search, CancellationToken ct)
    {
        var query = commands.Employers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); .NET culture rules do not apply.
            query = query.Where(e => e.Name.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return TypedResults.Ok(await query.OrderBy(e => e.Name).Select(e => new EmployerRow(e.Id, e.Name, e.Sector, e.Size, e.Town)).ToListAsync(ct));
    }

    private static async Task<Results<Ok<EmployerDto>, NotFound>> GetEmployerAsync(Guid id, EmployerCommands commands, HttpContext http, CancellationToken ct)
    {
        var employer = await commands.Employers.Include(e => e.Activities).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(employer.Version);
        return TypedResults.Ok(ToDto(employer));
    }

    private static async Task<Results<Created<EmployerDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CreateEmployerAsync(
        EmployerRequest request, EmployerCommands commands, HttpContext http, CancellationToken ct) =>
        Created(await commands.SaveEmployerAsync(null, request.ToDetails(), null, ct), http, e => e.Version, e => $"/api/v1/employers/{e.Id}", ToDto);

    private static async Task<Results<Ok<EmployerDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateEmployerAsync(
        Guid id, EmployerRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, EmployerCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return IfMatchRequired();
        }

        return Updated(await commands.SaveEmployerAsync(id, request.ToDetails(), ActionPlanApi.ParseETag(ifMatch), ct), http, e => e.Version, ToDto);
    }

    private static async Task<Results<Created<ActivityDto>, NotFound, ForbidHttpResult, ValidationProblem>> AddActivityAsync(
        Guid id, ActivityRequest request, EmployerCommands commands, CancellationToken ct)
    {
        var result = await commands.AddActivityAsync(id, request.Date, request.Kind, request.Notes, ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.Created($"/api/v1/employers/{id}", ToDto(result.Value!)),
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Ok<List<VacancyDto>>> ListVacanciesAsync(
        EmployerCommands commands, IOptions<FairWorkSettings> fairWork, OccupationCatalogue occupations, TimeProvider clock, bool? all, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var query = commands.Vacancies.AsNoTracking();
        if (all != true)
        {
            query = query.Where(v => v.Status == VacancyStatus.Open && (v.ClosingDate == null || v.ClosingDate >= today));
        }

        var vacancies = await query.OrderBy(v => v.Title).ToListAsync(ct);
        return TypedResults.Ok(vacancies.Select(v => ToDto(v, fairWork.Value, occupations, today)).ToList());
    }

    private static async Task<Results<Ok<VacancyDto>, NotFound>> GetVacancyAsync(
        Guid id, EmployerCommands commands, IOptions<FairWorkSettings> fairWork, OccupationCatalogue occupations, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var vacancy = await commands.Vacancies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(vacancy.Version);
        return TypedResults.Ok(ToDto(vacancy, fairWork.Value, occupations, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
    }

    private static async Task<Results<Created<VacancyDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CreateVacancyAsync(
        VacancyRequest request, EmployerCommands commands, NolbDbContext db, IOptions<FairWorkSettings> fairWork, OccupationCatalogue occupations, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var result = await commands.SaveVacancyAsync(null, request.ToDetails(), null, ct);
        await LoadEmployerAsync(db, result, ct);
        return Created(result, http, v => v.Version, v => $"/api/v1/vacancies/{v.Id}", v => ToDto(v, fairWork.Value, occupations, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
    }

    private static async Task<Results<Ok<VacancyDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateVacancyAsync(
        Guid id, VacancyRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, EmployerCommands commands, NolbDbContext db,
        IOptions<FairWorkSettings> fairWork, OccupationCatalogue occupations, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return IfMatchRequired();
        }

        var result = await commands.SaveVacancyAsync(id, request.ToDetails(), ActionPlanApi.ParseETag(ifMatch), ct);
        await LoadEmployerAsync(db, result, ct);
        return Updated(result, http, v => v.Version, v => ToDto(v, fairWork.Value, occupations, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
    }

    private static async Task LoadEmployerAsync(NolbDbContext db, PlanningResult<Vacancy> result, CancellationToken ct)
    {
        if (result.Value is { } vacancy)
        {
            await db.Entry(vacancy).Reference(v => v.Employer).LoadAsync(ct);
        }
    }

    private static async Task<Results<Ok<List<PersonMatchDto>>, NotFound>> VacancyMatchesAsync(
        Guid id, JobMatching matching, CurrentUser currentUser, int? limit, CancellationToken ct)
    {
        var (vacancy, matches) = await matching.ForVacancyAsync(id, Math.Clamp(limit ?? JobMatching.DefaultLimit, 1, 500), ct);
        if (vacancy is null)
        {
            return TypedResults.NotFound();
        }

        var names = currentUser.Has(Permissions.Participants.ReadLep);
        return TypedResults.Ok(matches.Select(m => new PersonMatchDto(
            m.ParticipantId, m.Reference, names ? m.Name : null, m.Stage, m.KeyWorkerId, m.Match.Score, m.Match.Reasons)).ToList());
    }

    private static async Task<Results<Ok<List<VacancyMatchDto>>, NotFound>> ParticipantMatchesAsync(
        Guid id, JobMatching matching, int? limit, CancellationToken ct)
    {
        var (participant, matches) = await matching.ForParticipantAsync(id, Math.Clamp(limit ?? JobMatching.DefaultLimit, 1, 500), ct);
        if (participant is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(matches.Select(m => new VacancyMatchDto(m.VacancyId, m.Title, m.EmployerName, m.SocCode, m.ClosingDate, m.Match.Score, m.Match.Reasons)).ToList());
    }

    private static async Task<Results<Ok<PreferencesDto>, NotFound>> GetPreferencesAsync(Guid id, EmployerCommands commands, HttpContext http, CancellationToken ct)
    {
        var (preferences, _, _) = await commands.PreferencesAsync(id, ct);
        if (preferences is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(preferences.Version);
        return TypedResults.Ok(ToDto(preferences));
    }

    private static async Task<Results<Ok<PreferencesDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> SavePreferencesAsync(
        Guid id, PreferencesRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, EmployerCommands commands, HttpContext http, CancellationToken ct)
    {
        var details = new PreferenceDetails(r.SocGoals ?? [], r.MinHoursPerWeek, r.MaxHoursPerWeek, r.AvailableDays ?? [], r.Travel, r.HasDrivingLicence ?? false);
        var result = await commands.SavePreferencesAsync(id, details, string.IsNullOrWhiteSpace(ifMatch) ? null : ActionPlanApi.ParseETag(ifMatch), ct);
        return Updated(result, http, p => p.Version, ToDto);
    }

    private static async Task<Ok<List<PlacementDto>>> ListPlacementsAsync(EmployerCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.Placements.AsNoTracking().OrderByDescending(p => p.StartDate).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Created<PlacementDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CreatePlacementAsync(
        PlacementRequest request, EmployerCommands commands, HttpContext http, CancellationToken ct) =>
        Created(await commands.SavePlacementAsync(null, request.ToDetails(), null, ct), http, p => p.Version, p => $"/api/v1/placements/{p.Id}", ToDto);

    private static async Task<Results<Ok<PlacementDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdatePlacementAsync(
        Guid id, PlacementRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, EmployerCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return IfMatchRequired();
        }

        return Updated(await commands.SavePlacementAsync(id, request.ToDetails(), ActionPlanApi.ParseETag(ifMatch), ct), http, p => p.Version, ToDto);
    }

    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        "Send an If-Match header with the record's ETag (from when you read it), so a change made by someone else since is not overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required");

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        EmployerCommands.ConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The record has changed");

    private static Results<Created<TDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Created<T, TDto>(
        PlanningResult<T> result, HttpContext http, Func<T, Guid> version, Func<T, string> location, Func<T, TDto> toDto)
    {
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ActionPlanApi.ETag(version(result.Value!));
                return TypedResults.Created(location(result.Value!), toDto(result.Value!));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Forbidden:
                return TypedResults.Forbid();
            case PlanningOutcome.Conflict:
                return Stale();
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    private static Results<Ok<TDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Updated<T, TDto>(
        PlanningResult<T> result, HttpContext http, Func<T, Guid> version, Func<T, TDto> toDto)
    {
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ActionPlanApi.ETag(version(result.Value!));
                return TypedResults.Ok(toDto(result.Value!));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Forbidden:
                return TypedResults.Forbid();
            case PlanningOutcome.Conflict:
                return Stale();
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    private static ActivityDto ToDto(EmployerActivity a) => new(a.Id, a.Date, a.Kind, a.Notes, a.RecordedByUserId);

    private static EmployerDto ToDto(Employer e) => new(
        e.Id, e.Name, e.Sector, e.Sector.Title(), e.Size, e.Town, e.Postcode, e.ContactName, e.ContactEmail, e.ContactPhone, e.RealLivingWageEmployer,
        e.YoungPersonsGuaranteePledge, e.DisabilityConfident, e.Activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.RecordedAt).Select(ToDto).ToList(), e.Version);

    public static VacancyDto ToDto(Vacancy v, FairWorkSettings settings, OccupationCatalogue occupations, DateOnly today)
    {
        var fair = FairWork.Check(v.HourlyPay, v.HoursPerWeek, v.Contract, settings.RealLivingWage);
        return new(v.Id, v.EmployerId, v.Employer?.Name ?? "", v.Title, v.SocCode, occupations.TitleOf(v.SocCode), v.Postcode, v.HoursPerWeek, v.HourlyPay, v.Contract,
            v.ContractMonths, v.Days, v.ClosingDate, v.MinimumScqfLevel, v.DrivingLicenceRequired, v.Requirements, v.Status, v.IsOpenOn(today),
            new FairWorkDto(fair.MeetsAll, fair.PaysRealLivingWage, fair.NotZeroHours, fair.HoursStated, fair.RealLivingWage), v.Version);
    }

    private static PlacementDto ToDto(Placement p) => new(
        p.Id, p.ParticipantId, p.EmployerId, p.Employer?.Name, p.Kind, p.StartDate, p.EndDate, p.HoursPerWeek, p.WeeklyAllowance, p.HourlyWage, p.Outcome, p.Notes, p.Version);

    private static PreferencesDto ToDto(JobPreferences p) => new(
        p.ParticipantId, p.SocGoals, p.MinHoursPerWeek, p.MaxHoursPerWeek, p.AvailableDays, p.Travel, p.HasDrivingLicence, p.Version);
}
