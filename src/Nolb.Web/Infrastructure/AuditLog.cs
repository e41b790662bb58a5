using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Records what the change tracker cannot see: sign-ins and their failures, and reads of personal
/// records. Changes to records are audited by <see cref="AuditingInterceptor"/>.
/// </summary>
public sealed class AuditLog(NolbDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public Task SignInAsync(NolbUser user, CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.SignIn, user.Id, user.Email, user.LepId, null, cancellationToken);

    public Task SignInFailedAsync(string? attemptedEmail, NolbUser? user, string reason, CancellationToken cancellationToken) =>
        WriteAsync(reason == SignInFailureReasons.LockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed,
            user?.Id, attemptedEmail, user?.LepId, reason, cancellationToken);

    public Task SignOutAsync(CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.SignOut, currentUser.Id, currentUser.Email, currentUser.LepId, null, cancellationToken);

    /// <summary>Records that the current user opened a personal record.</summary>
    public async Task ReadAsync(string entityType, Guid entityId, Guid? lepId, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = currentUser.Id,
            ActorEmail = currentUser.Email,
            Action = AuditAction.Read,
            EntityType = entityType,
            EntityId = entityId.ToString(),
            LepId = lepId,
            IpAddress = currentUser.IpAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WriteAsync(
        AuditAction action, Guid? userId, string? email, Guid? lepId, string? detail, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = userId,
            ActorEmail = Truncate(email, 256),
            Action = action,
            EntityType = nameof(NolbUser),
            EntityId = userId?.ToString(),
            LepId = lepId,
            IpAddress = currentUser.IpAddress,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}

internal static class SignInFailureReasons
{
    public const string LockedOut = "locked out";
    public const string Disabled = "account disabled";
    public const string WrongPassword = "wrong password";
    public const string UnknownAccount = "no account with the email given";
}
