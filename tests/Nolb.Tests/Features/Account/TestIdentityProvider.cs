using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nolb.Tests.Features.Account;

/// <summary>The person the provider signs in next, and what it says about them.</summary>
public sealed record ProviderUser(string Subject, string Email, bool EmailVerified, string Name = "Test Person", string[]? Groups = null, bool Mfa = false);

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a real Kestrel port, for single sign-on tests: discovery,
/// keys, the authorization endpoint, the token endpoint with client authentication and PKCE required, and
/// RP-initiated logout. Its authorization endpoint signs in <see cref="Next"/> at once, as a provider would after the
/// person had typed their password; tests set it before each sign-in.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "nolb";
    public const string ClientSecret = "a-test-client-secret";

    private WebApplication app = null!;

    /// <summary>Where Nolb is, for the redirect URIs the provider accepts; a browser test learns it only after both have started.</summary>
    public Uri NolbBaseUrl { get; set; } = new("https://localhost");

    public string ProviderName { get; private set; } = "";

    private string RedirectUri => new Uri(NolbBaseUrl, "/signin-oidc-" + ProviderName).ToString();

    private string SignedOutUri => new Uri(NolbBaseUrl, "/signout-callback-oidc-" + ProviderName).ToString();

    public ProviderUser Next { get; set; } = new("nobody", "nobody@council.test", EmailVerified: false);

    /// <summary>The issuer, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Issuer { get; private set; } = null!;

    /// <summary>What Nolb sent to the authorization endpoint last, so a test can check the request (PKCE).</summary>
    public string? LastAuthorizationQuery { get; private set; }

    public int EndSessionRequests { get; private set; }

    /// <summary>Starts the provider for Nolb's provider named <paramref name="providerName"/> in its configuration.</summary>
    public static async Task<TestIdentityProvider> StartAsync(string providerName)
    {
        var provider = new TestIdentityProvider { ProviderName = providerName };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();

            // No database of clients: the one client (Nolb) is checked by the handlers below.
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != provider.RedirectUri)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or redirect_uri.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != provider.SignedOutUri)
                {
                    context.Reject(Errors.InvalidRequest, "Unknown post_logout_redirect_uri.");
                }

                return default;
            }));
        });

        var app = provider.app = builder.Build();
        app.UseRouting();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
        {
            provider.LastAuthorizationQuery = http.Request.QueryString.Value;
            var request = http.GetOpenIddictServerRequest()!;
            return Results.SignIn(PrincipalFor(provider.Next, request.GetScopes()),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(code.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/endsession", ["GET", "POST"], () =>
        {
            provider.EndSessionRequests++;
            return Results.SignOut(new AuthenticationProperties { RedirectUri = provider.SignedOutUri },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    private static ClaimsPrincipal PrincipalFor(ProviderUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        identity.AddClaim(new Claim(Claims.Email, user.Email));
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        foreach (var group in user.Groups ?? [])
        {
            identity.AddClaim(new Claim("groups", group));
        }

        // RFC 8176: "pwd" always, "mfa" when a second factor was given.
        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "pwd"));
        if (user.Mfa)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "mfa"));
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>An address where nothing listens: a provider that is down.</summary>
    public static Uri Unreachable()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
    }

    /// <summary>The configuration Nolb needs for this provider (and a second one that is down).</summary>
    public Dictionary<string, string?> NolbSettings(string name, string? lepCode = null, string? downName = null)
    {
        var prefix = $"Nolb:SignIn:Providers:{name}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "DisplayName"] = "Test Council",
            [prefix + "Authority"] = Issuer.ToString(),
            [prefix + "ClientId"] = ClientId,
            [prefix + "ClientSecret"] = ClientSecret,
            [prefix + "RequireHttpsMetadata"] = "false",
            // The provider's first answers are slow on a busy two-core test machine (its pipeline is compiled on first use).
            [prefix + "Timeout"] = "00:01:00",
            [prefix + "AllowedDomains:0"] = "council.test",
            [prefix + "Rules:0:Claim"] = "groups",
            [prefix + "Rules:0:Value"] = "nolb-key-workers",
            [prefix + "Rules:0:Role"] = "KeyWorker",
            [prefix + "Rules:0:Lep"] = lepCode ?? "S12000049",
            [prefix + "Rules:1:Claim"] = "groups",
            [prefix + "Rules:1:Value"] = "nolb-analysts",
            [prefix + "Rules:1:Role"] = "NationalAnalyst",
        };
        if (downName is not null)
        {
            var down = $"Nolb:SignIn:Providers:{downName}:";
            settings[down + "DisplayName"] = "Down Council";
            settings[down + "Authority"] = Unreachable().ToString();
            settings[down + "ClientId"] = ClientId;
            settings[down + "ClientSecret"] = ClientSecret;
            settings[down + "RequireHttpsMetadata"] = "false";
            settings[down + "AllowedDomains:0"] = "down.test";
        }

        return settings;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
