namespace Nolb.Web.Domain.DataRights;

/// <summary>
/// A request to erase a person's data (UK GDPR article 17), or an erasure the retention policy made, with the
/// decision and its reason. It names the record only by its id and reference, never by the data erased.
/// </summary>
public sealed class ErasureRequest
{
    public const int ReasonLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public Guid LepId { get; init; }
    public ErasureSource Source { get; init; }

    /// <summary>When the person asked; for the retention policy, the day it ran.</summary>
    public DateOnly ReceivedOn { get; init; }
    public ErasureDecision Decision { get; init; }
    public required string Reason { get; init; }

    /// <summary>Null when the scheduled retention job decided.</summary>
    public Guid? DecidedByUserId { get; init; }
    public DateTime DecidedAt { get; init; }
}

public enum ErasureSource
{
    PersonsRequest,
    RetentionPolicy,
}

public enum ErasureDecision
{
    Erased,
    Refused,
}
