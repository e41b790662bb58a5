using Nolb.Web.Domain.Participants;

namespace Nolb.Web.Domain.ServiceDirectory;

/// <summary>
/// A service in the LEP's directory (an HSDS "service"): who runs it, who it is for, which pipeline stages
/// and Annex 1 intervention types it covers, what it costs the person, how many places it has and how to
/// refer. A service with no LEP is national and visible to every LEP. Ids double as HSDS ids, so
/// re-importing an exported file updates these records rather than adding copies.
/// </summary>
public sealed class DirectoryService : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The LEP whose directory lists it; null for a national service.</summary>
    public Guid? LepId { get; set; }
    public Lep? Lep { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }
    public ServiceKind Kind { get; set; }
    public bool Active { get; set; } = true;

    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? EligibilityDescription { get; set; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<PipelineStage> Stages { get; set; } = [];

    /// <summary>Annex 1 intervention category codes (see <see cref="InterventionTypes"/>).</summary>
    public List<string> InterventionTypes { get; set; } = [];

    /// <summary>What it costs the person, in words ("Free", "£2 a session"); HSDS fees_description.</summary>
    public string? Cost { get; set; }

    public int? PlacesPerQuarter { get; set; }

    /// <summary>How to refer someone (HSDS application_process).</summary>
    public string? ReferralMethod { get; set; }

    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }
    public string? FundingSource { get; set; }

    public List<ServiceLocation> Locations { get; init; } = [];
    public List<ServiceSchedule> Schedules { get; init; } = [];

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsNational => LepId is null;

    /// <summary>Whether a person of this age fits the service's age range.</summary>
    public bool AcceptsAge(int age) => (MinimumAge is null || age >= MinimumAge) && (MaximumAge is null || age <= MaximumAge);
}

/// <summary>Where a service is delivered (an HSDS location with its service_at_location link).</summary>
public sealed class ServiceLocation
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The HSDS service_at_location id that links this location to its service.</summary>
    public Guid LinkId { get; init; } = Guid.NewGuid();
    public Guid ServiceId { get; init; }
    public required string Name { get; set; }
    public string? AddressLine { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
}

/// <summary>When a service runs: a weekly pattern (HSDS schedule, freq WEEKLY).</summary>
public sealed class ServiceSchedule
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ServiceId { get; init; }

    /// <summary>RFC 5545 day codes, comma separated: "MO,WE".</summary>
    public required string ByDay { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public string? Description { get; set; }
}

public enum ServiceKind
{
    Employability,
    Health,
    Housing,
    MoneyAdvice,
    Justice,
    Dwp,
    Childcare,
    Transport,
    Other,
}

/// <summary>The groups LEPs target in their delivery plans (Annex 2 "Target Group").</summary>
public enum TargetGroup
{
    AllAges,
    YoungPeople,
    LongTermUnemployed,
    DisabledOrHealthCondition,
    Parents,
    CareExperienced,
    JusticeExperienced,
    MinorityEthnic,
    Over50,
    RefugeesAndNewScots,
    Carers,
    InRecovery,
    InWorkPoverty,
}
