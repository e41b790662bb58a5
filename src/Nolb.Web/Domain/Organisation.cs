namespace Nolb.Web.Domain;

/// <summary>
/// A delivery partner or other organisation that takes part in a partnership. An organisation with
/// no LEP works nationally (e.g. Skills Development Scotland) and is visible to every LEP.
/// </summary>
public sealed class Organisation : IVersioned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public Guid? LepId { get; set; }
    public Lep? Lep { get; set; }
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsNational => LepId is null;
}

public enum OrganisationKind
{
    LocalAuthority,
    SkillsDevelopmentScotland,
    JobcentrePlus,
    NhsBoard,
    College,
    ThirdSector,
    PrivateProvider,
    Employer,
    Other,
}
