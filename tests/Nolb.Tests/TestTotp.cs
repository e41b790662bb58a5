using System.Globalization;

namespace Nolb.Tests;

/// <summary>
/// What an authenticator app does (RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits) with the known key the test
/// accounts of roles that need two-factor sign-in are enrolled with, so sign-in helpers can give the current code.
/// </summary>
public static class TestTotp
{
    /// <summary>A base32 key of 20 bytes, the shape Identity's own keys have.</summary>
    public const string Key = Nolb.Bench.AuthenticatorCode.Key;

    public static string Code(string base32Key = Key, DateTimeOffset? at = null) => Nolb.Bench.AuthenticatorCode.Code(base32Key, at);

    /// <summary>A code that is not the one for now or the steps either side (Identity accepts a little clock drift).</summary>
    public static string WrongCode(string base32Key = Key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }
}
