using Nolb.Web.Data;
using Nolb.Web.Domain;

namespace Nolb.Web.Features.Account;

/// <summary>Puts account emails in the outbox (<see cref="OutboxEmail"/>); the mail relay sends them.</summary>
public sealed class AccountMail(NolbDbContext db, TimeProvider clock)
{
    public async Task PasswordResetAsync(string to, string displayName, Uri link, CancellationToken ct)
    {
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = to,
            Subject = "Reset your Nolb password",
            Body = $"""
                Hello {displayName},

                Someone (we hope you) asked to reset the password of your Nolb account. To choose a new password, open this link within an hour:

                {link}

                If you did not ask for this, you can ignore this email: your password has not changed.
                """,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
