using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolb.Web.Infrastructure;

namespace Nolb.Web.Features.Account;

[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(SignInService signIn, SignInProviders providers) : PageModel
{
    /// <summary>The organisations whose staff may sign in with their own account (ADR 021); a button each.</summary>
    public IReadOnlyList<SignInProvider> Providers => providers.All;

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await signIn.SignInAsync(Input.Email!, Input.Password!, IdentityConstants.ApplicationScheme, cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.SecondFactorRequired:
                return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("Input.Email",
                    "This account is locked for 15 minutes after too many wrong passwords. Try again later, or ask an administrator.");
                return Page();
            default:
                // One message for a wrong email or a wrong password, so the form does not reveal who has an account.
                ModelState.AddModelError("Input.Email", "The email address or password is not right. Check them and try again.");
                return Page();
        }
    }

    public sealed class SignInInput
    {
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
