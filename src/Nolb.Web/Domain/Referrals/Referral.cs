namespace Nolb.Web.Domain.Referrals;

/// <summary>
/// A person handed from one service to another. Outbound referrals go from a key worker to a directory
/// service; the receiving partner accepts or declines, records first contact and completion. Inbound
/// referrals come into the LEP through the API and wait in triage until a team leader allocates them.
/// What was shared is a snapshot taken when the referral was sent, limited to what the person consented to.
/// </summary>
public sealed class Referral : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public ReferralDirection Direction { get; init; }
    public Guid LepId { get; init; }

    /// <summary>The person's record in Nolb: set for outbound referrals, and for inbound ones once allocated to a record.</summary>
    public Guid? ParticipantId { get; set; }

    /// <summary>For outbound referrals: the directory service and the organisation that runs it.</summary>
    public Guid? ServiceId { get; init; }
    public Guid? ToOrganisationId { get; init; }

    /// <summary>For inbound referrals: the organisation that sent the person to the LEP.</summary>
    public Guid? FromOrganisationId { get; init; }
    public Guid SentByUserId { get; init; }
    public DateTime SentAt { get; init; }

    /// <summary>The receiving organisation has nobody in Nolb, so the referral goes on paper or by email from a printed summary.</summary>
    public bool IsExternal { get; init; }

    /// <summary>Why the person is being referred and what they need, in the referrer's words.</summary>
    public required string Reason { get; init; }

    /// <summary>Whether the person agreed to share their details with the receiving organisation when it was sent.</summary>
    /// <remarks>Set when the referral is made; cleared (with the details shared) if the person later withdraws that consent.</remarks>
    public bool ConsentToShare { get; internal set; }
    public SharedDetails Shared { get; init; } = new();

    public ReferralStatus Status { get; private set; } = ReferralStatus.Sent;
    public DateTime? RespondedAt { get; private set; }
    public Guid? RespondedByUserId { get; private set; }
    public DeclineReason? DeclineReason { get; private set; }
    public string? DeclineNote { get; private set; }
    public DateOnly? FirstContactOn { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? OutcomeNote { get; private set; }

    /// <summary>For inbound referrals: the key worker a team leader gave the person to.</summary>
    public Guid? AllocatedToUserId { get; private set; }
    public DateTime? AllocatedAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Still waiting for someone to act: not yet accepted or declined (outbound), or not yet allocated (inbound).</summary>
    public bool AwaitingAction => Status == ReferralStatus.Sent;

    /// <summary>
    /// The person withdrew their consent to share with the receiving organisation: the personal details it was sent
    /// are taken off the referral, so the partner no longer sees them and sees why. The reason and timings stay.
    /// </summary>
    public void WithdrawConsentToShare()
    {
        ConsentToShare = false;
        Shared.Clear();
    }

    public DomainResult<Referral> Accept(Guid by, DateTime now)
    {
        if (Direction != ReferralDirection.Outbound || Status != ReferralStatus.Sent)
        {
            return DomainResult.Fail<Referral>("status", $"This referral is {Status.ToString().ToLowerInvariant()}, so it cannot be accepted now");
        }

        Status = ReferralStatus.Accepted;
        RespondedAt = now;
        RespondedByUserId = by;
        return DomainResult.Ok(this);
    }

    public DomainResult<Referral> Decline(DeclineReason? reason, string? note, Guid by, DateTime now)
    {
        if (Direction != ReferralDirection.Outbound || Status != ReferralStatus.Sent)
        {
            return DomainResult.Fail<Referral>("status", $"This referral is {Status.ToString().ToLowerInvariant()}, so it cannot be declined now");
        }

        if (reason is null || !Enum.IsDefined(reason.Value))
        {
            return DomainResult.Fail<Referral>("reason", "Choose why you are declining the referral");
        }

        if (reason == Referrals.DeclineReason.Other && string.IsNullOrWhiteSpace(note))
        {
            return DomainResult.Fail<Referral>("note", "Say why you are declining the referral, as the reason is 'Other'");
        }

        Status = ReferralStatus.Declined;
        DeclineReason = reason;
        DeclineNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RespondedAt = now;
        RespondedByUserId = by;
        return DomainResult.Ok(this);
    }

    public DomainResult<Referral> RecordFirstContact(DateOnly? on, DateOnly today)
    {
        if (Status != ReferralStatus.Accepted)
        {
            return DomainResult.Fail<Referral>("status", "Accept the referral before recording first contact");
        }

        if (on is null || on > today || on < DateOnly.FromDateTime(SentAt))
        {
            return DomainResult.Fail<Referral>("date", "Enter the date of first contact: on or after the day the referral was sent, and not in the future");
        }

        FirstContactOn = on;
        return DomainResult.Ok(this);
    }

    public DomainResult<Referral> Complete(string? outcome, DateTime now)
    {
        if (Status != ReferralStatus.Accepted)
        {
            return DomainResult.Fail<Referral>("status", "Only an accepted referral can be completed");
        }

        Status = ReferralStatus.Completed;
        CompletedAt = now;
        OutcomeNote = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim();
        return DomainResult.Ok(this);
    }

    public DomainResult<Referral> Allocate(Guid keyWorkerId, Guid by, DateTime now)
    {
        if (Direction != ReferralDirection.Inbound || Status != ReferralStatus.Sent)
        {
            return DomainResult.Fail<Referral>("status", "Only an inbound referral waiting in triage can be allocated");
        }

        Status = ReferralStatus.Allocated;
        AllocatedToUserId = keyWorkerId;
        AllocatedAt = now;
        RespondedAt = now;
        RespondedByUserId = by;
        return DomainResult.Ok(this);
    }
}

/// <summary>The person's details as sent; each is empty unless the person agreed and the referrer chose to share it.</summary>
public sealed class SharedDetails
{
    public string? Name { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }

    public bool IsEmpty => Name is null && DateOfBirth is null && Phone is null && Email is null && Address is null && Postcode is null;

    /// <summary>Takes every detail off: consent withdrawn, or the person's data erased.</summary>
    public void Clear()
    {
        Name = null;
        DateOfBirth = null;
        Phone = null;
        Email = null;
        Address = null;
        Postcode = null;
    }
}

public enum ReferralDirection
{
    Outbound,
    Inbound,
}

public enum ReferralStatus
{
    Sent,
    Accepted,
    Declined,
    Completed,
    Allocated,
}

public enum DeclineReason
{
    NotEligible,
    NoCapacity,
    PersonDidNotEngage,
    NeedsAnotherService,
    AlreadySupported,
    Other,
}

/// <summary>What a referrer may choose to share, each needing the person's consent to share with the receiver.</summary>
public enum ShareItem
{
    Name,
    DateOfBirth,
    ContactDetails,
    Address,
}
