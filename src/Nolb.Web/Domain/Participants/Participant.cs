namespace Nolb.Web.Domain.Participants;

/// <summary>
/// A person supported by a partnership. The record belongs to one LEP (the one supporting them now);
/// engagements keep the LEP that delivered them, so a transfer leaves the sender's statistics intact.
/// </summary>
public sealed class Participant : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>A short reference people can read out on the phone, unique across Scotland.</summary>
    public required string Reference { get; init; }

    public Guid LepId { get; set; }
    public Lep? Lep { get; set; }

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string? PreferredName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? NationalInsuranceNumber { get; set; }
    public string? Postcode { get; set; }
    public string? AddressLine { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactMethod PreferredContact { get; set; }

    public EmploymentStatus EmploymentStatusAtStart { get; set; }
    public List<Benefit> BenefitsAtStart { get; set; } = [];

    /// <summary>SCQF level 0–12 of the highest qualification; null when none or not known.</summary>
    public int? HighestScqfLevel { get; set; }

    public EqualityMonitoring Equality { get; set; } = new();
    public LifeCircumstances Circumstances { get; set; } = new();

    public List<Consent> Consents { get; init; } = [];
    public List<Engagement> Engagements { get; init; } = [];

    public DateTime CreatedAt { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the person's identifying data was erased (on request or by the retention policy); the anonymous rest stays for statistics.</summary>
    public DateTime? ErasedAt { get; set; }

    public string DisplayName => $"{PreferredName ?? GivenName} {FamilyName}";

    public Engagement? OpenEngagement => Engagements.SingleOrDefault(e => e.IsOpen);

    public AgeBand AgeBandOn(DateOnly date) => Age.Band(DateOfBirth, date);

    public bool YoungPersonsGuaranteeEligibleOn(DateOnly date) =>
        Age.YoungPersonsGuaranteeEligible(DateOfBirth, Circumstances.CareExperienced, date);

    /// <summary>Whether the person has agreed to this and not withdrawn it; for sharing, with this organisation.</summary>
    public bool HasActiveConsent(ConsentKind kind, Guid? organisationId = null) =>
        Consents.Any(c => c.Kind == kind && c.IsActive && (organisationId is null || c.OrganisationId == organisationId));

    /// <summary>
    /// The ways staff may contact the person now. Phone calls, letters and meeting in person need only the
    /// details; texts and emails need the person's consent, and stop as soon as it is withdrawn.
    /// </summary>
    public IReadOnlyList<ContactMethod> AllowedContactMethods()
    {
        var allowed = new List<ContactMethod>();
        if (Phone is not null)
        {
            allowed.Add(ContactMethod.Phone);
            if (HasActiveConsent(ConsentKind.ContactByText))
            {
                allowed.Add(ContactMethod.Text);
            }
        }

        if (Email is not null && HasActiveConsent(ConsentKind.ContactByEmail))
        {
            allowed.Add(ContactMethod.Email);
        }

        if (AddressLine is not null || Postcode is not null)
        {
            allowed.Add(ContactMethod.Post);
        }

        allowed.Add(ContactMethod.InPerson);
        return allowed;
    }

    /// <summary>Starts a period of support. A person never has two open at once.</summary>
    public DomainResult<Engagement> StartEngagement(
        DateOnly startDate, ReferralSource referralSource, IReadOnlyList<FundingStream> fundingStreams,
        Guid? keyWorkerId, Guid recordedBy, DateOnly today, DateTime now)
    {
        if (OpenEngagement is not null)
        {
            return DomainResult.Fail<Engagement>("startDate", "This person already has an open engagement. Close it before starting another");
        }

        if (startDate > today)
        {
            return DomainResult.Fail<Engagement>("startDate", "The start date cannot be in the future");
        }

        if (startDate < DateOfBirth)
        {
            return DomainResult.Fail<Engagement>("startDate", "The start date cannot be before the person's date of birth");
        }

        if (Engagements.Any(e => e.LeftOn is { } left && left > startDate))
        {
            return DomainResult.Fail<Engagement>("startDate", "The start date must be after the person's last engagement ended");
        }

        var engagement = new Engagement
        {
            ParticipantId = Id,
            LepId = LepId,
            StartDate = startDate,
            ReferralSource = referralSource,
            FundingStreams = fundingStreams.Distinct().ToList(),
            KeyWorkerId = keyWorkerId,
        };
        engagement.StageMoves.Add(new StageMove
        {
            EngagementId = engagement.Id,
            Stage = PipelineStage.EngagementReferralAndAssessment,
            Date = startDate,
            Reason = "Engagement started",
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        });
        Engagements.Add(engagement);
        return DomainResult.Ok(engagement);
    }
}

public enum ContactMethod
{
    Phone,
    Text,
    Email,
    Post,
    InPerson,
}

public enum EmploymentStatus
{
    UnemployedUnder12Months,
    Unemployed12MonthsOrMore,
    EconomicallyInactive,
    EmployedInWorkPoverty,
    SelfEmployed,
    InEducationOrTraining,
    NotKnown,
}

public enum Benefit
{
    UniversalCredit,
    EmploymentAndSupportAllowance,
    JobseekersAllowance,
    IncomeSupport,
    PersonalIndependencePayment,
    AdultDisabilityPayment,
    CarersAllowance,
    Other,
}
