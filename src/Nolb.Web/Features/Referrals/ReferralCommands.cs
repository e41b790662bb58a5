using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Referrals;

/// <summary>
/// Making and answering referrals. Each loads the referral or record, checks the user may act on it (404 when
/// they may not see it, 403 when they may only read it), applies the rule on the entity and saves once.
/// Personal details go with a referral only when the person has agreed to share with the receiving organisation.
/// </summary>
public sealed class ReferralCommands(NolbDbContext db, CurrentUser currentUser, TimeProvider clock, IOptions<ReferralOptions> options)
{
    public sealed record InboundInput(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Phone, string? Email, string? Postcode, string? Reason, string? LepCode);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("A signed-in user is needed.");

    public ReferralOptions Options => options.Value;

    public async Task<CaseCommands.Result<Referral>> CreateAsync(Guid participantId, Guid? serviceId, string? reason, IReadOnlyList<ShareItem> share, CancellationToken ct)
    {
        var participant = await db.Participants.Include(p => p.Engagements).Include(p => p.Consents).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null || !currentUser.CanRead(participant))
        {
            return new(CaseCommands.Outcome.NotFound, null);
        }

        if (!currentUser.CanEdit(participant) || !currentUser.Has(Permissions.Referrals.Make))
        {
            return new(CaseCommands.Outcome.Forbidden, null);
        }

        var service = serviceId is null ? null : await db.DirectoryServices.Include(s => s.Organisation).AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == serviceId && s.Active && (s.LepId == null || s.LepId == participant.LepId), ct);
        if (service is null)
        {
            return Invalid("serviceId", "Choose an open service from the person's LEP's directory or a national one");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return Invalid("reason", "Say why you are referring the person and what they need, in 2,000 characters or fewer");
        }

        var consent = participant.HasActiveConsent(ConsentKind.ShareWithPartner, service.OrganisationId);
        if (share.Count > 0 && !consent)
        {
            return Invalid("share", $"{participant.DisplayName} has not agreed to share their details with {service.Organisation!.Name}. Record their consent first, or send the referral without personal details");
        }

        var shared = new SharedDetails();
        if (share.Contains(ShareItem.Name))
        {
            shared.Name = $"{participant.GivenName} {participant.FamilyName}";
        }

        if (share.Contains(ShareItem.DateOfBirth))
        {
            shared.DateOfBirth = participant.DateOfBirth;
        }

        if (share.Contains(ShareItem.ContactDetails))
        {
            shared.Phone = participant.Phone;
            shared.Email = participant.Email;
        }

        if (share.Contains(ShareItem.Address))
        {
            shared.Address = participant.AddressLine;
            shared.Postcode = participant.Postcode;
        }

        var hasPartnerInNolb = await db.Users.AnyAsync(u => u.OrganisationId == service.OrganisationId && u.Role == Role.PartnerWorker && !u.IsDisabled, ct);
        var referral = new Referral
        {
            Direction = ReferralDirection.Outbound,
            LepId = participant.LepId,
            ParticipantId = participant.Id,
            ServiceId = service.Id,
            ToOrganisationId = service.OrganisationId,
            SentByUserId = UserId,
            SentAt = Now,
            IsExternal = !hasPartnerInNolb,
            Reason = reason.Trim(),
            ConsentToShare = consent,
            Shared = shared,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return new(CaseCommands.Outcome.Done, referral);
    }

    public Task<CaseCommands.Result<Referral>> AcceptAsync(Guid id, Guid? version, CancellationToken ct) =>
        RespondAsync(id, version, r => r.Accept(UserId, Now), ct);

    public Task<CaseCommands.Result<Referral>> DeclineAsync(Guid id, DeclineReason? reason, string? note, Guid? version, CancellationToken ct) =>
        RespondAsync(id, version, r => r.Decline(reason, note is { Length: > 1000 } ? note[..1000] : note, UserId, Now), ct);

    public Task<CaseCommands.Result<Referral>> RecordFirstContactAsync(Guid id, DateOnly? on, Guid? version, CancellationToken ct) =>
        RespondAsync(id, version, r => r.RecordFirstContact(on, Today), ct);

    public Task<CaseCommands.Result<Referral>> CompleteAsync(Guid id, string? outcome, Guid? version, CancellationToken ct) =>
        RespondAsync(id, version, r => r.Complete(outcome is { Length: > 1000 } ? outcome[..1000] : outcome, Now), ct);

    /// <summary>A partner refers a person into their LEP; it waits in the LEP's triage list for a team leader.</summary>
    public async Task<CaseCommands.Result<Referral>> InboundAsync(InboundInput input, CancellationToken ct)
    {
        var organisation = currentUser.OrganisationId is { } orgId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct) : null;
        if (organisation is null)
        {
            return Invalid("", "Your account is not linked to an organisation, so it cannot send referrals. Ask an administrator to set your organisation");
        }

        Guid? lepId = organisation.LepId;
        if (!string.IsNullOrWhiteSpace(input.LepCode))
        {
            var code = CouncilAreaCodes.Normalise(input.LepCode);
            lepId = await db.Leps.Where(l => l.Code == code).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
            if (lepId is null || (organisation.LepId is { } own && own != lepId))
            {
                return Invalid("lepCode", "Give the code of your own LEP's council area, like S12000049, or leave it empty");
            }
        }

        if (lepId is null)
        {
            return Invalid("lepCode", "Your organisation works nationally: give the council area code of the LEP you are referring to, like S12000049");
        }

        if (string.IsNullOrWhiteSpace(input.GivenName) || string.IsNullOrWhiteSpace(input.FamilyName) || input.GivenName.Length + input.FamilyName.Length > 190)
        {
            return Invalid("familyName", "Enter the person's given and family names");
        }

        if (input.DateOfBirth is { } dob && (dob > Today || dob < Today.AddYears(-120)))
        {
            return Invalid("dateOfBirth", "Enter a real date of birth in the past, or leave it out");
        }

        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email))
        {
            return Invalid("phone", "Give a phone number or an email address so the LEP can contact the person");
        }

        if ((input.Phone?.Length ?? 0) > 30 || (input.Email?.Length ?? 0) > 256 || (input.Postcode?.Trim().Length ?? 0) > 8)
        {
            return Invalid("phone", "The phone number must be 30 characters or fewer, the email 256 and the postcode 8");
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 2000)
        {
            return Invalid("reason", "Say why you are referring the person and what they need, in 2,000 characters or fewer");
        }

        var referral = new Referral
        {
            Direction = ReferralDirection.Inbound,
            LepId = lepId.Value,
            FromOrganisationId = organisation.Id,
            SentByUserId = UserId,
            SentAt = Now,
            Reason = input.Reason.Trim(),
            ConsentToShare = true,
            Shared = new SharedDetails
            {
                Name = $"{input.GivenName.Trim()} {input.FamilyName.Trim()}",
                DateOfBirth = input.DateOfBirth,
                Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(),
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
                Postcode = string.IsNullOrWhiteSpace(input.Postcode) ? null : input.Postcode.Trim().ToUpperInvariant(),
            },
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return new(CaseCommands.Outcome.Done, referral);
    }

    /// <summary>A team leader gives an inbound referral to a key worker of the LEP.</summary>
    public async Task<CaseCommands.Result<Referral>> AllocateAsync(Guid id, Guid? keyWorkerId, Guid? version, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null || referral.Direction != ReferralDirection.Inbound || referral.LepId != currentUser.LepId || !currentUser.Has(Permissions.Referrals.Triage))
        {
            return new(CaseCommands.Outcome.NotFound, null);
        }

        if (keyWorkerId is null || !await db.Users.AnyAsync(u => u.Id == keyWorkerId && u.LepId == referral.LepId && !u.IsDisabled && (u.Role == Role.KeyWorker || u.Role == Role.TeamLeader), ct))
        {
            return Invalid("keyWorkerId", "Choose a key worker or team leader in this LEP");
        }

        return await SaveAsync(referral, version, referral.Allocate(keyWorkerId.Value, UserId, Now), ct);
    }

    private async Task<CaseCommands.Result<Referral>> RespondAsync(Guid id, Guid? version, Func<Referral, DomainResult<Referral>> act, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null || referral.Direction != ReferralDirection.Outbound)
        {
            return new(CaseCommands.Outcome.NotFound, null);
        }

        var access = await ReferralAccess.ForAsync(db, currentUser, referral, ct);
        if (!access.CanSee)
        {
            return new(CaseCommands.Outcome.NotFound, null);
        }

        if (!access.CanRespond)
        {
            return new(CaseCommands.Outcome.Forbidden, null);
        }

        return await SaveAsync(referral, version, act(referral), ct);
    }

    private async Task<CaseCommands.Result<Referral>> SaveAsync(Referral referral, Guid? version, DomainResult<Referral> result, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return Invalid(result.Field!, result.Error!);
        }

        if (version is { } v)
        {
            db.Entry(referral).Property(r => r.Version).OriginalValue = v;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Invalid("", "Someone else updated this referral while you were looking at it. Reload the page to see their change");
        }

        return new(CaseCommands.Outcome.Done, referral);
    }

    private static CaseCommands.Result<Referral> Invalid(string field, string error) => new(CaseCommands.Outcome.Invalid, null, field, error);
}

