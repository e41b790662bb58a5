using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.DeliveryPlans;

/// <summary>
/// One row of Annex 2, Service Delivery Requirements and Approach: who the provision is for and why, who delivers
/// it, the budget and where the money comes from, how many people, how, and the outcome expected; tagged with
/// the policy drivers it serves. Contracts link to it.
/// </summary>
public sealed class ServiceDeliveryRequirement : IVersioned
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PlanId { get; init; }
    public int Position { get; set; }
    public required string TargetGroup { get; set; }
    public string Rationale { get; set; } = "";
    public List<Guid> DeliveryPartnerIds { get; set; } = [];
    public decimal Budget { get; set; }
    public List<FundingStream> SourcesOfInvestment { get; set; } = [];
    public int Volumes { get; set; }
    public string DeliveryMethod { get; set; } = "";
    public string OutcomeExpected { get; set; } = "";
    public List<PolicyDriver> PolicyDrivers { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>The key policy drivers of No One Left Behind (Operating Plan 2022–2025).</summary>
public enum PolicyDriver
{
    ChildPoverty,
    GenderPayGap,
    DisabilityEmploymentGap,
    RaceEmploymentGap,
    FairWork,
    YoungPersonsGuarantee,
    ThePromise,
    CommunityWealthBuilding,
    PublicSectorReform,
    PlaceBasedApproaches,
}
