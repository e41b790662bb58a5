namespace Nolb.Web.Domain;

/// <summary>
/// A Local Employability Partnership: one for each of Scotland's 32 council areas,
/// identified by the council area's GSS code (S12000xxx).
/// </summary>
public sealed class Lep
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The council area's current GSS code, e.g. S12000049 for Glasgow City.</summary>
    public required string Code { get; init; }

    /// <summary>The council area's name, e.g. "Glasgow City".</summary>
    public required string Name { get; set; }

    public string PartnershipName => $"{Name} Local Employability Partnership";
}