/// <summary>
/// Who may see and answer a referral. The receiving organisation's partner workers see and answer referrals to
/// it, and nothing else; staff who can read the person's record see its referrals, and answer for an external
/// service that has nobody in Nolb; for inbound referrals, the LEP's staff and the sending organisation see them.
/// </summary>
public sealed record ReferralAccess(bool CanSee, bool CanRespond, bool IsReceiver)
{
    public static async Task<ReferralAccess> ForAsync(NolbDbContext db, CurrentUser user, Referral referral, CancellationToken ct)
    {
        if (referral.Direction == ReferralDirection.Inbound)
        {
            var lepStaff = user.LepId == referral.LepId && (user.Has(Permissions.Referrals.Triage) || user.Has(Permissions.Participants.ReadLep));
            var sender = user.OrganisationId is not null && user.OrganisationId == referral.FromOrganisationId && user.Has(Permissions.Referrals.SendInbound);
            return new(lepStaff || sender, false, false);
        }

        if (user.Has(Permissions.Referrals.ReceiveForOrganisation) && user.OrganisationId is not null && user.OrganisationId == referral.ToOrganisationId)
        {
            return new(true, true, true);
        }

        if (referral.ParticipantId is { } participantId && referral.LepId == user.LepId && user.Has(Permissions.Participants.ReadOwnCaseload))
        {
            var participant = await db.Participants.AsNoTracking().Include(p => p.Engagements).SingleOrDefaultAsync(p => p.Id == participantId, ct);
            if (participant is not null && user.CanRead(participant))
            {
                return new(true, referral.IsExternal && user.CanEdit(participant), false);
            }
        }

        return new(false, false, false);
    }
}
