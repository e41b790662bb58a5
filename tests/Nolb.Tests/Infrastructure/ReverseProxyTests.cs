using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Tests.Infrastructure;

/// <summary>
/// Nolb on a real Kestrel port on 127.0.0.1, reached over plain HTTP as a TLS-terminating proxy on the same machine
/// (nginx) reaches it: the proxy passes on the public Host, the browser's cookies and X-Forwarded-For/-Proto.
/// Environment "Testing", so cookies are Secure and __Host- as in production.
/// </summary>
public class ProxiedAppFactory : NolbAppFactory
{
    public const string PublicHost = "nolb.example.gov.scot";

    public ProxiedAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected virtual IDictionary<string, string?> ProxySettings => new Dictionary<string, string?>();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(ProxySettings)
    {
        ["Nolb:PublicBaseUrl"] = $"https://{PublicHost}",
        ["Nolb:SignIn:AttemptsPerMinute"] = "3",
    };

    /// <summary>What the proxy sends: <paramref name="forwardedProto"/> and <paramref name="forwardedFor"/> (none when null).</summary>
    public HttpClient ProxyClient(string? forwardedProto, string? forwardedFor = null, string? forwardedHost = null)
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new Proxy(forwardedProto, forwardedFor, forwardedHost)) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Host = PublicHost;
        return client;
    }

    /// <summary>
    /// The proxy's side of the connection: adds the X-Forwarded-* headers and passes the browser's cookies through
    /// (the browser sends its Secure cookies because it talks HTTPS to the proxy; a cookie jar here would not).
    /// </summary>
    private sealed class Proxy(string? proto, string? forwardedFor, string? forwardedHost) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        private readonly Dictionary<string, string> cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Add(request, "X-Forwarded-Proto", proto);
            Add(request, "X-Forwarded-For", forwardedFor);
            Add(request, "X-Forwarded-Host", forwardedHost);
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = setCookie.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }

            return response;
        }

        private static void Add(HttpRequestMessage request, string header, string? value)
        {
            if (value is not null)
            {
                request.Headers.Add(header, value);
            }
        }
    }
}

/// <summary>The proxy is on loopback, which Nolb trusts when no proxies are configured.</summary>
public sealed class LoopbackProxyFactory : ProxiedAppFactory;

/// <summary>Only 192.0.2.10 and 198.51.100.0/24 are proxies: the same headers from 127.0.0.1 are anyone's.</summary>
public sealed class ConfiguredProxyFactory : ProxiedAppFactory
{
    protected override IDictionary<string, string?> ProxySettings => new Dictionary<string, string?>
    {
        ["Nolb:ReverseProxy:KnownProxies:0"] = "192.0.2.10",
        ["Nolb:ReverseProxy:KnownNetworks:0"] = "198.51.100.0/24",
    };
}

/// <summary>
/// Behind a TLS-terminating proxy Nolb sees the client's address and HTTPS (X-Forwarded-For and -Proto, from the proxy
/// only): forms work with __Host- Secure cookies (RFC 6265bis §4.1.3.2), and the audit trail and sign-in limit see
/// the client, not the proxy. ASP.NET Core docs, "Configure ASP.NET Core to work with proxy servers and load balancers".
/// </summary>
public sealed partial class BehindProxyTests(LoopbackProxyFactory app) : IClassFixture<LoopbackProxyFactory>
{
    [Fact]
    public async Task Through_a_loopback_proxy_saying_https_the_sign_in_form_works_with_host_prefixed_secure_cookies_and_the_client_is_audited()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, twoFactor: false);
        using var browser = app.ProxyClient("https", "203.0.113.10");

        var page = await browser.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-Nolb.Antiforgery=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var signedIn = await browser.SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-Nolb=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Caseload")).StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorUserId == user.Id && e.Action == AuditAction.SignIn).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal("203.0.113.10", audited);
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_forwarded_client_on_its_own()
    {
        using var guesser = app.ProxyClient("https", "203.0.113.20");
        using var neighbour = app.ProxyClient("https", "203.0.113.21");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await guesser.PostAsJsonAsync("/api/v1/auth/login", new { email = $"guess{attempt}@nolb.test", password = "guessing-passwords" })).StatusCode);
        }

        var other = await neighbour.PostAsJsonAsync("/api/v1/auth/login", new { email = "guess@nolb.test", password = "guessing-passwords" });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Plain_http_without_a_proxy_saying_https_is_redirected_to_the_public_https_address_never_answered_500(string method)
    {
        using var direct = app.ProxyClient(forwardedProto: null);

        var response = await direct.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/Account/SignIn?ReturnUrl=%2FCaseload"));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://{ProxiedAppFactory.PublicHost}/Account/SignIn?ReturnUrl=%2FCaseload", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_load_balancers_plain_http_health_probe_is_answered_not_redirected()
    {
        using var probe = app.ProxyClient(forwardedProto: null);

        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_host_from_the_proxy_never_changes_a_reset_link()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, twoFactor: false);
        using var browser = app.ProxyClient("https", "203.0.113.30", forwardedHost: "evil.example");

        var response = await browser.SubmitFormAsync("/Account/ForgotPassword", new() { ["Email"] = user.Email! });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.To == user.Email).Select(e => e.Body).SingleAsync());
        Assert.StartsWith($"https://{ProxiedAppFactory.PublicHost}/Account/ResetPassword?userId=", LinkIn().Match(body).Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkIn();
}

/// <summary>X-Forwarded-* from an address that is not a configured proxy are ignored: anyone could send them.</summary>
public sealed class UnknownProxyTests(ConfiguredProxyFactory app) : IClassFixture<ConfiguredProxyFactory>
{
    [Fact]
    public async Task A_forwarded_https_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        using var stranger = app.ProxyClient("https", "203.0.113.40");

        var response = await stranger.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://{ProxiedAppFactory.PublicHost}/Account/SignIn", response.Headers.Location!.OriginalString);
    }
}

/// <summary>
/// Requests from 198.51.100.7, which is not a proxy (set on the connection by a test-only start-up filter, as TestServer
/// has no network), claiming other client addresses in X-Forwarded-For.
/// </summary>
public sealed class StrangerClaimingOtherAddressesFactory : NolbAppFactory
{
    public const string Address = "198.51.100.7";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Nolb:SignIn:AttemptsPerMinute"] = "3" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromStranger>());
    }

    private sealed class FromStranger : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ForgedForwardedForTests(StrangerClaimingOtherAddressesFactory app) : IClassFixture<StrangerClaimingOtherAddressesFactory>
{
    [Fact]
    public async Task A_client_address_claimed_by_a_stranger_is_neither_audited_nor_a_way_round_the_sign_in_limit()
    {
        var user = await app.CreateUserAsync(Role.KeyWorker, twoFactor: false);
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = JsonContent.Create(new { email = user.Email, password = attempt == 0 ? TestUsers.Password : "guessing-passwords" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{50 + attempt}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorUserId == user.Id && e.Action == AuditAction.SignIn).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal(StrangerClaimingOtherAddressesFactory.Address, audited);
    }
}
