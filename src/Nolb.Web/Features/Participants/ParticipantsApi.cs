using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// People supported by a partnership, for other systems. The rules are the pages' rules: a key worker or
/// team leader works in their own LEP only (another LEP's person answers 404), every read of a record is
/// audited, and a change made against an older version of the record (a stale If-Match) answers 412.
/// </summary>
public static class ParticipantsApi
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>
    /// A person's details. A likely duplicate in the LEP (same name and date of birth, or the same National
    /// Insurance number) answers 409 with the candidates; send <c>confirmNotDuplicate: true</c> once checked
    /// to register anyway. <c>lepCode</c> may be left out; when given it must be the caller's own LEP.
    /// </summary>
    public sealed record ParticipantRequest
    {
        /// <summary>Why the details are changing; kept in the record's history of changes (updates only).</summary>
        public string? ChangeReason { get; init; }

        public string? GivenName { get; init; }
        public string? FamilyName { get; init; }
        public string? PreferredName { get; init; }
        public DateOnly? DateOfBirth { get; init; }
        public string? NationalInsuranceNumber { get; init; }
        public string? Postcode { get; init; }
        public string? AddressLine { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public ContactMethod? PreferredContact { get; init; }
        public EmploymentStatus? EmploymentStatusAtStart { get; init; }
        public IReadOnlyList<Benefit>? BenefitsAtStart { get; init; }
        public int? HighestScqfLevel { get; init; }
        public EqualityMonitoring? Equality { get; init; }
        public LifeCircumstances? Circumstances { get; init; }
        public string? LepCode { get; init; }
        public bool ConfirmNotDuplicate { get; init; }

        public ParticipantDetails ToDetails() => new()
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            PreferredName = PreferredName,
            DateOfBirth = DateOfBirth,
            NationalInsuranceNumber = NationalInsuranceNumber,
            Postcode = Postcode,
            AddressLine = AddressLine,
            Email = Email,
            Phone = Phone,
            PreferredContact = PreferredContact,
            EmploymentStatusAtStart = EmploymentStatusAtStart,
            BenefitsAtStart = BenefitsAtStart ?? [],
            HighestScqfLevel = HighestScqfLevel,
            Equality = Equality ?? new(),
            Circumstances = Circumstances ?? new(),
        };
    }

    public sealed record ParticipantDto(
        Guid Id,
        string Reference,
        string? LepCode,
        string GivenName,
        string FamilyName,
        string? PreferredName,
        DateOnly DateOfBirth,
        int Age,
        AgeBand AgeBand,
        bool YoungPersonsGuaranteeEligible,
        string? NationalInsuranceNumber,
        string? Postcode,
        string? AddressLine,
        string? Email,
        string? Phone,
        ContactMethod PreferredContact,
        EmploymentStatus EmploymentStatusAtStart,
        IReadOnlyList<Benefit> BenefitsAtStart,
        int? HighestScqfLevel,
        EqualityMonitoring? Equality,
        LifeCircumstances Circumstances,
        IReadOnlyList<EngagementSummary> Engagements,
        IReadOnlyList<ConsentDto> Consents,
        Guid Version);

    public sealed record EngagementSummary(Guid Id, DateOnly StartDate, int CurrentStage, Guid? KeyWorkerId, DateOnly? LeftOn, LeavingReason? LeavingReason);

    public sealed record ConsentDto(
        Guid Id, ConsentKind Kind, Guid? OrganisationId, string? OrganisationName, DateOnly GivenOn, Guid RecordedBy,
        DateOnly? WithdrawnOn, Guid? WithdrawalRecordedBy, bool Active);

    public sealed record ParticipantRow(Guid Id, string Reference, string Name, DateOnly DateOfBirth, bool HasOpenEngagement);

    public sealed record ParticipantPage(IReadOnlyList<ParticipantRow> Items, int Page, int PageSize, int Total);

    public sealed record PossibleDuplicateDto(Guid Id, string Reference, string Name, DateOnly DateOfBirth, string Why);

    public sealed record ConsentRequest(ConsentKind? Kind, Guid? OrganisationId, DateOnly? GivenOn);

    public sealed record WithdrawConsentRequest(DateOnly? WithdrawnOn);

    public sealed record TransferRequest(string? ToLepCode);

    public sealed record TransferDto(Guid Id, string LepCode);

    public static RouteGroupBuilder MapParticipantsApi(this RouteGroupBuilder api)
    {
        var participants = api.MapGroup("/participants").WithTags("Participants");
        participants.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Participants.Register)
            .WithSummary("Register a person in your LEP. A likely duplicate answers 409 with the candidates unless confirmNotDuplicate is true.");
        participants.MapGet("/", ListAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("Find people in your LEP by name, date of birth or reference, a page at a time (page from 1, pageSize up to 100).");
        participants.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Participants.ReadOwnCaseload)
            .WithSummary("One person's record (audited), with its ETag. Another LEP's person answers 404.");
        participants.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Change a person's details. Send the ETag from GET as If-Match: missing answers 428, stale answers 412 and changes nothing.");
        participants.MapPost("/{id:guid}/consents", RecordConsentAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Record what the person agreed to (ShareWithPartner names organisationId).");
        participants.MapPost("/{id:guid}/consents/{consentId:guid}/withdraw", WithdrawConsentAsync).RequireAuthorization(Permissions.Participants.EditOwnCaseload)
            .WithSummary("Record that the person withdrew a consent; it takes effect from withdrawnOn.");
        participants.MapPost("/{id:guid}/transfer", TransferAsync).RequireAuthorization(Permissions.Participants.Transfer)
            .WithSummary("Transfer the record to the LEP of the area the person moved to (team leaders; needs the person's transfer consent).");
        return api;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static async Task<Results<Created<ParticipantDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ParticipantRequest request, RegisterParticipant register, CurrentUser currentUser, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.LepCode) && CouncilAreaCodes.Normalise(request.LepCode) != currentUser.LepCode)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "You can only register people in your own LEP",
                detail: $"Leave lepCode out, or send your own LEP's code ({currentUser.LepCode}).");
        }

        var details = request.ToDetails();
        if (!currentUser.CanSeeEqualityData())
        {
            details = details with { Equality = new() };
        }

        var result = await register.RegisterAsync(details, request.ConfirmNotDuplicate, ct);
        if (result.PossibleDuplicates.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "This person may already be registered",
                detail: "Check the people listed in 'duplicates'. If none of them is this person, send the request again with \"confirmNotDuplicate\": true.",
                extensions: new Dictionary<string, object?>
                {
                    ["duplicates"] = result.PossibleDuplicates.Select(d => new PossibleDuplicateDto(d.Id, d.Reference, d.Name, d.DateOfBirth, d.Why)).ToList(),
                });
        }

        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        var participant = result.Participant!;
        SetETag(http, participant.Version);
        return TypedResults.Created($"/api/v1/participants/{participant.Id}", ToDto(participant, currentUser.LepCode, currentUser, Today(clock)));
    }

    private static async Task<Results<Ok<ParticipantPage>, ValidationProblem>> ListAsync(
        NolbDbContext db, CurrentUser currentUser, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (page is < 1)
        {
            errors.Add(("page", "page starts at 1"));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(("pageSize", $"pageSize must be from 1 to {MaxPageSize}"));
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToProblemErrors());
        }

        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var query = db.Participants.AsNoTracking().VisibleTo(currentUser);
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Matching(search);
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Reference)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(p => new ParticipantRow(p.Id, p.Reference, (p.PreferredName ?? p.GivenName) + " " + p.FamilyName, p.DateOfBirth, p.Engagements.Any(e => e.LeftOn == null)))
            .ToListAsync(ct);
        return TypedResults.Ok(new ParticipantPage(items, number, size, total));
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound>> GetAsync(
        Guid id, ParticipantRecords records, NolbDbContext db, CurrentUser currentUser, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var participant = await records.ReadAsync(id, ct);
        if (participant is null)
        {
            return TypedResults.NotFound();
        }

        var lepCode = await db.Leps.Where(l => l.Id == participant.LepId).Select(l => l.Code).SingleAsync(ct);
        SetETag(http, participant.Version);
        return TypedResults.Ok(ToDto(participant, lepCode, currentUser, Today(clock)));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ParticipantRequest request, ParticipantRecords records, UpdateParticipant update, CurrentUser currentUser, HttpContext http, CancellationToken ct)
    {
        var (participant, canEdit) = await records.ForEditAsync(id, ct);
        if (participant is null)
        {
            return TypedResults.NotFound();
        }

        if (!canEdit)
        {
            return TypedResults.Forbid();
        }

        var ifMatch = http.Request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0 || ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Send the record's ETag in If-Match",
                detail: "GET the person's record, then send its ETag header as If-Match, so a change made meanwhile by someone else is not overwritten.");
        }

        var version = ifMatch.Select(tag => Guid.TryParse(tag.Tag.ToString().Trim('"'), out var v) && !tag.IsWeak ? v : (Guid?)null)
            .FirstOrDefault(v => v == participant.Version);
        if (version is null)
        {
            return StaleVersion();
        }

        var details = request.ToDetails();
        if (!currentUser.CanSeeEqualityData())
        {
            // Roles that may not see equality answers cannot change them either: keep what is stored.
            details = details with { Equality = participant.Equality };
        }

        var result = await update.UpdateAsync(participant, details, version.Value, ct, request.ChangeReason);
        switch (result.Outcome)
        {
            case UpdateParticipant.Outcome.Invalid:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
            case UpdateParticipant.Outcome.Conflict:
                return StaleVersion();
            default:
                SetETag(http, participant.Version);
                return TypedResults.NoContent();
        }
    }

    private static ProblemHttpResult StaleVersion() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Someone else changed this person's details",
        detail: "Nothing was saved. GET the record again to see their change and its new ETag, then make yours again.");

    private static async Task<Results<Created<ConsentDto>, NotFound, ForbidHttpResult, ValidationProblem>> RecordConsentAsync(
        Guid id, ConsentRequest request, CaseCommands commands, CancellationToken ct)
    {
        var result = await commands.RecordConsentAsync(id, request.Kind, request.OrganisationId, request.GivenOn, ct);
        return result.Outcome switch
        {
            CaseCommands.Outcome.Done => TypedResults.Created($"/api/v1/participants/{id}", ToDto(result.Value!)),
            CaseCommands.Outcome.Invalid => result.ToValidationProblem(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ConsentDto>, NotFound, ForbidHttpResult, ValidationProblem>> WithdrawConsentAsync(
        Guid id, Guid consentId, WithdrawConsentRequest request, CaseCommands commands, CancellationToken ct)
    {
        var result = await commands.WithdrawConsentAsync(id, consentId, request.WithdrawnOn, ct);
        return result.Outcome switch
        {
            CaseCommands.Outcome.Done => TypedResults.Ok(ToDto(result.Value!)),
            CaseCommands.Outcome.Invalid => result.ToValidationProblem(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<TransferDto>, NotFound, ForbidHttpResult, ValidationProblem>> TransferAsync(
        Guid id, TransferRequest request, CaseCommands commands, NolbDbContext db, CancellationToken ct)
    {
        var result = await commands.TransferAsync(id, request.ToLepCode, ct);
        switch (result.Outcome)
        {
            case CaseCommands.Outcome.Done:
                var lepCode = await db.Leps.Where(l => l.Id == result.Value!.LepId).Select(l => l.Code).SingleAsync(ct);
                return TypedResults.Ok(new TransferDto(id, lepCode));
            case CaseCommands.Outcome.Invalid:
                return result.ToValidationProblem();
            case CaseCommands.Outcome.Forbidden:
                return TypedResults.Forbid();
            default:
                return TypedResults.NotFound();
        }
    }

    private static void SetETag(HttpContext http, Guid version) =>
        http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"").ToString();

    private static ParticipantDto ToDto(Participant p, string? lepCode, CurrentUser currentUser, DateOnly today) => new(
        p.Id,
        p.Reference,
        lepCode,
        p.GivenName,
        p.FamilyName,
        p.PreferredName,
        p.DateOfBirth,
        Age.OnDate(p.DateOfBirth, today),
        p.AgeBandOn(today),
        p.YoungPersonsGuaranteeEligibleOn(today),
        p.NationalInsuranceNumber,
        p.Postcode,
        p.AddressLine,
        p.Email,
        p.Phone,
        p.PreferredContact,
        p.EmploymentStatusAtStart,
        p.BenefitsAtStart,
        p.HighestScqfLevel,
        currentUser.CanSeeEqualityData() ? p.Equality : null,
        p.Circumstances,
        p.Engagements.OrderBy(e => e.StartDate)
            .Select(e => new EngagementSummary(e.Id, e.StartDate, (int)e.CurrentStage, e.KeyWorkerId, e.LeftOn, e.LeavingReason)).ToList(),
        p.Consents.OrderBy(c => c.GivenOn).Select(ToDto).ToList(),
        p.Version);

    private static ConsentDto ToDto(Consent c) => new(
        c.Id, c.Kind, c.OrganisationId, c.Organisation?.Name, c.GivenOn, c.RecordedByUserId, c.WithdrawnOn, c.WithdrawalRecordedByUserId, c.IsActive);
}

/// <summary>A case command's expected failure as the API's validation problem, naming the camelCase field.</summary>
public static class CaseApiResults
{
    public static ValidationProblem ToValidationProblem<T>(this CaseCommands.Result<T> result) =>
        TypedResults.ValidationProblem(new[] { (result.Field ?? "", result.Error ?? "") }.ToProblemErrors());
}
