using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Security;

namespace Nolb.Web.Features.TwoFactor;

/// <summary>
/// Setting up two-factor sign-in: the authenticator app takes the key (typed, or as a QR code or link), and the first
/// code it shows proves it did before two-factor sign-in is switched on. The ten recovery codes are shown next, once.
/// </summary>
public sealed class SetUpModel(TwoFactorAccount account, CurrentUser currentUser) : PageModel
{
    public const string RecoveryCodesKey = "RecoveryCodes";

    [BindProperty]
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }

    public bool AlreadyOn { get; private set; }
    public bool Required => currentUser.Role?.RequiresTwoFactor() == true;
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public string QrCodeSvg { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await account.UserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/TwoFactor/Index");
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows for Nolb");
        }
        else if (await account.SwitchOnAsync(user, Code, ct) is { } codes)
        {
            TempData[RecoveryCodesKey] = string.Join(' ', codes);
            return RedirectToPage("/TwoFactor/RecoveryCodes");
        }
        else
        {
            ModelState.AddModelError(nameof(Code),
                "The code is not right. Check the key in the app is the one on this page and enter the code it shows now");
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var user = await account.UserAsync();
        AlreadyOn = user.TwoFactorEnabled;
        if (!AlreadyOn)
        {
            var key = await account.KeyAsync(user);
            Key = AuthenticatorKey.Grouped(key);
            Uri = AuthenticatorKey.Uri(user.Email!, key);
            QrCodeSvg = AuthenticatorKey.QrCodeSvg(Uri);
        }
    }
}
