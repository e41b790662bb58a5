using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

public static class AuthApi
{
    /// <summary>
    /// <paramref name="TwoFactorCode"/>: the six digits from the authenticator app, or a recovery code, for an account
    /// with two-factor sign-in on (required for administrators and national analysts).
    /// </summary>
    public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null);

    /// <summary><paramref name="RefreshToken"/>: the refreshToken of the last sign-in or refresh.</summary>
    public sealed record RefreshRequest(string? RefreshToken);

    /// <summary><paramref name="Token"/>: the accessToken or the refreshToken of the session to end.</summary>
    public sealed record RevokeRequest(string? Token);

    public sealed record CurrentUserDto(Guid Id, string Email, string DisplayName, string Role, IReadOnlyList<string> Permissions, string? LepCode, string? LepName, Guid? OrganisationId);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapTokenEndpoint("/auth/login", LoginAsync,
                "Sign in with email, password and, for an account with two-factor sign-in, twoFactorCode; answers {accessToken, expiresIn, refreshToken} to send as a bearer token (refresh at /auth/refresh, sign out at /auth/revoke).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapTokenEndpoint("/auth/refresh", RefreshAsync,
                "Swap a refreshToken for a new accessToken and refreshToken of the same session. Each refresh token works once; "
                + "one sent again ends its session. Refresh tokens last 14 days, and end when the session is signed out.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapTokenEndpoint("/auth/revoke", RevokeAsync,
            "Sign out an API session: send its accessToken or refreshToken as token, and both stop working at once. "
            + "Answers 200 whether or not the token was still valid (RFC 7009).");
        api.MapGet("/me", GetMe).WithSummary("The signed-in user: email, role, permissions and LEP.");
        return api;
    }

    /// <summary>
    /// An endpoint that takes or ends a session's tokens: reachable without one, and rate limited like page sign-in,
    /// since each guesses at a password or a token.
    /// </summary>
    private static RouteHandlerBuilder MapTokenEndpoint(this RouteGroupBuilder api, string pattern, Delegate handler, string summary) =>
        api.MapPost(pattern, handler)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem();

    /// <summary>
    /// On success Identity's bearer token handler writes the token response itself
    /// (<c>{"tokenType":"Bearer","accessToken":"…","expiresIn":3600,"refreshToken":"…"}</c>).
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInService signIn, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["Enter your email address"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Enter your password"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await signIn.SignInAsync(request.Email!, request.Password!, IdentityConstants.BearerScheme, ct, request.TwoFactorCode) switch
        {
            SignInOutcome.Succeeded => TypedResults.Empty,
            SignInOutcome.SecondFactorRequired => TypedResults.Problem(
                "This account signs in with two factors. Send twoFactorCode: the six digits from the authenticator app, or a recovery code.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Two-factor code required"),
            SignInOutcome.SecondFactorFailed => TypedResults.Problem(
                "The two-factor code is not right. Use the code your authenticator app shows now, or an unused recovery code.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
            SignInOutcome.LockedOut => TypedResults.Problem(
                "This account is locked for 15 minutes after too many wrong passwords.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Account locked"),
            _ => TypedResults.Problem(
                "The email address or password is not right.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
        };
    }

    /// <summary>On success the bearer token handler writes the new token response, as for signing in.</summary>
    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, NolbSignInManager signIn, UserSessions sessions,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["refreshToken"] = ["Send the refreshToken from the last sign-in or refresh"],
            });
        }

        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || UserSessions.IdOf(ticket.Principal) is not { } sessionId
            || !Guid.TryParse(ticket.Principal.FindFirstValue(UserSessions.RefreshClaimType), out var refreshTokenId)
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsDisabled: false } user
            || await sessions.RotateRefreshTokenAsync(sessionId, user.Id, refreshTokenId, ct) is not { } next)
        {
            return TypedResults.Problem(
                "The refresh token has expired, was used already, or its session was signed out. Sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed");
        }

        await signIn.ContinueApiSessionAsync(user, sessionId, next, ticket.Principal.FindAll("amr"));
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok, ValidationProblem>> RevokeAsync(
        RevokeRequest request, IOptionsMonitor<BearerTokenOptions> bearer, UserSessions sessions, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["token"] = ["Send the accessToken or the refreshToken of the session to end"],
            });
        }

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var ticket = options.RefreshTokenProtector.Unprotect(request.Token) ?? options.BearerTokenProtector.Unprotect(request.Token);
        if (ticket is not null && UserSessions.IdOf(ticket.Principal) is { } sessionId)
        {
            await sessions.EndAsync(sessionId, ct);
        }

        // RFC 7009 section 2.2: a token that is invalid or already ended gets the same answer, which tells a caller nothing.
        return TypedResults.Ok();
    }

    private static Ok<CurrentUserDto> GetMe(CurrentUser user) => TypedResults.Ok(new CurrentUserDto(
        user.Id!.Value, user.Email!, user.DisplayName!, user.Role!.Value.ToString(),
        user.Permissions.Order(StringComparer.Ordinal).ToList(), user.LepCode, user.LepName, user.OrganisationId));
}
