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
    /// <summary>A completed sign-in; <paramref name="method"/> says whether a second factor was given, and which.</summary>
    public Task SignInAsync(NolbUser user, string method, CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.SignIn, user.Id, user.Email, user.LepId, method, cancellationToken);

    /// <summary>The current user switched two-factor sign-in on or off, or made new recovery codes.</summary>
    public Task TwoFactorChangedAsync(string what, CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.TwoFactorChanged, currentUser.Id, currentUser.Email, currentUser.LepId, what, cancellationToken);

    public Task SignInFailedAsync(string? attemptedEmail, NolbUser? user, string reason, CancellationToken cancellationToken) =>
        WriteAsync(reason == SignInFailureReasons.LockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed,
            user?.Id, attemptedEmail, user?.LepId, reason, cancellationToken);

    public Task SignOutAsync(CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.SignOut, currentUser.Id, currentUser.Email, currentUser.LepId, null, cancellationToken);

    /// <summary>The current user searched the audit trail or looked at its unusual-access flags.</summary>
    public Task AuditReviewedAsync(string what, CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.AuditReviewed, currentUser.Id, currentUser.Email, currentUser.LepId, Truncate(what, 2000), cancellationToken, "AuditTrail", null);

    /// <summary>The current user downloaded records in bulk.</summary>
    public Task ExportedAsync(string recordType, string what, CancellationToken cancellationToken) =>
        WriteAsync(AuditAction.Export, currentUser.Id, currentUser.Email, currentUser.LepId, Truncate(what, 2000), cancellationToken, recordType, null);

    /// <summary>Records that the current user opened a personal record.</summary>
    public Task ReadAsync(string entityType, Guid entityId, Guid? lepId, CancellationToken cancellationToken) =>
        RecordAsync(AuditAction.Read, entityType, entityId, lepId, null, cancellationToken);

    /// <summary>Records something done to a person's record that is not a change to one row: a subject access request released, say.</summary>
    public async Task RecordAsync(AuditAction action, string entityType, Guid entityId, Guid? lepId, string? detail, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = currentUser.Id,
            ActorEmail = currentUser.Email,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString(),
            LepId = lepId,
            IpAddress = currentUser.IpAddress,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WriteAsync(
        AuditAction action, Guid? userId, string? email, Guid? lepId, string? detail, CancellationToken cancellationToken,
        string entityType = nameof(NolbUser), string? entityId = "")
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorUserId = userId,
            ActorEmail = Truncate(email, 256),
            Action = action,
            EntityType = entityType,
            EntityId = entityId == "" ? userId?.ToString() : entityId,
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
    public const string WrongAuthenticatorCode = "wrong authenticator code";
    public const string WrongRecoveryCode = "wrong recovery code";
}
