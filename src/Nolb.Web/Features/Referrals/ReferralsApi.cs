using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Data;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Participants;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

public static class ReferralsApi
{
    public sealed record ReferralRequest(Guid? ParticipantId, Guid? ServiceId, string? Reason, List<ShareItem>? Share);

    public sealed record DeclineRequest(DeclineReason? Reason, string? Note, Guid? Version);

    public sealed record VersionRequest(Guid? Version);

    public sealed record FirstContactRequest(DateOnly? Date, Guid? Version);

    public sealed record CompleteRequest(string? Outcome, Guid? Version);

    public sealed record AllocateRequest(Guid? KeyWorkerId, Guid? Version);

    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals");
        referrals.MapPost("/", CreateAsync).RequireAuthorization(Permissions.Referrals.Make)
            .WithSummary("Refer a person to a directory service. share lists Name, DateOfBirth, ContactDetails, Address: each needs the person's consent to share with the service's organisation.");
        referrals.MapGet("/inbox", InboxAsync).RequireAuthorization(Permissions.Referrals.ReceiveForOrganisation)
            .WithSummary("Referrals to your organisation (partner workers), newest first, with an overdue flag.");
        referrals.MapGet("/outbox", OutboxAsync)
            .WithSummary("Referrals your LEP made (staff), or that your organisation sent into an LEP (partners).");
        referrals.MapGet("/triage", TriageAsync).RequireAuthorization(Permissions.Referrals.Triage)
            .WithSummary("Inbound referrals to your LEP (team leaders).");
        referrals.MapGet("/{id:guid}", GetAsync).WithSummary("One referral you may see; otherwise 404.");
        referrals.MapPost("/{id:guid}/accept", (Guid id, VersionRequest? body, ReferralCommands commands, AuditLog audit, CancellationToken ct) =>
            Respond(commands.AcceptAsync(id, body?.Version, ct), commands)).WithSummary("Accept a referral to your organisation.");
        referrals.MapPost("/{id:guid}/decline", (Guid id, DeclineRequest body, ReferralCommands commands, CancellationToken ct) =>
            Respond(commands.DeclineAsync(id, body.Reason, body.Note, body.Version, ct), commands)).WithSummary("Decline with a reason (and a note, required for Other).");
        referrals.MapPost("/{id:guid}/first-contact", (Guid id, FirstContactRequest body, ReferralCommands commands, CancellationToken ct) =>
            Respond(commands.RecordFirstContactAsync(id, body.Date, body.Version, ct), commands)).WithSummary("Record the date of first contact with the person.");
        referrals.MapPost("/{id:guid}/complete", (Guid id, CompleteRequest body, ReferralCommands commands, CancellationToken ct) =>
            Respond(commands.CompleteAsync(id, body.Outcome, body.Version, ct), commands)).WithSummary("Complete an accepted referral, with an optional outcome.");
        referrals.MapPost("/{id:guid}/allocate", (Guid id, AllocateRequest body, ReferralCommands commands, CancellationToken ct) =>
            Respond(commands.AllocateAsync(id, body.KeyWorkerId, body.Version, ct), commands)).RequireAuthorization(Permissions.Referrals.Triage)
            .WithSummary("Give an inbound referral to a key worker of your LEP (team leaders).");
        referrals.MapPost("/inbound", InboundAsync).RequireAuthorization(Permissions.Referrals.SendInbound)
            .WithSummary("Refer a person into your LEP's employability service (partners); it lands in the LEP's triage list.");
        return api;
    }

    private static async Task<Results<Created<ReferralRow>, NotFound, ForbidHttpResult, ValidationProblem>> CreateAsync(
        ReferralRequest request, ReferralCommands commands, NolbDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.ParticipantId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["participantId"] = ["Give the id of the person you are referring"] });
        }

        var result = await commands.CreateAsync(request.ParticipantId.Value, request.ServiceId, request.Reason, request.Share ?? [], ct);
        return result.Outcome switch
        {
            CaseCommands.Outcome.NotFound => TypedResults.NotFound(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            CaseCommands.Outcome.Invalid => Problem(result),
            _ => TypedResults.Created($"/api/v1/referrals/{result.Value!.Id}", await RowAsync(db, commands, clock, result.Value.Id, ct)),
        };
    }

    private static async Task<Results<Created<ReferralRow>, ValidationProblem>> InboundAsync(
        ReferralCommands.InboundInput request, ReferralCommands commands, NolbDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await commands.InboundAsync(request, ct);
        return result.Outcome == CaseCommands.Outcome.Done
            ? TypedResults.Created($"/api/v1/referrals/{result.Value!.Id}", await RowAsync(db, commands, clock, result.Value.Id, ct))
            : Problem(result);
    }

    private static async Task<Ok<List<ReferralRow>>> InboxAsync(NolbDbContext db, CurrentUser user, ReferralCommands commands, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await db.Inbox(user).RowsAsync(db, commands.Options, Today(clock), ct));

    /// <summary>Two permissions use this list, so the route cannot name one: a user with neither is refused here (403), like any other route.</summary>
    private static async Task<Results<Ok<List<ReferralRow>>, ForbidHttpResult>> OutboxAsync(NolbDbContext db, CurrentUser user, ReferralCommands commands, TimeProvider clock, CancellationToken ct) =>
        user.Has(Permissions.Referrals.Make) || user.Has(Permissions.Referrals.SendInbound)
            ? TypedResults.Ok(await db.Outbox(user).RowsAsync(db, commands.Options, Today(clock), ct))
            : TypedResults.Forbid();

    private static async Task<Ok<List<ReferralRow>>> TriageAsync(NolbDbContext db, CurrentUser user, ReferralCommands commands, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await db.Triage(user).RowsAsync(db, commands.Options, Today(clock), ct));

    private static async Task<Results<Ok<ReferralRow>, NotFound>> GetAsync(
        Guid id, NolbDbContext db, CurrentUser user, ReferralCommands commands, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var referral = await db.Referrals.FindAsync([id], ct);
        if (referral is null || !(await ReferralAccess.ForAsync(db, user, referral, ct)).CanSee)
        {
            return TypedResults.NotFound();
        }

        await audit.ReadAsync(nameof(Referral), referral.Id, referral.LepId, ct);
        return TypedResults.Ok(await RowAsync(db, commands, clock, id, ct));
    }

    private static async Task<Results<Ok<ReferralRow>, NotFound, ForbidHttpResult, ValidationProblem>> Respond(
        Task<CaseCommands.Result<Referral>> action, ReferralCommands commands)
    {
        var result = await action;
        return result.Outcome switch
        {
            CaseCommands.Outcome.NotFound => TypedResults.NotFound(),
            CaseCommands.Outcome.Forbidden => TypedResults.Forbid(),
            CaseCommands.Outcome.Invalid => Problem(result),
            _ => TypedResults.Ok(ToRow(result.Value!, commands.Options)),
        };
    }

    private static ValidationProblem Problem(CaseCommands.Result<Referral> result) =>
        TypedResults.ValidationProblem(new[] { (result.Field ?? "", result.Error!) }.ToProblemErrors());

    private static async Task<ReferralRow> RowAsync(NolbDbContext db, ReferralCommands commands, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await db.Referrals.Where(r => r.Id == id).RowsAsync(db, commands.Options, Today(clock), ct)).Single();

    private static ReferralRow ToRow(Referral r, ReferralOptions options) => new(
        r.Id, r.Direction, r.ParticipantId, r.ServiceId, null, null, null, r.IsExternal, r.Reason, r.ConsentToShare, r.Shared, r.Status, r.SentAt, "",
        r.RespondedAt, r.DeclineReason, r.DeclineNote, r.FirstContactOn, r.CompletedAt, r.OutcomeNote, r.AllocatedToUserId, false, r.Version);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
