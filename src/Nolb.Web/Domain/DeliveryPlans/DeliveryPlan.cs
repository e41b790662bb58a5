namespace Nolb.Web.Domain.DeliveryPlans;

/// <summary>
/// An LEP's delivery plan for a period (or an annual operational update of one), written in the sections of the
/// national Delivery Plan Framework. Only a draft changes; submitting freezes it for review; approval by a second
/// person keeps an immutable copy (<see cref="PlanVersion"/>) with the evidence as it stood; revising starts a new draft.
/// </summary>
public sealed class DeliveryPlan : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid LepId { get; init; }
    public required string Title { get; set; }
    public PlanKind Kind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;

    /// <summary>The date set in Section 6.5 by which the plan is next reviewed; shown as a reminder when it is near or past.</summary>
    public DateOnly? ReviewDate { get; set; }

    public Guid CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid? SubmittedByUserId { get; private set; }
    public string? SubmittedByName { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public List<PlanSection> Sections { get; init; } = [];
    public List<PlanMember> Members { get; init; } = [];
    public List<GovernanceLink> GovernanceLinks { get; init; } = [];
    public List<ServiceDeliveryRequirement> Requirements { get; init; } = [];
    public List<NpfAlignment> Alignments { get; init; } = [];
    public List<PlanComment> Comments { get; init; } = [];
    public List<PlanVersion> Versions { get; init; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsDraft => Status == PlanStatus.Draft;

    /// <summary>Why the plan cannot be changed now, or null when it can.</summary>
    public string? WhyNotEditable => Status switch
    {
        PlanStatus.Submitted => "The plan is submitted for approval and cannot be changed. Ask the approver to return it, then change it",
        PlanStatus.Approved => "The plan is approved and cannot be changed. Start a revision to change it; the approved version is kept",
        _ => null,
    };

    public PlanSection Section(string key)
    {
        var section = Sections.SingleOrDefault(s => s.Key == key);
        if (section is null)
        {
            section = new PlanSection { PlanId = Id, Key = key };
            Sections.Add(section);
        }

        return section;
    }

    public DomainResult<DeliveryPlan> Submit(Guid userId, string userName, DateTime now)
    {
        if (Status != PlanStatus.Draft)
        {
            return DomainResult.Fail<DeliveryPlan>("status", "Only a draft can be submitted for approval");
        }

        Status = PlanStatus.Submitted;
        SubmittedByUserId = userId;
        SubmittedByName = userName;
        SubmittedAt = now;
        return DomainResult.Ok(this);
    }

    /// <summary>Sends a submitted plan back to draft, e.g. after review comments.</summary>
    public DomainResult<DeliveryPlan> Return()
    {
        if (Status != PlanStatus.Submitted)
        {
            return DomainResult.Fail<DeliveryPlan>("status", "Only a submitted plan can be returned to draft");
        }

        Status = PlanStatus.Draft;
        return DomainResult.Ok(this);
    }

    /// <summary>
    /// Approves the submitted plan: the approver must not be the person who submitted it (a second pair of eyes).
    /// <paramref name="snapshot"/> is the plan as approved, with its evidence frozen.
    /// </summary>
    public DomainResult<PlanVersion> Approve(Guid approverId, string approverName, DateTime now, string snapshot)
    {
        if (Status != PlanStatus.Submitted)
        {
            return DomainResult.Fail<PlanVersion>("status", "Only a plan submitted for approval can be approved");
        }

        if (approverId == SubmittedByUserId)
        {
            return DomainResult.Fail<PlanVersion>("approver", "A plan is approved by someone other than the person who submitted it. Ask another LEP manager to approve it");
        }

        var version = new PlanVersion
        {
            PlanId = Id,
            Number = Versions.Count == 0 ? 1 : Versions.Max(v => v.Number) + 1,
            SubmittedByName = SubmittedByName ?? "",
            ApprovedByUserId = approverId,
            ApprovedByName = approverName,
            ApprovedAt = now,
            Snapshot = snapshot,
        };
        Versions.Add(version);
        Status = PlanStatus.Approved;
        return DomainResult.Ok(version);
    }

    /// <summary>Starts a new draft from an approved plan; the approved versions stay as they were.</summary>
    public DomainResult<DeliveryPlan> Revise()
    {
        if (Status != PlanStatus.Approved)
        {
            return DomainResult.Fail<DeliveryPlan>("status", "Only an approved plan can be revised");
        }

        Status = PlanStatus.Draft;
        SubmittedByUserId = null;
        SubmittedByName = null;
        SubmittedAt = null;
        return DomainResult.Ok(this);
    }
}

public enum PlanKind
{
    DeliveryPlan,
    AnnualOperationalUpdate,
}

public enum PlanStatus
{
    Draft,
    Submitted,
    Approved,
}

/// <summary>The text of one framework section (1.1–6.5); Section 3.1 may also hold a SWOT analysis.</summary>
public sealed class PlanSection
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public required string Key { get; init; }
    public string Text { get; set; } = "";
    public string? Strengths { get; set; }
    public string? Weaknesses { get; set; }
    public string? Opportunities { get; set; }
    public string? Threats { get; set; }
}

/// <summary>Section 1.2: a member organisation of the LEP with its role and remit.</summary>
public sealed class PlanMember
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Role { get; init; }
    public string? Remit { get; init; }
}

/// <summary>Section 1.3: a link from the LEP to its Community Planning Partnership or another group.</summary>
public sealed class GovernanceLink
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public required string GroupName { get; init; }
    public GovernanceLinkKind Kind { get; init; }
    public string? Relationship { get; init; }
}

public enum GovernanceLinkKind
{
    CommunityPlanningPartnership,
    ReportsTo,
    ReportsToLep,
    WorksWith,
}

/// <summary>Annex 3: the LEP's contribution to one National Performance Framework outcome.</summary>
public sealed class NpfAlignment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public NationalOutcome Outcome { get; init; }
    public string Contribution { get; set; } = "";
}

public enum NationalOutcome
{
    Economy,
    Poverty,
    Communities,
    Children,
    Education,
    FairWorkAndBusiness,
    Health,
    HumanRights,
}

/// <summary>A reviewer's or writer's comment on one section ("annex2", "annex3", "1.2" …).</summary>
public sealed class PlanComment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public required string SectionKey { get; init; }
    public Guid AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    public required string Text { get; init; }
    public DateTime At { get; init; }
}

/// <summary>An approved version: the whole plan as approved (JSON), never changed afterwards.</summary>
public sealed class PlanVersion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public int Number { get; init; }
    public required string SubmittedByName { get; init; }
    public Guid ApprovedByUserId { get; init; }
    public required string ApprovedByName { get; init; }
    public DateTime ApprovedAt { get; init; }
    public required string Snapshot { get; init; }
}
