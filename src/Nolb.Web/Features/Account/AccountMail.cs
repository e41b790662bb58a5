using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Account;

/// <summary>Account emails, sent through <see cref="IEmailSender"/> (by default the outbox, <see cref="OutboxEmail"/>).</summary>
public sealed class AccountMail(IEmailSender email)
{
    public async Task PasswordResetAsync(string to, string displayName, Uri link, CancellationToken ct)
    {
        await email.SendAsync(
            to,
            "Reset your Nolb password",
            $"""
                Hello {displayName},

                Someone (we hope you) asked to reset the password of your Nolb account. To choose a new password, open this link within an hour:

                {link}

                If you did not ask for this, you can ignore this email: your password has not changed.
                """,
            ct);
    }
}
