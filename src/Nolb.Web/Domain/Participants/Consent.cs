namespace Nolb.Web.Domain.Participants;

/// <summary>
/// What a person agreed to, when, and who recorded it; a withdrawal is recorded on the same consent and
/// takes effect from then on. Sharing with a partner names the organisation.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ParticipantId { get; init; }
    public ConsentKind Kind { get; init; }
    public Guid? OrganisationId { get; init; }
    public Organisation? Organisation { get; set; }
    public DateOnly GivenOn { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTime RecordedAt { get; init; }
    public DateOnly? WithdrawnOn { get; private set; }
    public Guid? WithdrawalRecordedByUserId { get; private set; }

    public bool IsActive => WithdrawnOn is null;

    public void Withdraw(DateOnly on, Guid recordedBy)
    {
        WithdrawnOn = on;
        WithdrawalRecordedByUserId = recordedBy;
    }
}

public enum ConsentKind
{
    ShareWithPartner,
    ContactByText,
    ContactByEmail,
    UseInEvaluation,
    TransferToAnotherLep,
}
