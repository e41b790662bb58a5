using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nolb.Web.Features.TwoFactor;

/// <summary>
/// Recovery codes: each signs in once in place of an authenticator code. They are shown once, when made (after set-up,
/// or when the user makes new ones, which stops the old ones working), and are never shown again.
/// </summary>
public sealed class RecoveryCodesModel(TwoFactorAccount account) : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];
    public bool IsOn { get; private set; }

    public async Task OnGetAsync()
    {
        IsOn = (await account.UserAsync()).TwoFactorEnabled;
        if (TempData[SetUpModel.RecoveryCodesKey] is string codes)
        {
            Codes = codes.Split(' ');
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await account.UserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("/TwoFactor/Index");
        }

        IsOn = true;
        Codes = await account.NewRecoveryCodesAsync(user, ct);
        return Page();
    }
}
