using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Account;

/// <summary>
/// One organisation's identity provider (ADR 021), read from <c>Nolb:SignIn:Providers:&lt;name&gt;</c>. The client
/// secret comes from configuration only (an environment variable or a secret store), never from the database, and is
/// never shown.
/// </summary>
public sealed class SignInProvider
{
    /// <summary>The key under <c>Nolb:SignIn:Providers</c>: letters, digits and dashes, and part of the redirect URI.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whose account it is, on the button: "Sign in with your Glasgow City Council account".</summary>
    [Required]
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/&lt;tenant id&gt;/v2.0</c> for Microsoft Entra ID.</summary>
    [Required]
    [Url]
    public string Authority { get; set; } = "";

    [Required]
    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>Email domains whose people may sign in with this provider, e.g. <c>glasgow.gov.uk</c>.</summary>
    [MinLength(1)]
    public List<string> AllowedDomains { get; set; } = [];

    /// <summary>
    /// The claim that says the provider has verified the email address: <c>email_verified</c> in OpenID Connect Core
    /// 1.0 §5.1; Microsoft Entra ID's optional claim <c>xms_edov</c> (the email domain's owner verified it).
    /// </summary>
    public string EmailVerifiedClaim { get; set; } = "email_verified";

    /// <summary>
    /// The claim and value that say the person signed in with more than one factor: <c>amr</c> containing <c>mfa</c>
    /// (RFC 8176 §2). Without it, a role that needs two-factor sign-in still gives Nolb's own code.
    /// </summary>
    public string MfaClaim { get; set; } = "amr";

    public string MfaValue { get; set; } = "mfa";

    /// <summary>Off only for a provider on plain http in a test; on in every real deployment.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// A provider that does not answer within this time is reported as down rather than leaving the page waiting a minute.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Who gets a new Nolb account at first sign-in, and with what role and LEP; everyone else must have one already.</summary>
    public List<SignInRoleRule> Rules { get; set; } = [];

    public string Scheme => SchemePrefix + Name;

    public string CallbackPath => "/signin-oidc-" + Name;

    public string SignedOutCallbackPath => "/signout-callback-oidc-" + Name;

    public const string SchemePrefix = "oidc-";

    public bool AllowsDomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && AllowedDomains.Any(d => string.Equals(d.Trim(), email[(at + 1)..], StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A provider group or claim (e.g. an Entra ID security group's object id in <c>groups</c>) that makes a new account.</summary>
public sealed class SignInRoleRule
{
    public string Claim { get; set; } = "groups";

    [Required]
    public string Value { get; set; } = "";

    [Required]
    public Role? Role { get; set; }

    /// <summary>The council area code of the LEP, for roles that work inside one.</summary>
    public string? Lep { get; set; }

    /// <summary>For partner workers: the organisation's id in Nolb.</summary>
    public Guid? OrganisationId { get; set; }
}

/// <summary>The configured providers, in the order the sign-in page shows them.</summary>
public sealed class SignInProviders(IOptions<SignInProvidersOptions> options)
{
    public IReadOnlyList<SignInProvider> All => options.Value.Providers.Values.ToList();

    public SignInProvider? Named(string? name) =>
        name is not null && options.Value.Providers.TryGetValue(name, out var provider) ? provider : null;

    public SignInProvider? ForScheme(string? scheme) =>
        scheme is not null && scheme.StartsWith(SignInProvider.SchemePrefix, StringComparison.Ordinal)
            ? Named(scheme[SignInProvider.SchemePrefix.Length..])
            : null;
}

public sealed class SignInProvidersOptions
{
    public const string Section = "Nolb:SignIn:Providers";

    public Dictionary<string, SignInProvider> Providers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SignInProvidersOptions Read(IConfiguration configuration)
    {
        var options = new SignInProvidersOptions();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var provider = section.Get<SignInProvider>() ?? new SignInProvider();
            provider.Name = section.Key;
            options.Providers[section.Key] = provider;
        }

        return options;
    }
}

public static class SingleSignOnSetup
{
    /// <summary>
    /// One OpenID Connect scheme per configured provider: the authorization code flow with PKCE (RFC 7636), the answer
    /// posted back (form_post), claims kept under their own names, nothing saved but the signed ID token's claims, which
    /// go into Identity's short-lived external cookie until <see cref="ExternalSignInModel"/> has decided.
    /// </summary>
    public static IServiceCollection AddNolbSingleSignOn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var read = SignInProvidersOptions.Read(configuration);
        foreach (var provider in read.Providers.Values)
        {
            Validate(provider);
        }

        services.AddSingleton(Options.Create(read));
        services.AddSingleton<SignInProviders>();
        services.AddScoped<SingleSignOn>();
        var authentication = services.AddAuthentication();
        foreach (var provider in read.Providers.Values)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, o => Configure(o, provider, environment.IsDevelopment()));
        }

        return services;
    }

    private static void Validate(SignInProvider provider)
    {
        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(provider, new ValidationContext(provider), results, validateAllProperties: true)
            & provider.Rules.All(r => Validator.TryValidateObject(r, new ValidationContext(r), results, validateAllProperties: true));
        if (!provider.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            results.Add(new ValidationResult("the name may have only letters, digits and dashes (it is part of the redirect URI)"));
            valid = false;
        }

        if (!valid)
        {
            throw new OptionsValidationException(SignInProvidersOptions.Section, typeof(SignInProvider),
                results.Select(r => $"{SignInProvidersOptions.Section}:{provider.Name}: {r.ErrorMessage}"));
        }
    }

    private static void Configure(OpenIdConnectOptions o, SignInProvider provider, bool development)
    {
        if (development)
        {
            // As Nolb's own cookies (SecuritySetup): over plain http in Development, where the provider's answer comes
            // from the same site (another port of 127.0.0.1 or localhost), so Lax is sent with it.
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SameSite = SameSiteMode.Lax;
            }
        }

        o.Authority = provider.Authority;
        o.ClientId = provider.ClientId;
        o.ClientSecret = provider.ClientSecret;
        o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.FormPost;
        o.UsePkce = true;
        o.CallbackPath = provider.CallbackPath;
        o.SignedOutCallbackPath = provider.SignedOutCallbackPath;
        o.RemoteSignOutPath = "/signout-oidc-" + provider.Name;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.SignOutScheme = IdentityConstants.ExternalScheme;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.MapInboundClaims = false;
        o.BackchannelTimeout = provider.Timeout;
        o.Scope.Clear();
        o.Scope.Add(OpenIdConnectScope.OpenId);
        o.Scope.Add(OpenIdConnectScope.OpenIdProfile);
        o.Scope.Add(OpenIdConnectScope.Email);

        // The handler drops some protocol claims (acr among them) by default; a provider whose MFA claim is one of them needs it kept.
        o.ClaimActions.Remove(provider.MfaClaim);
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnSetup))
                .LogWarning(context.Failure, "Single sign-on with {Provider} failed", provider.Name);
            context.Response.Redirect($"/Account/ExternalSignIn?handler=Failed&provider={Uri.EscapeDataString(provider.Name)}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // The Nolb session has already ended; the provider is asked to end its own and send the person back.
            context.ProtocolMessage.ClientId = provider.ClientId;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// What the handler throws when a provider cannot be reached: its discovery document or keys could not be fetched
    /// (wrapped in InvalidOperationException by the configuration manager), the connection failed, or it timed out.
    /// </summary>
    public static bool IsProviderUnreachable(Exception e) =>
        e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException;
}
