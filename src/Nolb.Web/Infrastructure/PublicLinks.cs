using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Absolute links to Nolb's pages, for emails and files that leave Nolb, built from the one configured address people
/// use to reach it (<see cref="PublicAddress"/>) and never from the request's Host or X-Forwarded-Host, which the client
/// chooses: a reset link built from a forged Host would carry a working token to the forger's site (OWASP Web Security
/// Testing Guide, WSTG-INPV-17 "Testing for Host Header Injection": password reset poisoning).
/// </summary>
public sealed class PublicLinks(LinkGenerator links, IOptions<PublicAddress> address)
{
    /// <summary>An absolute link to a page, e.g. <c>Page("/Account/ResetPassword", new { userId, token })</c>.</summary>
    public Uri Page(string page, object? values = null)
    {
        var baseUrl = address.Value.BaseUrl!;
        var link = links.GetUriByPage(page, handler: null, values, baseUrl.Scheme, new HostString(baseUrl.Authority), new PathString(baseUrl.AbsolutePath.TrimEnd('/')))
            ?? throw new InvalidOperationException($"There is no page {page} to link to.");
        return new Uri(link);
    }
}

public static partial class PublicLinksSetup
{
    /// <summary>
    /// Reads <c>Nolb:PublicBaseUrl</c> (required outside Development, checked at start); allows only its host name
    /// (HostFiltering answers 400 to any other Host); and points HTTPS redirection at its port.
    /// </summary>
    public static IServiceCollection AddNolbPublicLinks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        services.AddSingleton<PublicLinks>();
        services.AddOptions<PublicAddress>()
            .Configure<ILogger<PublicLinks>>((address, log) =>
            {
                var configured = configuration[PublicAddress.Key];
                if (string.IsNullOrWhiteSpace(configured) && development)
                {
                    configured = PublicAddress.DevelopmentDefault(configuration["urls"]);
                    LogDevelopmentDefault(log, configured);
                }

                address.BaseUrl = Uri.TryCreate(configured?.Trim(), UriKind.Absolute, out var url) ? url : null;
            })
            .Validate(a => a.BaseUrl is not null,
                $"{PublicAddress.Key} must be set outside Development to the address people use to reach Nolb, like https://nolb.example.gov.scot: every link Nolb emails is built from it.")
            .Validate(a => a.BaseUrl is null || a.BaseUrl.Scheme == Uri.UriSchemeHttps || (development && a.BaseUrl.Scheme == Uri.UriSchemeHttp),
                $"{PublicAddress.Key} must start with https:// outside Development (http:// is for Development only).")
            .Validate(a => a.BaseUrl is null || (a.BaseUrl.Query.Length == 0 && a.BaseUrl.Fragment.Length == 0 && a.BaseUrl.UserInfo.Length == 0),
                $"{PublicAddress.Key} must be a plain address with no query (?), fragment (#) or user name, like https://nolb.example.gov.scot.")
            .ValidateOnStart();

        // The AllowedHosts setting may add names (an internal health probe's, say); its "*" is ignored.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<PublicAddress>>((filtering, address) =>
        {
            var extra = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != "*");
            filtering.AllowedHosts = [.. extra.Prepend(address.Value.BaseUrl!.Host)];
        });

        // Outside Development a plain-HTTP request (no TLS proxy in front, or one Nolb does not trust) is sent to the public
        // HTTPS port rather than reaching a form whose Secure anti-forgery cookie it could not keep.
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<PublicAddress>>((redirection, address) =>
        {
            redirection.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            if (address.Value.BaseUrl is { Scheme: "https" } url)
            {
                redirection.HttpsPort = url.Port;
            }
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nolb:PublicBaseUrl is not set, so links in emails use {Address}, the address Kestrel listens on (Development only)")]
    private static partial void LogDevelopmentDefault(ILogger logger, string address);
}

/// <summary>The address people use to reach Nolb, e.g. https://nolb.example.gov.scot (<c>Nolb:PublicBaseUrl</c>).</summary>
public sealed class PublicAddress
{
    public const string Key = "Nolb:PublicBaseUrl";

    public Uri? BaseUrl { get; set; }

    /// <summary>Development's address when none is set: the first of ASPNETCORE_URLS (the launch profile's), else Kestrel's default.</summary>
    internal static string DevelopmentDefault(string? urls)
    {
        const string kestrelDefault = "http://localhost:5000";
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return kestrelDefault;
        }

        // Kestrel's wildcards (http://+:5000, http://*:5000, http://0.0.0.0:5000) are where it listens, not an address to link to.
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : kestrelDefault;
    }
}
