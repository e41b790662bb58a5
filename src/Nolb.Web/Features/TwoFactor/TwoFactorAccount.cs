using Microsoft.AspNetCore.Identity;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.TwoFactor;

/// <summary>
/// The signed-in user's own two-factor settings. Identity gives the account a new security stamp when they change, which
/// signs out every other session; this browser's session is renewed so the person who made the change stays signed in.
/// </summary>
public sealed class TwoFactorAccount(UserManager<NolbUser> userManager, SignInManager<NolbUser> signInManager, CurrentUser currentUser, AuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Where Identity's user store keeps the authenticator key (its own constants are internal).</summary>
    private const string AuthenticatorKeyStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public string AuthenticatorProvider => userManager.Options.Tokens.AuthenticatorTokenProvider;

    public async Task<NolbUser> UserAsync() =>
        await userManager.FindByIdAsync(currentUser.Id!.Value.ToString()) ?? throw new InvalidOperationException("The signed-in account is gone.");

    /// <summary>The account's authenticator key, made the first time it is asked for.</summary>
    public async Task<string> KeyAsync(NolbUser user)
    {
        if (await userManager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        // Stored directly rather than by ResetAuthenticatorKeyAsync, whose new security stamp would sign the person out
        // of every other session (and API token) just for opening this page; nothing changes until the first code is verified.
        var newKey = userManager.GenerateNewAuthenticatorKey();
        await userManager.SetAuthenticationTokenAsync(user, AuthenticatorKeyStore, AuthenticatorKeyName, newKey);
        return newKey;
    }

    public Task<int> RecoveryCodesLeftAsync(NolbUser user) => userManager.CountRecoveryCodesAsync(user);

    /// <summary>Switches two-factor sign-in on if the code proves the app holds the key; answers the new recovery codes.</summary>
    public async Task<IReadOnlyList<string>?> SwitchOnAsync(NolbUser user, string code, CancellationToken ct)
    {
        if (SecondFactorCodes.AsAuthenticatorCode(code) is not { } digits
            || !await userManager.VerifyTwoFactorTokenAsync(user, AuthenticatorProvider, digits))
        {
            return null;
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signInManager.RefreshSignInAsync(user);
        await audit.TwoFactorChangedAsync("switched on, with new recovery codes", ct);
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(NolbUser user, CancellationToken ct)
    {
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signInManager.RefreshSignInAsync(user);
        await audit.TwoFactorChangedAsync("new recovery codes; the old ones no longer work", ct);
        return codes;
    }

    /// <summary>Switches it off and forgets the key, so setting it up again needs the app to be set up again too.</summary>
    public async Task SwitchOffAsync(NolbUser user, CancellationToken ct)
    {
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        await audit.TwoFactorChangedAsync("switched off", ct);
    }
}
