using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

/// <summary>
/// Asks for a password reset link by email. The answer is the same page, after at least the same time, whether or
/// not the address has an account, so the form cannot be used to find out who has one.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class ForgotPasswordModel(UserManager<NolbUser> userManager, AccountMail mail, PublicLinks links) : PageModel
{
    /// <summary>Longer than looking up an account, making a token and writing the email take, so both answers take this long.</summary>
    public static readonly TimeSpan MinimumAnswerTime = TimeSpan.FromMilliseconds(400);

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal) || Email.Length > 256)
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address, like name@example.org");
            return Page();
        }

        var started = Stopwatch.GetTimestamp();
        var user = await userManager.FindByEmailAsync(Email.Trim());
        if (user is { IsDisabled: false, Email: { } to })
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var link = links.Page("/Account/ResetPassword", new { userId = user.Id, token });
            await mail.PasswordResetAsync(to, user.DisplayName, link, ct);
        }

        // Task.Delay's timer ticks on a coarser clock than the stopwatch and may end a few milliseconds early, so
        // wait again until the stopwatch itself says the minimum has passed.
        for (var left = MinimumAnswerTime - Stopwatch.GetElapsedTime(started); left > TimeSpan.Zero; left = MinimumAnswerTime - Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(1), ct);
        }

        Sent = true;
        return Page();
    }
}
