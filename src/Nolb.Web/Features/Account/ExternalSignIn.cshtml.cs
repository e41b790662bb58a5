using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Account;

/// <summary>
/// Signing in with an organisation's account (ADR 021): the button on the sign-in page sends the browser here, here to
/// the provider, the provider back to the OpenID Connect handler's callback, and that back here to decide. Anything
/// that goes wrong is shown on this page, and signing in with a Nolb password is always one link away.
/// </summary>
/// <remarks>
/// The button is a link (GET), not a form: the Content-Security-Policy's form-action 'self' would stop a form's
/// redirect to the provider in Chromium. Starting the flow changes nothing in Nolb; the answer is bound to this
/// browser by the handler's state, nonce and PKCE verifier.
/// </remarks>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed partial class ExternalSignInModel(SignInProviders providers, SingleSignOn singleSignOn, ILogger<ExternalSignInModel> log) : PageModel
{
    /// <summary>Which provider answered, carried through the round trip so one provider's answer cannot finish another's sign-in.</summary>
    private const string SchemeItem = "nolb:scheme";

    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (providers.Named(Provider) is not { } provider)
        {
            return Refuse("Nolb has no single sign-on with that name. Choose your organisation on the sign-in page.");
        }

        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/ExternalSignIn", "Callback", new { Provider = provider.Name, ReturnUrl }) };
        properties.Items[SchemeItem] = provider.Scheme;
        try
        {
            // Called here rather than returned as a ChallengeResult so that a provider that cannot be reached (its
            // discovery document is fetched now) is a message on this page, not an error page.
            await HttpContext.ChallengeAsync(provider.Scheme, properties);
            return new EmptyResult();
        }
        catch (Exception e) when (SingleSignOnSetup.IsProviderUnreachable(e))
        {
            LogProviderDown(log, e, provider.Name);
            return ProviderDown(provider);
        }
    }

    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken cancellationToken)
    {
        var provider = providers.Named(Provider);
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (provider is null || external.Principal is not { } principal
            || external.Properties?.Items.TryGetValue(SchemeItem, out var scheme) != true || scheme != provider.Scheme)
        {
            return Refuse("Signing in with your organisation's account did not finish. Start again from the sign-in page.");
        }

        var outcome = await singleSignOn.SignInAsync(provider, principal, cancellationToken);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        return outcome switch
        {
            SingleSignOnOutcome.SignedIn => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/"),
            SingleSignOnOutcome.SecondFactorRequired => RedirectToPage("/Account/SignInCode", new { ReturnUrl }),
            SingleSignOnOutcome.Refused refused => Refuse(refused.Message),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
        };
    }

    /// <summary>Where the handler sends a failed answer from the provider: an error it returned, or its token endpoint down.</summary>
    public IActionResult OnGetFailed() =>
        providers.Named(Provider) is { } provider
            ? ProviderDown(provider)
            : Refuse("Signing in with your organisation's account did not finish. Start again from the sign-in page.");

    private PageResult ProviderDown(SignInProvider provider) =>
        Refuse($"Nolb could not sign you in with {provider.DisplayName}: its sign-in service did not answer, or answered with an error. Try again in a few minutes, or sign in with your Nolb email address and password.");

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        return Page();
    }

    [LoggerMessage(LogLevel.Warning, "Single sign-on provider {Provider} could not be reached")]
    private static partial void LogProviderDown(ILogger logger, Exception exception, string provider);
}
