using Nolb.Web.Domain.Assessments;

namespace Nolb.Web.Domain.ActionPlans;

/// <summary>
/// The person's plan for one engagement: goals and actions in their own words, and the date the plan
/// is next reviewed with them. Made when the first action is added or a review date is set.
/// </summary>
public sealed class ActionPlan : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EngagementId { get; init; }
    public Guid LepId { get; init; }
    public DateOnly? ReviewDate { get; private set; }
    public List<ActionPlanItem> Items { get; init; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A review is due on its date and stays due until a later date is set.</summary>
    public bool ReviewDue(DateOnly today) => ReviewDate is { } date && date <= today;

    public DomainResult<ActionPlan> SetReviewDate(DateOnly? date, DateOnly engagementStart)
    {
        if (date is null)
        {
            return DomainResult.Fail<ActionPlan>("reviewDate", "Enter the date to review the plan with the person");
        }

        if (date < engagementStart)
        {
            return DomainResult.Fail<ActionPlan>("reviewDate", "The review date cannot be before the engagement started");
        }

        ReviewDate = date;
        return DomainResult.Ok(this);
    }

    public DomainResult<ActionPlanItem> Add(ActionPlanDetails details, Guid createdBy, DateTime now)
    {
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return DomainResult.Fail<ActionPlanItem>(errors[0].Field, errors[0].Message);
        }

        var item = new ActionPlanItem
        {
            ActionPlanId = Id,
            LepId = LepId,
            CreatedByUserId = createdBy,
            CreatedAt = now,
            Goal = "",
            Action = "",
        };
        item.Apply(details, DateOnly.FromDateTime(now));
        Items.Add(item);
        return DomainResult.Ok(item);
    }
}

/// <summary>One goal and the action towards it: who does it, by when, how it is going, and the barrier it tackles.</summary>
public sealed class ActionPlanItem : IVersioned
{
    public const int MaxGoalLength = 500;
    public const int MaxActionLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ActionPlanId { get; init; }
    public Guid LepId { get; init; }
    public required string Goal { get; set; }
    public required string Action { get; set; }
    public ActionOwner Owner { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public Organisation? Organisation { get; set; }
    public DateOnly? DueDate { get; private set; }
    public ActionStatus Status { get; private set; }

    /// <summary>The day the action was marked done or no longer needed; null while it is open.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public AssessmentDomain? Domain { get; private set; }
    public Guid CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is ActionStatus.NotStarted or ActionStatus.InProgress;

    /// <summary>Overdue: due before today and neither done nor no longer needed.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueDate is { } due && due < today;

    public DomainResult<ActionPlanItem> Update(ActionPlanDetails details, DateOnly today)
    {
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return DomainResult.Fail<ActionPlanItem>(errors[0].Field, errors[0].Message);
        }

        Apply(details, today);
        return DomainResult.Ok(this);
    }

    internal void Apply(ActionPlanDetails details, DateOnly today)
    {
        Goal = details.Goal!.Trim();
        Action = details.Action!.Trim();
        Owner = details.Owner!.Value;
        OrganisationId = Owner == ActionOwner.PartnerOrganisation ? details.OrganisationId : null;
        DueDate = details.DueDate;
        var wasOpen = IsOpen;
        Status = details.Status ?? ActionStatus.NotStarted;
        ClosedOn = IsOpen ? null : wasOpen || ClosedOn is null ? today : ClosedOn;
        Domain = details.Domain;
    }
}

/// <summary>What a key worker writes for a goal and action, from the page or the API, before it is checked.</summary>
public sealed record ActionPlanDetails(
    string? Goal, string? Action, ActionOwner? Owner, Guid? OrganisationId, DateOnly? DueDate, ActionStatus? Status, AssessmentDomain? Domain)
{
    /// <summary>Every problem with the details, each naming its field (camelCase, as the API names it).</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Goal))
        {
            errors.Add(("goal", "Enter the goal, in the person's own words"));
        }
        else if (Goal.Trim().Length > ActionPlanItem.MaxGoalLength)
        {
            errors.Add(("goal", "The goal must be 500 characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            errors.Add(("action", "Enter the action: what will be done towards the goal"));
        }
        else if (Action.Trim().Length > ActionPlanItem.MaxActionLength)
        {
            errors.Add(("action", "The action must be 1,000 characters or fewer"));
        }

        if (Owner is null || !Enum.IsDefined(Owner.Value))
        {
            errors.Add(("owner", "Choose who will do this: the person, their key worker or a partner organisation"));
        }
        else if (Owner == ActionOwner.PartnerOrganisation && OrganisationId is null)
        {
            errors.Add(("organisationId", "Choose the partner organisation that will do this"));
        }

        if (Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(("status", "Choose a status: not started, in progress, done or no longer needed"));
        }

        if (Domain is { } domain && !Enum.IsDefined(domain))
        {
            errors.Add(("domain", "Choose the barrier this tackles from the needs assessment, or none"));
        }

        return errors;
    }
}

public enum ActionOwner
{
    Participant,
    KeyWorker,
    PartnerOrganisation,
}

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
    NoLongerNeeded,
}
