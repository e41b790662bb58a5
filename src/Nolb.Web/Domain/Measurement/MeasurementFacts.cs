using Nolb.Web.Domain.Assessments;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Outcomes;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.Referrals;

namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// The slim rows the indicator engine counts: read from the database in one set-based query per kind of
/// record (Features/Measurement/MeasurementData), or built by hand in tests. Nothing here names a person.
/// </summary>
public sealed record MeasurementFacts(
    IReadOnlyList<EngagementFact> Engagements,
    IReadOnlyList<StageMoveFact> StageMoves,
    IReadOnlyList<OutcomeFact> Outcomes,
    IReadOnlyList<SustainmentFact> SustainmentChecks,
    IReadOnlyList<InterventionFact> Interventions,
    IReadOnlyList<ReferralFact> Referrals,
    IReadOnlyList<AssessmentFact> Assessments)
{
    public static MeasurementFacts Empty { get; } = new([], [], [], [], [], [], []);

    /// <summary>Customer Charter ratings, for the satisfaction indicator. Not tied to a person: most feedback is anonymous.</summary>
    public IReadOnlyList<FeedbackFact> Feedback { get; init; } = [];

    /// <summary>Delivery contracts quarter by quarter, for the cost per start and per job outcome.</summary>
    public IReadOnlyList<ContractQuarterFact> ContractQuarters { get; init; } = [];
}

/// <summary>What is known about the person, for breakdowns: age comes from the date of birth on the day it matters.</summary>
public sealed record PersonFact(
    DateOnly DateOfBirth,
    Sex? Sex = null,
    Ethnicity? Ethnicity = null,
    YesNo? Disabled = null,
    YesNo? LongTermCondition = null,
    bool CareExperienced = false,
    bool Parent = false,
    bool LoneParent = false,
    bool DisabledParentOrChild = false,
    bool ThreeOrMoreChildren = false,
    bool MinorityEthnicFamily = false,
    bool YoungestChildUnderOne = false,
    bool MotherUnder25 = false,
    int? SimdQuintile = null);

public sealed record EngagementFact(
    Guid Id,
    Guid ParticipantId,
    Guid LepId,
    DateOnly StartDate,
    DateOnly? LeftOn,
    LeavingReason? LeavingReason,
    ReferralSource ReferralSource,
    IReadOnlyList<FundingStream> FundingStreams,
    PersonFact Person,
    Guid? KeyWorkerId = null)
{
    public bool OpenDuring(ReportingPeriod period) => StartDate <= period.To && (LeftOn is null || LeftOn >= period.From);
}

public sealed record StageMoveFact(Guid EngagementId, PipelineStage Stage, DateOnly Date, DateTime RecordedAt);

public sealed record OutcomeFact(
    Guid Id, Guid EngagementId, OutcomeKind Kind, DateOnly StartDate, decimal? HourlyPay = null, decimal? HoursPerWeek = null, ContractType? Contract = null);

public sealed record SustainmentFact(Guid Id, Guid EngagementId, SustainmentPoint Point, DateOnly DueDate, SustainmentResult? Result);

public sealed record InterventionFact(Guid Id, Guid EngagementId, string Category, DateOnly StartDate, DateOnly? EndDate, int? QualificationScqfLevel, bool HasQualification);

/// <summary>An outbound referral of a person on an engagement (matched to the engagement open when it was sent).</summary>
public sealed record ReferralFact(Guid Id, Guid EngagementId, DateOnly SentOn, ReferralStatus Status, DateOnly? FirstContactOn);

public sealed record AssessmentFact(Guid EngagementId, DateOnly AssessedOn, DateTime RecordedAt, IReadOnlyDictionary<AssessmentDomain, int> Scores);

/// <summary>
/// One rating (1 to 5) of one charter commitment, with the financial quarter the feedback was given in: anonymous
/// feedback keeps only its quarter, so feedback is counted in a period by its whole quarter.
/// </summary>
public sealed record FeedbackFact(Guid RatingId, Guid LepId, DateOnly QuarterFrom, DateOnly QuarterTo, int Score);

/// <summary>
/// One financial quarter of one delivery contract: the spend recorded for it (null until a claim is recorded) and the
/// starts and job outcomes the commissioning attribution rule gives the contract in that quarter.
/// </summary>
public sealed record ContractQuarterFact(
    Guid ContractId, Guid LepId, FundingStream FundingStream, DateOnly QuarterFrom, DateOnly QuarterTo, decimal? Spend, int Starts, int JobOutcomes);
