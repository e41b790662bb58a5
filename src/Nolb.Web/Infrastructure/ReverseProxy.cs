using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Running behind a TLS-terminating reverse proxy (nginx, a cloud load balancer). X-Forwarded-For and X-Forwarded-Proto
/// are believed only from the proxies and networks listed in <c>Nolb:ReverseProxy:KnownProxies</c> (IP addresses) and
/// <c>Nolb:ReverseProxy:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8); with neither set, only from loopback (a proxy on the
/// same machine). Anyone else could claim any client address or HTTPS in these headers. X-Forwarded-Host is never read:
/// links come from <see cref="PublicAddress"/>. The client address then feeds the audit trail and the sign-in rate limit,
/// and the scheme lets Secure (__Host-) cookies be set.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Nolb:ReverseProxy";

    public static IServiceCollection AddNolbReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // No fixed number of hops: X-Forwarded-For is read from the right only while each address is a known proxy
            // (a CDN in front of a load balancer, both listed), and stops at the first that is not: that is the client.
            options.ForwardLimit = null;
            if (proxies.Length == 0 && networks.Length == 0)
            {
                return; // ASP.NET Core's defaults: 127.0.0.0/8 and ::1.
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: \"{proxy}\" is not an IP address, like 10.0.0.5 or 2001:db8::5."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: \"{network}\" is not a network in CIDR form, like 10.0.0.0/8."));
            }
        });
        return services;
    }
}
