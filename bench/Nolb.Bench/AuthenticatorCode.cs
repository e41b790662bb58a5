using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Nolb.Bench;

/// <summary>
/// What an authenticator app does (RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits), so the benchmark and the tests
/// can sign in as accounts enrolled in two-factor sign-in with a known key.
/// </summary>
public static class AuthenticatorCode
{
    /// <summary>A base32 key of 20 bytes, the shape Identity's own keys have.</summary>
    public const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static string Code(string base32Key = Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // RFC 6238 as authenticator apps (and Identity) use it is HMAC-SHA1: weak as a hash, sound as this MAC.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
