using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,

    /// <summary>The password was right and the account has two-factor sign-in on: a code must follow.</summary>
    SecondFactorRequired,

    /// <summary>The authenticator or recovery code was wrong (or the pending sign-in expired).</summary>
    SecondFactorFailed,
}

/// <summary>
/// Signs a person in with email and password for a page (cookie) or an API client (bearer token), and with a second
/// factor for accounts that have one, with the same lockout rules and the same audit either way. A wrong code counts
/// towards the lockout like a wrong password.
/// </summary>
public sealed class SignInService(
    SignInManager<NolbUser> signInManager, UserManager<NolbUser> userManager, UnknownAccountLockout unknownAccounts, AuditLog audit)
{
    /// <summary>A hash of no one's password, checked for an address without an account so that it takes as long.</summary>
    private static string? noAccountHash;

    /// <summary>
    /// The first step, or both at once: an API client sends its code with the password (Identity keeps the pending
    /// two-factor sign-in in memory for the rest of the request), a page sends it in a second request.
    /// Every answer but success costs one password hash and says nothing that tells an address with an account from
    /// one without: the same words, the same lockout after the same number of tries, about the same time
    /// (OWASP Authentication Cheat Sheet, "Authentication Responses").
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(
        string email, string password, string scheme, CancellationToken cancellationToken, string? secondFactorCode = null)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled)
        {
            HashAsIfChecked(password);

            // The typed "email" is not recorded for unknown accounts: it may be a password typed in the wrong box.
            await audit.SignInFailedAsync(user?.Email, user,
                user is null ? SignInFailureReasons.UnknownAccount : SignInFailureReasons.Disabled, cancellationToken);
            return unknownAccounts.Failed(userManager.NormalizeEmail(email.Trim()) ?? "")
                ? SignInOutcome.LockedOut
                : SignInOutcome.Failed;
        }

        // Identity answers a locked account before checking the password, which would make it the quick answer.
        if (await userManager.IsLockedOutAsync(user))
        {
            HashAsIfChecked(password);
            await audit.SignInFailedAsync(email, user, SignInFailureReasons.LockedOut, cancellationToken);
            return SignInOutcome.LockedOut;
        }

        signInManager.AuthenticationScheme = scheme;
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.SignInAsync(user, SignInMethods.PasswordOnly, cancellationToken);
            return SignInOutcome.Succeeded;
        }

        if (result.RequiresTwoFactor)
        {
            return string.IsNullOrWhiteSpace(secondFactorCode)
                ? SignInOutcome.SecondFactorRequired
                : await SecondFactorAsync(user, secondFactorCode, cancellationToken);
        }

        var lockedOut = result.IsLockedOut;
        await audit.SignInFailedAsync(email, user,
            lockedOut ? SignInFailureReasons.LockedOut : SignInFailureReasons.WrongPassword, cancellationToken);
        return lockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    /// <summary>The same work as checking a real account's password, with the same hasher and settings; the answer is thrown away.</summary>
    private void HashAsIfChecked(string password)
    {
        var nobody = new NolbUser { DisplayName = "" };
        noAccountHash ??= userManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        userManager.PasswordHasher.VerifyHashedPassword(nobody, noAccountHash, password);
    }

    /// <summary>The second step of a page sign-in: the pending account is in Identity's short-lived two-factor cookie.</summary>
    public async Task<SignInOutcome> SecondFactorAsync(string code, CancellationToken cancellationToken)
    {
        signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        return await signInManager.GetTwoFactorAuthenticationUserAsync() is { } user
            ? await SecondFactorAsync(user, code, cancellationToken)
            : SignInOutcome.SecondFactorFailed;
    }

    /// <summary>Who is waiting to give a code on this browser, if anyone.</summary>
    public Task<NolbUser?> PendingSecondFactorAsync() => signInManager.GetTwoFactorAuthenticationUserAsync();

    private async Task<SignInOutcome> SecondFactorAsync(NolbUser user, string code, CancellationToken cancellationToken)
    {
        var authenticatorCode = SecondFactorCodes.AsAuthenticatorCode(code);

        // After single sign-on the pending sign-in names the provider's scheme instead of a password (ADR 021).
        var firstFactor = (await signInManager.Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal
            ?.FindFirstValue(ClaimTypes.AuthenticationMethod);
        var result = authenticatorCode is not null
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(authenticatorCode, isPersistent: false, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(SecondFactorCodes.AsRecoveryCode(code));
        if (result.Succeeded)
        {
            var method = authenticatorCode is not null
                ? SignInMethods.AuthenticatorCode
                : $"{SignInMethods.RecoveryCode} ({await userManager.CountRecoveryCodesAsync(user)} left)";
            if (firstFactor is not null)
            {
                method = method.Replace("password", $"single sign-on ({firstFactor})", StringComparison.Ordinal);
            }

            await audit.SignInAsync(user, method, cancellationToken);
            return SignInOutcome.Succeeded;
        }

        var reason = result.IsLockedOut ? SignInFailureReasons.LockedOut
            : authenticatorCode is not null ? SignInFailureReasons.WrongAuthenticatorCode
            : SignInFailureReasons.WrongRecoveryCode;
        await audit.SignInFailedAsync(user.Email, user, reason, cancellationToken);
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.SecondFactorFailed;
    }
}

/// <summary>How a sign-in was made, as the audit trail records it.</summary>
public static class SignInMethods
{
    public const string PasswordOnly = "password only";
    public const string AuthenticatorCode = "password and authenticator code";
    public const string RecoveryCode = "password and recovery code";

    public static string SingleSignOn(string provider, bool withMfa) =>
        withMfa ? $"single sign-on ({provider}) with the provider's multi-factor authentication" : $"single sign-on ({provider})";
}

/// <summary>
/// One box takes either kind of code: six digits are an authenticator code, anything else a recovery code.
/// Spaces and dashes people type (or copy) around them are ignored.
/// </summary>
public static class SecondFactorCodes
{
    public static string? AsAuthenticatorCode(string code)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Identity's recovery codes look like <c>ABCDE-12345</c>.</summary>
    public static string AsRecoveryCode(string code)
    {
        var plain = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }
}
