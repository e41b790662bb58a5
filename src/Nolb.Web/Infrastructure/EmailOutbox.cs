using Nolb.Web.Data;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Sends an email. Nolb has no mail server of its own: the default, <see cref="OutboxEmailSender"/>, keeps each
/// message in the outbox table and the log, and the page that sent it shows staff the link to pass on. A deployment
/// with a mail service (GOV.UK Notify, SMTP) registers its own sender in place of the default.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>An email as it was sent (or, with no mail service, as it waits to be passed on by hand).</summary>
public sealed class OutboxEmail
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Set by a mail relay once it has sent the message; null while it waits.</summary>
    public DateTime? SentAt { get; set; }
}

public sealed partial class OutboxEmailSender(NolbDbContext db, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        db.OutboxEmails.Add(new OutboxEmail { To = to, Subject = subject, Body = body, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        LogQueued(logger, subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email \"{Subject}\" kept in the outbox: no mail service is set up")]
    private static partial void LogQueued(ILogger logger, string subject);
}
