using Microsoft.AspNetCore.Identity;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>
/// Signs a person in with email and password for a page (cookie) or an API client (bearer token),
/// with the same lockout rules and the same audit either way.
/// </summary>
public sealed class SignInService(SignInManager<NolbUser> signInManager, UserManager<NolbUser> userManager, AuditLog audit)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, string scheme, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // The typed "email" is not recorded for unknown accounts: it may be a password typed in the wrong box.
            await audit.SignInFailedAsync(null, null, SignInFailureReasons.UnknownAccount, cancellationToken);
            return SignInOutcome.Failed;
        }

        if (user.IsDisabled)
        {
            await audit.SignInFailedAsync(email, user, SignInFailureReasons.Disabled, cancellationToken);
            return SignInOutcome.Failed;
        }

        signInManager.AuthenticationScheme = scheme;
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.SignInAsync(user, cancellationToken);
            return SignInOutcome.Succeeded;
        }

        var lockedOut = result.IsLockedOut;
        await audit.SignInFailedAsync(email, user,
            lockedOut ? SignInFailureReasons.LockedOut : SignInFailureReasons.WrongPassword, cancellationToken);
        return lockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }
}
