namespace Nolb.Web.Security;

/// <summary>
/// Holds an account whose role needs two-factor sign-in (<see cref="RoleExtensions.RequiresTwoFactor"/>) at the
/// set-up page until it has set it up: every other page redirects there, and the API answers 403 with a problem
/// detail that says what to do. Signing out and the account pages stay open.
/// </summary>
public sealed class TwoFactorEnrolment(RequestDelegate next)
{
    public const string SetUpPath = "/TwoFactor/SetUp";

    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        if (!currentUser.MustSetUpTwoFactor || IsOpen(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (context.Request.Path.StartsWithSegments(SecuritySetup.ApiPrefix))
        {
            await Results.Problem(
                title: "Two-factor sign-in is not set up",
                detail: "Your role must sign in with a code from an authenticator app. Sign in to Nolb in a browser, set it up at "
                    + SetUpPath + ", then ask for a new token with twoFactorCode.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(SetUpPath);
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/TwoFactor") || path.StartsWithSegments("/Account") || path.StartsWithSegments("/Error");
}
