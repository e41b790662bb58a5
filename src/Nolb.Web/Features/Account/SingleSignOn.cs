using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

/// <summary>What became of a sign-in with an organisation's account; <see cref="Refused"/> carries the words to show.</summary>
public abstract record SingleSignOnOutcome
{
    public sealed record SignedIn : SingleSignOnOutcome;

    /// <summary>The provider did not assert MFA and the account has Nolb's own two-factor sign-in: its code must follow.</summary>
    public sealed record SecondFactorRequired : SingleSignOnOutcome;

    public sealed record Refused(string Message) : SingleSignOnOutcome;
}

/// <summary>
/// Decides who someone signed in with an organisation's account is in Nolb (ADR 021): the account already linked to
/// their subject at that provider, else the account with their verified email address in an allowed domain (which is
/// then linked), else a new account if one of the provider's rules maps one of their groups or claims to a role and LEP.
/// Everything it reads comes from the ID token the OpenID Connect handler has already validated (signature, issuer,
/// audience, nonce), and nothing about an email that the provider has not verified is trusted.
/// </summary>
public sealed partial class SingleSignOn(
    UserManager<NolbUser> userManager, NolbSignInManager signInManager, CreateUserAccount createUser, AuditLog audit, ILogger<SingleSignOn> log)
{
    public const string SubjectClaim = "sub";
    public const string EmailClaim = "email";
    public const string NameClaim = "name";

    /// <summary>The claim Identity's own second factor adds, and the one that marks a session as signed in with two factors.</summary>
    public const string AuthenticationMethodsClaim = "amr";
    public const string MultiFactor = "mfa";

    public async Task<SingleSignOnOutcome> SignInAsync(SignInProvider provider, ClaimsPrincipal external, CancellationToken ct)
    {
        var subject = external.FindFirstValue(SubjectClaim);
        var email = external.FindFirstValue(EmailClaim)?.Trim();
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email))
        {
            return await RefuseAsync(null, email, provider, "no email address",
                $"{provider.DisplayName} did not tell Nolb your email address, so Nolb cannot tell which account is yours. Ask your Nolb administrator.", ct);
        }

        // OpenID Connect Core 1.0 §5.1: without email_verified true the address may be anyone's, so it can neither
        // find an account nor make one (nor give a role).
        if (!IsTrue(external.FindFirstValue(provider.EmailVerifiedClaim)))
        {
            return await RefuseAsync(null, email, provider, "email address not verified by the provider",
                $"{provider.DisplayName} has not verified your email address {email}, so Nolb cannot sign you in with it. Ask your IT service desk to verify it, or sign in with your Nolb email address and password.", ct);
        }

        if (!provider.AllowsDomainOf(email))
        {
            return await RefuseAsync(null, email, provider, "email domain not allowed for the provider",
                $"{email} is not an address {provider.DisplayName} may sign in to Nolb with. Sign in with your Nolb email address and password, or ask your Nolb administrator.", ct);
        }

        var user = await userManager.FindByLoginAsync(provider.Scheme, subject);
        if (user is null)
        {
            user = await userManager.FindByEmailAsync(email);
            if (user is not null && (await userManager.GetLoginsAsync(user)).Any(l => l.LoginProvider == provider.Scheme))
            {
                // The address moved from one person at the provider to another: the first person's link stands.
                return await RefuseAsync(user, email, provider, "account linked to another person at the provider",
                    $"Your Nolb account is linked to a different {provider.DisplayName} account. Ask your Nolb administrator.", ct);
            }

            if (user is null)
            {
                var created = await CreateFromRuleAsync(provider, external, email, ct);
                if (created is SingleSignOnOutcome.Refused refusal)
                {
                    return refusal;
                }

                user = await userManager.FindByEmailAsync(email);
            }

            if (user is not null && !user.IsDisabled && user.Role != Role.Participant)
            {
                var linked = await userManager.AddLoginAsync(user, new UserLoginInfo(provider.Scheme, subject, provider.DisplayName));
                if (!linked.Succeeded)
                {
                    throw new InvalidOperationException($"Could not link an account to {provider.Name}: {string.Join(" ", linked.Errors.Select(e => e.Description))}");
                }
            }
        }

        if (user is null || user.IsDisabled)
        {
            return await RefuseAsync(user, email, provider, SignInFailureReasons.Disabled,
                "This Nolb account is disabled. Ask your Nolb administrator.", ct);
        }

        if (user.Role == Role.Participant)
        {
            return await RefuseAsync(user, email, provider, "single sign-on is for staff",
                "Signing in with an organisation's account is for staff. Sign in with your email address and password.", ct);
        }

        return await SignInAsync(provider, external, user, subject, ct);
    }

    private async Task<SingleSignOnOutcome> SignInAsync(SignInProvider provider, ClaimsPrincipal external, NolbUser user, string subject, CancellationToken ct)
    {
        if (await userManager.IsLockedOutAsync(user))
        {
            return await RefuseAsync(user, user.Email, provider, SignInFailureReasons.LockedOut,
                "This account is locked for 15 minutes after too many wrong passwords or codes. Try again later, or ask an administrator.", ct);
        }

        signInManager.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        if (external.HasClaim(provider.MfaClaim, provider.MfaValue))
        {
            // The provider's MFA stands for Nolb's second factor (ADR 021): the session carries amr=mfa as a Nolb
            // code sign-in does, which is what lets a role that needs two-factor sign-in in without its own code.
            await signInManager.SignInWithClaimsAsync(user, isPersistent: false,
            [
                new Claim(AuthenticationMethodsClaim, MultiFactor),
                new Claim(ClaimTypes.AuthenticationMethod, provider.Scheme),
            ]);
            await audit.SignInAsync(user, SignInMethods.SingleSignOn(provider.DisplayName, withMfa: true), ct);
            return new SingleSignOnOutcome.SignedIn();
        }

        var result = await signInManager.ExternalLoginSignInAsync(provider.Scheme, subject, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return new SingleSignOnOutcome.SecondFactorRequired();
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(user, user.Email, provider, result.IsLockedOut ? SignInFailureReasons.LockedOut : "not allowed to sign in",
                "Nolb could not sign you in. Ask your Nolb administrator.", ct);
        }

        await audit.SignInAsync(user, SignInMethods.SingleSignOn(provider.DisplayName, withMfa: false), ct);
        return new SingleSignOnOutcome.SignedIn();
    }

    /// <summary>
    /// A person Nolb does not know gets an account only from a rule an administrator configured for this provider,
    /// matched against the signed ID token's claims, and with the same checks as an account an administrator makes.
    /// </summary>
    private async Task<SingleSignOnOutcome?> CreateFromRuleAsync(SignInProvider provider, ClaimsPrincipal external, string email, CancellationToken ct)
    {
        var rule = provider.Rules.FirstOrDefault(r => external.HasClaim(r.Claim, r.Value));
        if (rule is null)
        {
            return await RefuseAsync(null, email, provider, "no account and no rule for the person's groups",
                $"There is no Nolb account for {email}, and your {provider.DisplayName} groups do not give you one. Ask your Nolb administrator to invite you.", ct);
        }

        var name = external.FindFirstValue(NameClaim) is { Length: > 0 } given ? given : email;
        var created = await createUser.CreateAsync(
            new UserAccountInput(email, name, rule.Role, rule.Lep, rule.OrganisationId), ct, passwordRequired: false);
        if (created.Succeeded)
        {
            return null;
        }

        LogRuleFailed(log, provider.Name, rule.Value, string.Join("; ", created.Errors.Select(e => e.Message)));
        return await RefuseAsync(null, email, provider, "the provider's rule could not make an account",
            "Nolb could not make your account from your organisation's settings. Ask your Nolb administrator to check the single sign-on rules.", ct);
    }

    private async Task<SingleSignOnOutcome> RefuseAsync(NolbUser? user, string? email, SignInProvider provider, string reason, string message, CancellationToken ct)
    {
        await audit.SignInFailedAsync(email, user, $"{reason} ({provider.DisplayName})", ct);
        return new SingleSignOnOutcome.Refused(message);
    }

    /// <summary>JSON true arrives as the string "true"; Entra ID's xms_edov may come as 1.</summary>
    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";

    [LoggerMessage(LogLevel.Warning, "Single sign-on rule {Value} of {Provider} could not make an account: {Errors}")]
    private static partial void LogRuleFailed(ILogger logger, string provider, string value, string errors);
}
