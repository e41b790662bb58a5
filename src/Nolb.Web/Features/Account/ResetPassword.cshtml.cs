using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

/// <summary>
/// Chooses a new password from the emailed link. Resetting changes the security stamp, so every other session
/// and API token of the account ends, and clears a lockout.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class ResetPasswordModel(UserManager<NolbUser> userManager) : PageModel
{
    public const string BadLink = "This link has expired or has already been used. Ask for a new one.";

    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkIncomplete => UserId is null || string.IsNullOrEmpty(Token);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (LinkIncomplete)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a new password of at least 12 characters");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same password twice");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await userManager.FindByIdAsync(UserId!.Value.ToString());
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError(nameof(Password), BadLink);
            return Page();
        }

        var result = await userManager.ResetPasswordAsync(user, Token!, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? BadLink : $"Password: {error.Description}");
            }

            return Page();
        }

        await userManager.ResetAccessFailedCountAsync(user);
        await userManager.SetLockoutEndDateAsync(user, null);
        TempData["Confirmation"] = "Your password has been changed. Sign in with the new one.";
        return RedirectToPage("/Account/SignIn");
    }
}
