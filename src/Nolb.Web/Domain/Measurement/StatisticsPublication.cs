namespace Nolb.Web.Domain.Measurement;

/// <summary>
/// A quarter's national tables as a national analyst published them: the disclosure-controlled figures frozen as
/// they were, who published them and when. A quarter may be published again (late-recorded starts change it);
/// each publication keeps its own snapshot, numbered from 1, so a revision shows the value before and after.
/// </summary>
public sealed class StatisticsPublication
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The quarter's label, e.g. "2025-Q3".</summary>
    public required string Quarter { get; init; }

    /// <summary>1 for the first publication of the quarter, 2 for its first revision, and so on.</summary>
    public int Number { get; init; }

    public DateTime PublishedAt { get; init; }
    public Guid? PublishedByUserId { get; init; }
    public required string PublishedBy { get; init; }

    /// <summary>
    /// The analyst who prepared the draft this publication approved (<see cref="PublishedBy"/> is the one who
    /// approved it). Null for publications made before publishing needed two people.
    /// </summary>
    public Guid? PreparedByUserId { get; init; }
    public string? PreparedBy { get; init; }

    /// <summary>Whether the quarter was one of the latest two (provisional) when it was published.</summary>
    public bool ProvisionalWhenPublished { get; init; }

    /// <summary>The tables after disclosure control, as JSON: only published figures, never a person's data.</summary>
    public required string Tables { get; init; }
}
