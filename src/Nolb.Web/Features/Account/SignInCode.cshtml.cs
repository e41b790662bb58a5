using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Account;

/// <summary>
/// The second step of signing in for an account with two-factor sign-in: a code from the authenticator app,
/// or one of the recovery codes. Without a pending sign-in (it lasts five minutes) it sends the visitor back to sign in.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInCodeModel(SignInService signIn) : PageModel
{
    [BindProperty]
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.PendingSecondFactorAsync() is null ? RedirectToPage("/Account/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app, or a recovery code");
            return Page();
        }

        switch (await signIn.SecondFactorAsync(Code, cancellationToken))
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                TempData["Confirmation"] = "This account is locked for 15 minutes after too many wrong codes. Try again later, or ask an administrator.";
                return RedirectToPage("/Account/SignIn");
            default:
                if (await signIn.PendingSecondFactorAsync() is null)
                {
                    TempData["Confirmation"] = "Signing in took too long. Enter your email address and password again.";
                    return RedirectToPage("/Account/SignIn", new { ReturnUrl });
                }

                ModelState.AddModelError(nameof(Code),
                    "The code is not right. Enter the code your authenticator app shows now, or a recovery code you have not used");
                return Page();
        }
    }
}
