using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.TwoFactor;

/// <summary>Switching two-factor sign-in off: refused (access denied) to roles that must use it.</summary>
public sealed class SwitchOffModel(TwoFactorAccount account, CurrentUser currentUser) : PageModel
{
    public bool IsOn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (currentUser.Role?.RequiresTwoFactor() == true)
        {
            return Forbid();
        }

        IsOn = (await account.UserAsync()).TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (currentUser.Role?.RequiresTwoFactor() == true)
        {
            return Forbid();
        }

        var user = await account.UserAsync();
        if (user.TwoFactorEnabled)
        {
            await account.SwitchOffAsync(user, ct);
            TempData["Confirmation"] = "Two-factor sign-in is off. Your recovery codes no longer work.";
        }

        return RedirectToPage("/TwoFactor/Index");
    }
}
