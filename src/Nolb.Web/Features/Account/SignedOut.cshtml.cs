using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nolb.Web.Features.Account;

/// <summary>
/// After signing out of Nolb: someone who signed in with an organisation's account is offered that provider's sign-out
/// too (OpenID Connect RP-Initiated Logout 1.0), which comes back here. It is offered rather than done, because the
/// same account signs them in to their organisation's other services.
/// </summary>
public sealed class SignedOutModel(SignInProviders providers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    public SignInProvider? SignedInWith { get; private set; }

    public void OnGet() => SignedInWith = providers.Named(Provider);

    public async Task<IActionResult> OnGetProviderAsync()
    {
        SignedInWith = providers.Named(Provider);
        if (SignedInWith is null)
        {
            return RedirectToPage();
        }

        try
        {
            await HttpContext.SignOutAsync(SignedInWith.Scheme, new AuthenticationProperties { RedirectUri = Url.Page("/Account/SignedOut") });
            return new EmptyResult();
        }
        catch (Exception e) when (SingleSignOnSetup.IsProviderUnreachable(e))
        {
            ProviderUnreachable = true;
            return Page();
        }
    }

    public bool ProviderUnreachable { get; private set; }
}
