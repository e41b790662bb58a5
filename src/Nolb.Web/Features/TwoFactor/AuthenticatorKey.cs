using QRCoder;

namespace Nolb.Web.Features.TwoFactor;

/// <summary>
/// How the shared key of an authenticator app is shown: in groups of four to type in by hand, as an
/// <c>otpauth://</c> URI (the Key URI Format authenticator apps read), and as a QR code of that URI drawn as inline SVG.
/// </summary>
public static class AuthenticatorKey
{
    public const string Issuer = "Nolb";

    public static string Grouped(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>An SVG image of the URI as a QR code: presentation attributes only, so the strict CSP allows it.</summary>
    public static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
