namespace Nolb.Web.Domain.Participants;

/// <summary>
/// A period of support. Its current stage is the latest move by date; moves may go forward, back or
/// skip stages (the pipeline is not linear), and every move is kept.
/// </summary>
public sealed class Engagement : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public Participant? Participant { get; set; }

    /// <summary>The LEP that delivers this engagement: kept when the person later transfers elsewhere.</summary>
    public Guid LepId { get; init; }

    public DateOnly StartDate { get; set; }
    public ReferralSource ReferralSource { get; set; }
    public List<FundingStream> FundingStreams { get; set; } = [];
    public Guid? KeyWorkerId { get; set; }
    public PipelineStage CurrentStage { get; private set; } = PipelineStage.EngagementReferralAndAssessment;
    public DateOnly? LeftOn { get; private set; }
    public LeavingReason? LeavingReason { get; private set; }
    public List<StageMove> StageMoves { get; init; } = [];
    public List<CaseAssignment> Assignments { get; init; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => LeftOn is null;

    public DomainResult<StageMove> MoveTo(PipelineStage stage, DateOnly date, string? reason, Guid recordedBy, DateOnly today, DateTime now)
    {
        if (!Enum.IsDefined(stage))
        {
            return DomainResult.Fail<StageMove>("stage", "Choose a stage from 1 to 5");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainResult.Fail<StageMove>("reason", "Say why the person is moving to this stage");
        }

        if (reason.Length > 1000)
        {
            return DomainResult.Fail<StageMove>("reason", "The reason must be 1,000 characters or fewer");
        }

        if (!IsOpen)
        {
            return DomainResult.Fail<StageMove>("stage", "This engagement is closed. Start a new engagement to record more support");
        }

        if (date < StartDate)
        {
            return DomainResult.Fail<StageMove>("date", $"The date cannot be before the engagement started ({StartDate:d MMMM yyyy})");
        }

        if (date > today)
        {
            return DomainResult.Fail<StageMove>("date", "The date cannot be in the future");
        }

        var move = new StageMove
        {
            EngagementId = Id,
            Stage = stage,
            Date = date,
            Reason = reason.Trim(),
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        };
        StageMoves.Add(move);
        CurrentStage = StageMoves.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).Last().Stage;
        return DomainResult.Ok(move);
    }

    public DomainResult<Engagement> Close(DateOnly date, LeavingReason reason, DateOnly today)
    {
        if (!IsOpen)
        {
            return DomainResult.Fail<Engagement>("date", "This engagement is already closed");
        }

        if (!Enum.IsDefined(reason))
        {
            return DomainResult.Fail<Engagement>("reason", "Choose why the person is leaving");
        }

        if (date < StartDate || StageMoves.Any(m => m.Date > date))
        {
            return DomainResult.Fail<Engagement>("date", "The leaving date cannot be before the engagement started or before its last stage move");
        }

        if (date > today)
        {
            return DomainResult.Fail<Engagement>("date", "The leaving date cannot be in the future");
        }

        LeftOn = date;
        LeavingReason = reason;
        return DomainResult.Ok(this);
    }

    /// <summary>Hands the case to another key worker; the assignment is kept in the history.</summary>
    public CaseAssignment Reassign(Guid? toKeyWorkerId, string? reason, Guid recordedBy, DateTime now)
    {
        var assignment = new CaseAssignment
        {
            EngagementId = Id,
            FromKeyWorkerId = KeyWorkerId,
            ToKeyWorkerId = toKeyWorkerId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        };
        Assignments.Add(assignment);
        KeyWorkerId = toKeyWorkerId;
        return assignment;
    }
}

/// <summary>One move along the pipeline: the stage, the day it happened, why, and who recorded it.</summary>
public sealed class StageMove
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }
    public PipelineStage Stage { get; init; }
    public DateOnly Date { get; init; }
    public required string Reason { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
}

/// <summary>A change of key worker on a case.</summary>
public sealed class CaseAssignment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }
    public Guid? FromKeyWorkerId { get; init; }
    public Guid? ToKeyWorkerId { get; init; }
    public string? Reason { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
}

/// <summary>The five stages of the employability pipeline (seed 000, Annex 1). Values are the stage numbers.</summary>
public enum PipelineStage
{
    EngagementReferralAndAssessment = 1,
    NeedsAssessmentAndBarrierRemoval = 2,
    VocationalActivity = 3,
    EmployerEngagementAndJobMatching = 4,
    InWorkSupportAndAftercare = 5,
}

public enum ReferralSource
{
    Self,
    JobcentrePlus,
    SkillsDevelopmentScotland,
    Health,
    Housing,
    Justice,
    SchoolOrCollege,
    ThirdSector,
    Other,
}

public enum FundingStream
{
    NoOneLeftBehind,
    YoungPersonsGuarantee,
    ParentalEmployabilitySupport,
    UkSharedProsperityFund,
    LocalAuthorityCore,
    Other,
}

public enum LeavingReason
{
    EnteredEmployment,
    EnteredEducationOrTraining,
    EnteredVolunteering,
    CompletedSupport,
    MovedToAnotherArea,
    NoLongerEngaging,
    IllHealth,
    ChoseToLeave,
    Other,
}
