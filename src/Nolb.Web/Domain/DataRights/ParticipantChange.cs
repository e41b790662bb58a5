namespace Nolb.Web.Domain.DataRights;

/// <summary>
/// One field of a person's details corrected (rectification, UK GDPR article 16): who changed it, when, the old and new
/// values and why. The audit trail names changed fields but never holds values (ADR 005), so the values live here,
/// with the record, and are erased with it.
/// </summary>
public sealed class ParticipantChange
{
    public const int ValueLength = 400;
    public const int ReasonLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public Guid LepId { get; init; }
    public DateTime ChangedAt { get; init; }
    public Guid? ChangedByUserId { get; init; }

    /// <summary>The field's label as the form shows it, e.g. "Family name".</summary>
    public required string Field { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public string? Reason { get; init; }

    /// <summary>An equality monitoring answer: shown only to the roles that may see equality data.</summary>
    public bool IsEqualityData { get; init; }
}
