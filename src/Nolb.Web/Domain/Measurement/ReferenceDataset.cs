namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// A set of reference figures an administrator loads from a file, with where the figures come from and the date
/// they describe. There is one current set of each kind: loading a new one replaces the old one whole.
/// </summary>
public sealed class ReferenceDataset
{
    public const int MaxSourceLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public ReferenceDataKind Kind { get; init; }

    /// <summary>Who published the figures, e.g. "National Records of Scotland, mid-2022 population estimates".</summary>
    public required string Source { get; init; }

    /// <summary>The date the figures describe (not the day they were loaded).</summary>
    public DateOnly FiguresDate { get; init; }

    public DateTime LoadedAt { get; init; }
    public Guid? LoadedByUserId { get; init; }
    public string? LoadedBy { get; init; }
    public int RowCount { get; init; }
}

public enum ReferenceDataKind
{
    /// <summary>Working-age population by LEP and group (<see cref="PopulationFigure"/>).</summary>
    WorkingAgePopulation,

    /// <summary>Postcode → data zone → SIMD rank (<see cref="SimdPostcode"/>).</summary>
    SimdPostcodes,
}

/// <summary>
/// A row of a bulk reference dataset. The load of the dataset is audited once; its rows (a few hundred thousand
/// postcodes) are not audited one by one.
/// </summary>
public interface IReferenceDataRow
{
    Guid DatasetId { get; }
}

/// <summary>The working-age population of one group (a breakdown's group, e.g. sex "Female") in one LEP's area.</summary>
public sealed class PopulationFigure : IReferenceDataRow
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid DatasetId { get; init; }
    public Guid LepId { get; init; }

    /// <summary>The breakdown code (<see cref="Breakdowns"/>), e.g. "sex" or "age-band".</summary>
    public required string Dimension { get; init; }

    /// <summary>The group as the breakdown names it, e.g. "Female" or "16–19".</summary>
    public required string Group { get; init; }

    public int Population { get; init; }
}

/// <summary>One postcode of the Scottish Government's postcode lookup: its 2011 data zone and that zone's SIMD 2020v2 rank.</summary>
public sealed class SimdPostcode : IReferenceDataRow
{
    /// <summary>Upper case with one space before the inward code, as participants' postcodes are stored ("G1 1XQ").</summary>
    public required string Postcode { get; init; }

    public Guid DatasetId { get; init; }
    public required string DataZone { get; init; }
    public int Rank { get; init; }
    public int Decile { get; init; }
    public int Quintile { get; init; }
}
