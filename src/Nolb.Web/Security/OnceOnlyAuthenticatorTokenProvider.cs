using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using OtpNet;

namespace Nolb.Web.Security;

/// <summary>
/// Checks authenticator app codes (RFC 6238 TOTP) in place of Identity's own checker, which accepts the same code again
/// for as long as it is current. Here a code is accepted once: the account remembers the time step of the last code it
/// used (<see cref="NolbUser.LastAuthenticatorStep"/>) and refuses that step and earlier ones. The step is recorded by a
/// conditional update, so of two requests racing with one code only one wins. Every place that checks a code uses this
/// (signing in by page or API, setting up the app), because Identity asks the provider named in its options.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(NolbDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<NolbUser>
{
    public const string Name = "OnceOnlyAuthenticator";

    /// <summary>
    /// One step either side of now for a phone clock a little out and the time taken to type: RFC 6238 section 5.2
    /// recommends at most one step of network delay (Identity allows two each way).
    /// </summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<NolbUser> manager, NolbUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's app, never from Nolb.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<NolbUser> manager, NolbUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<NolbUser> manager, NolbUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Window))
        {
            return false;
        }

        var accepted = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, step));
        if (accepted == 0)
        {
            return false;
        }

        // Identity may save this same user object next (a reset failure count, two-factor switched on): it must carry
        // the new step, or saving it would write the old one back. The step is in the database already, so it is not
        // marked changed: otherwise the next save in this request (the audit entry, the session) would update the user
        // and, if a sign-in refused at the same moment had just counted its failure on the row, answer 409.
        user.LastAuthenticatorStep = step;
        if (db.Entry(user) is { State: not EntityState.Detached } entry)
        {
            var property = entry.Property(u => u.LastAuthenticatorStep);
            property.OriginalValue = step;
            property.IsModified = false;
        }

        return true;
    }
}
