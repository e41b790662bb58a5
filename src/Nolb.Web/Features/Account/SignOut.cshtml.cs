using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

[Authorize]
public sealed class SignOutModel(SignInManager<NolbUser> signInManager, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.SignOutAsync(cancellationToken);
        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
