using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

/// <summary>
/// "Stay signed in": a signed-in request renews the sliding sign-in cookie (the timeout warning shows when most of
/// the idle time has gone, past the half at which the cookie is reissued). The warning's script posts here without
/// leaving the page (204); without script the form comes back to the page it was sent from.
/// </summary>
public sealed class KeepAliveModel(CurrentUser currentUser) : PageModel
{
    public const string FetchHeader = "X-Nolb-Keep-Alive";

    // The Account folder is open to visitors, so this page asks for a signed-in user itself.
    public IActionResult OnGet() => currentUser.IsAuthenticated ? Page() : Challenge();

    public IActionResult OnPost(string? returnUrl)
    {
        if (!currentUser.IsAuthenticated)
        {
            return Challenge();
        }

        if (Request.Headers.ContainsKey(FetchHeader))
        {
            return new NoContentResult();
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
