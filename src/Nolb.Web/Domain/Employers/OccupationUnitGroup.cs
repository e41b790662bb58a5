namespace Nolb.Web.Domain.Employers;

/// <summary>
/// A SOC 2020 unit group (four-digit code and title) in the list Nolb searches and names occupations from. The list is
/// reference data: Nolb ships a partial starter list, and an administrator loads the full one from the Office for
/// National Statistics' "SOC 2020 Volume 1: structure and descriptions of unit groups" workbook.
/// </summary>
public sealed class OccupationUnitGroup
{
    public const int TitleLength = 200;

    public required string Code { get; init; }
    public required string Title { get; init; }
}

/// <summary>One load of the SOC 2020 list: where it came from, when and by whom — shown beside the list so users know its source.</summary>
public sealed class OccupationListLoad
{
    public const int SourceLength = 300;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Source { get; init; }
    public DateTime LoadedAt { get; init; }
    public Guid? LoadedByUserId { get; init; }
    public int UnitGroupCount { get; init; }
}
