using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Identity's lockout for addresses that have no account (or a disabled one), so that after the same number of wrong
/// tries they too answer "locked" for the same time: otherwise "Account locked" would tell who has an account
/// (OWASP Authentication Cheat Sheet, "Account Lockout" and "Authentication and Error Messages"). Kept in memory per
/// normalised address; a count is forgotten a day after its last failure, so a flood of made-up addresses cannot fill it.
/// With several instances each keeps its own count, which only makes an unknown address lock later, never sooner.
/// </summary>
public sealed class UnknownAccountLockout(IMemoryCache cache, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    public bool IsLockedOut(string normalisedEmail) =>
        cache.TryGetValue(Key(normalisedEmail), out Failures? failures) && IsLocked(failures!);

    /// <summary>Counts a failure as Identity's AccessFailedAsync does; answers whether the address is now locked.</summary>
    public bool Failed(string normalisedEmail)
    {
        var lockout = identity.Value.Lockout;
        var failures = cache.GetOrCreate(Key(normalisedEmail), entry =>
        {
            entry.SlidingExpiration = Remembered;
            return new Failures();
        })!;
        lock (failures)
        {
            if (IsLocked(failures))
            {
                return true;
            }

            if (++failures.Count < lockout.MaxFailedAccessAttempts)
            {
                return false;
            }

            failures.Count = 0;
            failures.LockedUntil = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
            return true;
        }
    }

    private bool IsLocked(Failures failures)
    {
        lock (failures)
        {
            return failures.LockedUntil is { } until && until > clock.GetUtcNow();
        }
    }

    private static string Key(string normalisedEmail) => "unknown-account-failures:" + normalisedEmail;
}
