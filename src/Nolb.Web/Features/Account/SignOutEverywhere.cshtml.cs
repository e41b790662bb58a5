using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

/// <summary>
/// Ends every session of the account at once (other browsers, API tokens): a new security stamp makes every
/// cookie and token issued before it invalid on its next request (see CurrentUserMiddleware), and every session of the
/// account is ended, refresh tokens included.
/// </summary>
public sealed class SignOutEverywhereModel(UserManager<NolbUser> userManager, SignInManager<NolbUser> signInManager, UserSessions sessions, CurrentUser currentUser, AuditLog audit) : PageModel
{
    // The Account folder is open to visitors, so this page asks for a signed-in user itself.
    public IActionResult OnGet() => currentUser.IsAuthenticated ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated || await userManager.FindByIdAsync(currentUser.Id!.Value.ToString()) is not { } user)
        {
            return Challenge();
        }

        await userManager.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        await audit.SignOutAsync(cancellationToken);
        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
