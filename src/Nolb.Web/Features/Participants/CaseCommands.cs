using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Participants;

/// <summary>
/// What happens to a case: engagements start and close, stages move, cases are reassigned and transferred,
/// consents are given and withdrawn. Each loads the record, checks the user may change it (404 when they
/// may not see it, 403 when they may only read it), applies the domain rule and saves once.
/// </summary>
public sealed class CaseCommands(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public enum Outcome
    {
        Done,
        NotFound,
        Forbidden,
        Invalid,
    }

    public sealed record Result<T>(Outcome Outcome, T? Value, string? Field = null, string? Error = null);

    private static Result<T> From<T>(DomainResult<T> result) =>
        result.Succeeded ? new(Outcome.Done, result.Value) : new(Outcome.Invalid, default, result.Field, result.Error);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    public async Task<Result<Engagement>> StartEngagementAsync(
        Guid participantId, DateOnly? startDate, ReferralSource? source, IReadOnlyList<FundingStream> funding, Guid? keyWorkerId, CancellationToken ct)
    {
        var (participant, failure) = await EditableAsync<Engagement>(participantId, ct);
        if (participant is null)
        {
            return failure!;
        }

        if (startDate is null)
        {
            return Invalid<Engagement>("startDate", "Enter the date support started");
        }

        if (source is null || !Enum.IsDefined(source.Value))
        {
            return Invalid<Engagement>("referralSource", "Choose who referred the person, or 'Self' if they came themselves");
        }

        if (funding.Count == 0 || funding.Any(f => !Enum.IsDefined(f)))
        {
            return Invalid<Engagement>("fundingStreams", "Choose at least one funding stream");
        }

        var keyWorker = keyWorkerId ?? (currentUser.Role == Role.KeyWorker ? currentUser.Id : null);
        if (keyWorker is not null && !await IsKeyWorkerInLepAsync(keyWorker.Value, participant.LepId, ct))
        {
            return Invalid<Engagement>("keyWorkerId", "Choose a key worker or team leader in this LEP");
        }

        var result = From(participant.StartEngagement(startDate.Value, source.Value, funding, keyWorker, UserId, Today, Now));
        return await SaveIfDoneAsync(result, ct);
    }

    public async Task<Result<StageMove>> MoveStageAsync(Guid engagementId, int? stage, DateOnly? date, string? reason, CancellationToken ct)
    {
        var (engagement, failure) = await EditableEngagementAsync<StageMove>(engagementId, ct);
        if (engagement is null)
        {
            return failure!;
        }

        if (stage is null || stage < 1 || stage > 5)
        {
            return Invalid<StageMove>("stage", "Choose a stage from 1 to 5");
        }

        if (date is null)
        {
            return Invalid<StageMove>("date", "Enter the date of the move");
        }

        var result = From(engagement.MoveTo((PipelineStage)stage.Value, date.Value, reason, UserId, Today, Now));
        return await SaveIfDoneAsync(result, ct);
    }

    public async Task<Result<Engagement>> CloseEngagementAsync(Guid engagementId, DateOnly? date, LeavingReason? reason, CancellationToken ct)
    {
        var (engagement, failure) = await EditableEngagementAsync<Engagement>(engagementId, ct);
        if (engagement is null)
        {
            return failure!;
        }

        if (date is null)
        {
            return Invalid<Engagement>("date", "Enter the date the person left");
        }

        if (reason is null)
        {
            return Invalid<Engagement>("reason", "Choose why the person is leaving");
        }

        var result = From(engagement.Close(date.Value, reason.Value, Today));
        return await SaveIfDoneAsync(result, ct);
    }

    public async Task<Result<CaseAssignment>> ReassignAsync(Guid engagementId, Guid? toKeyWorkerId, string? reason, CancellationToken ct)
    {
        // Another LEP's case answers 404 before the permission is checked, so a refusal never confirms it exists.
        var (engagement, failure) = await EditableEngagementAsync<CaseAssignment>(engagementId, ct);
        if (engagement is null)
        {
            return failure!;
        }

        if (!currentUser.Has(Permissions.Participants.Reassign))
        {
            return new(Outcome.Forbidden, null);
        }

        if (toKeyWorkerId is null || !await IsKeyWorkerInLepAsync(toKeyWorkerId.Value, engagement.LepId, ct))
        {
            return Invalid<CaseAssignment>("toKeyWorkerId", "Choose a key worker or team leader in this LEP");
        }

        if (toKeyWorkerId == engagement.KeyWorkerId)
        {
            return Invalid<CaseAssignment>("toKeyWorkerId", "This case is already with that key worker");
        }

        if (!engagement.IsOpen)
        {
            return Invalid<CaseAssignment>("toKeyWorkerId", "This engagement is closed, so it has no key worker to change");
        }

        var assignment = engagement.Reassign(toKeyWorkerId, reason, UserId, Now);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Done, assignment);
    }

    public async Task<Result<Consent>> RecordConsentAsync(Guid participantId, ConsentKind? kind, Guid? organisationId, DateOnly? givenOn, CancellationToken ct)
    {
        var (participant, failure) = await EditableAsync<Consent>(participantId, ct);
        if (participant is null)
        {
            return failure!;
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            return Invalid<Consent>("kind", "Choose what the person agreed to");
        }

        if (kind == ConsentKind.ShareWithPartner
            && (organisationId is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId && (o.LepId == null || o.LepId == participant.LepId), ct)))
        {
            return Invalid<Consent>("organisationId", "Name the partner organisation the person agreed to share with");
        }

        if (givenOn is null || givenOn > Today)
        {
            return Invalid<Consent>("givenOn", "Enter the date the person agreed, today or earlier");
        }

        if (participant.HasActiveConsent(kind.Value, kind == ConsentKind.ShareWithPartner ? organisationId : null))
        {
            return Invalid<Consent>("kind", "This consent is already recorded and has not been withdrawn");
        }

        var consent = new Consent
        {
            ParticipantId = participant.Id,
            Kind = kind.Value,
            OrganisationId = kind == ConsentKind.ShareWithPartner ? organisationId : null,
            GivenOn = givenOn.Value,
            RecordedByUserId = UserId,
            RecordedAt = Now,
        };
        participant.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Done, consent);
    }

    public async Task<Result<Consent>> WithdrawConsentAsync(Guid participantId, Guid consentId, DateOnly? withdrawnOn, CancellationToken ct)
    {
        var (participant, failure) = await EditableAsync<Consent>(participantId, ct);
        if (participant is null)
        {
            return failure!;
        }

        var consent = participant.Consents.SingleOrDefault(c => c.Id == consentId);
        if (consent is null)
        {
            return new(Outcome.NotFound, null);
        }

        if (!consent.IsActive)
        {
            return Invalid<Consent>("withdrawnOn", "This consent is already withdrawn");
        }

        if (withdrawnOn is null || withdrawnOn > Today || withdrawnOn < consent.GivenOn)
        {
            return Invalid<Consent>("withdrawnOn", "Enter the date the person withdrew consent: on or after the day they gave it, and not in the future");
        }

        consent.Withdraw(withdrawnOn.Value, UserId);
        if (consent.Kind == ConsentKind.ShareWithPartner && consent.OrganisationId is { } organisationId
            && !participant.Consents.Any(c => c.Id != consent.Id && c.IsActive && c.Kind == ConsentKind.ShareWithPartner && c.OrganisationId == organisationId))
        {
            // Open referrals to that organisation stop carrying the person's details from now on.
            var open = await db.Referrals.Where(r => r.ParticipantId == participant.Id && r.ToOrganisationId == organisationId
                && r.Direction == Domain.Referrals.ReferralDirection.Outbound
                && (r.Status == Domain.Referrals.ReferralStatus.Sent || r.Status == Domain.Referrals.ReferralStatus.Accepted)).ToListAsync(ct);
            open.ForEach(r => r.WithdrawConsentToShare());
        }

        await db.SaveChangesAsync(ct);
        return new(Outcome.Done, consent);
    }

    /// <summary>
    /// Moves the record to the LEP of the area the person moved to, with their consent. Any open engagement
    /// closes as "moved to another area"; the sending LEP keeps its engagements (and so its statistics) but
    /// can no longer open the person's record.
    /// </summary>
    public async Task<Result<Participant>> TransferAsync(Guid participantId, string? toLepCode, CancellationToken ct)
    {
        var (participant, failure) = await EditableAsync<Participant>(participantId, ct);
        if (participant is null)
        {
            return failure!;
        }

        if (!currentUser.Has(Permissions.Participants.Transfer))
        {
            return new(Outcome.Forbidden, null);
        }

        var code = string.IsNullOrWhiteSpace(toLepCode) ? "" : CouncilAreaCodes.Normalise(toLepCode);
        var target = await db.Leps.SingleOrDefaultAsync(l => l.Code == code, ct);
        if (target is null)
        {
            return Invalid<Participant>("toLepCode", "Choose the LEP of the area the person has moved to");
        }

        if (target.Id == participant.LepId)
        {
            return Invalid<Participant>("toLepCode", "The person's record is already with this LEP");
        }

        if (!participant.HasActiveConsent(ConsentKind.TransferToAnotherLep))
        {
            return Invalid<Participant>("toLepCode", "Record the person's consent to transfer their record before transferring it");
        }

        if (participant.OpenEngagement is { } open)
        {
            var closed = open.Close(Today < open.StartDate ? open.StartDate : Today, LeavingReason.MovedToAnotherArea, Today);
            if (!closed.Succeeded)
            {
                return Invalid<Participant>("toLepCode", closed.Error!);
            }
        }

        participant.LepId = target.Id;
        await db.SaveChangesAsync(ct);
        return new(Outcome.Done, participant);
    }

    private async Task<bool> IsKeyWorkerInLepAsync(Guid userId, Guid lepId, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Id == userId && u.LepId == lepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader), ct);

    private async Task<(Participant?, Result<T>?)> EditableAsync<T>(Guid participantId, CancellationToken ct)
    {
        var participant = await db.Participants
            .Include(p => p.Engagements).ThenInclude(e => e.StageMoves)
            .Include(p => p.Consents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null || !currentUser.CanRead(participant))
        {
            return (null, new(Outcome.NotFound, default));
        }

        return currentUser.CanEdit(participant) ? (participant, null) : (null, new(Outcome.Forbidden, default));
    }

    private async Task<(Engagement?, Result<T>?)> EditableEngagementAsync<T>(Guid engagementId, CancellationToken ct)
    {
        var participantId = await db.Engagements.Where(e => e.Id == engagementId).Select(e => (Guid?)e.ParticipantId).SingleOrDefaultAsync(ct);
        if (participantId is null)
        {
            return (null, new(Outcome.NotFound, default));
        }

        var (participant, failure) = await EditableAsync<T>(participantId.Value, ct);
        return participant is null ? (null, failure) : (participant.Engagements.Single(e => e.Id == engagementId), null);
    }

    private async Task<Result<T>> SaveIfDoneAsync<T>(Result<T> result, CancellationToken ct)
    {
        if (result.Outcome == Outcome.Done)
        {
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    private static Result<T> Invalid<T>(string field, string error) => new(Outcome.Invalid, default, field, error);
}
