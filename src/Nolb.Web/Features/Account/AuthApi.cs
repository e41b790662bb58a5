using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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

    public sealed record CurrentUserDto(Guid Id, string Email, string DisplayName, string Role, IReadOnlyList<string> Permissions, string? LepCode, string? LepName, Guid? OrganisationId);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Sign in with email, password and, for an account with two-factor sign-in, twoFactorCode; answers {accessToken, expiresIn, ...} to send as a bearer token.")
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me", GetMe).WithSummary("The signed-in user: email, role, permissions and LEP.");
        return api;
    }

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

    private static Ok<CurrentUserDto> GetMe(CurrentUser user) => TypedResults.Ok(new CurrentUserDto(
        user.Id!.Value, user.Email!, user.DisplayName!, user.Role!.Value.ToString(),
        user.Permissions.Order(StringComparer.Ordinal).ToList(), user.LepCode, user.LepName, user.OrganisationId));
}
