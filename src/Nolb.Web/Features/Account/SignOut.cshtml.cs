using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

[Authorize]
public sealed class SignOutModel(SignInManager<NolbUser> signInManager, UserSessions sessions, AuditLog audit, SignInProviders providers) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.SignOutAsync(cancellationToken);

        // Ended on the server too: a copy of this cookie (another tab's, or a stolen one) no longer signs in.
        if (UserSessions.IdOf(User) is { } session)
        {
            await sessions.EndAsync(session, cancellationToken);
        }

        // Signed in with an organisation's account: the signed-out page offers to sign out there too (ADR 021).
        var provider = providers.ForScheme(User.FindFirstValue(ClaimTypes.AuthenticationMethod));
        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/SignedOut", new { Provider = provider?.Name });
    }
}
