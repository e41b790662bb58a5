using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Nolb.Web.Security;

/// <summary>
/// Identity's sign-in with one addition: every sign-in, by cookie or bearer token, password or second factor, starts a
/// server-side session (<see cref="UserSessions"/>) whose id the cookie or token carries. Renewing a cookie after a change
/// to the account's own settings keeps its session, and an API refresh continues the session it belongs to.
/// </summary>
public sealed class NolbSignInManager(
    UserManager<NolbUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<NolbUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<NolbUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NolbUser> confirmation,
    UserSessions sessions)
    : SignInManager<NolbUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private (Guid Session, Guid? RefreshToken)? continuing;

    public override async Task SignInWithClaimsAsync(NolbUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var (sessionId, refreshTokenId) = continuing ?? await StartAsync(user);
        var claims = additionalClaims.Append(new Claim(UserSessions.ClaimType, sessionId.ToString()));
        if (refreshTokenId is { } refresh)
        {
            claims = claims.Append(new Claim(UserSessions.RefreshClaimType, refresh.ToString()));
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task RefreshSignInAsync(NolbUser user)
    {
        continuing = UserSessions.IdOf(Context.User) is { } session ? (session, null) : null;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            continuing = null;
        }
    }

    /// <summary>Issues a new bearer and refresh token for an API session whose refresh token has just been used.</summary>
    public async Task ContinueApiSessionAsync(NolbUser user, Guid sessionId, Guid refreshTokenId, IEnumerable<Claim> authenticationMethods)
    {
        AuthenticationScheme = IdentityConstants.BearerScheme;
        continuing = (sessionId, refreshTokenId);
        try
        {
            await SignInWithClaimsAsync(user, new AuthenticationProperties(), authenticationMethods);
        }
        finally
        {
            continuing = null;
        }
    }

    private async Task<(Guid, Guid?)> StartAsync(NolbUser user)
    {
        var session = await sessions.StartAsync(user.Id, withRefreshToken: AuthenticationScheme == IdentityConstants.BearerScheme);
        return (session.Id, session.RefreshTokenId);
    }
}
