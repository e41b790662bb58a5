namespace Nolb.Web.Domain;

/// <summary>
/// An email waiting to be sent (account recovery links). Written in the same transaction as the change that
/// needs it; a mail relay reads unsent rows, sends them and sets <see cref="SentAt"/>.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; set; }
}
