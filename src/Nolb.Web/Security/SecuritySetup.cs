using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Nolb.Web.Data;

namespace Nolb.Web.Security;

/// <summary>
/// Accounts (ASP.NET Core Identity), sign-in schemes and permissions. Pages use a cookie; the JSON API
/// under /api uses bearer tokens only, so a browser's cookie can never be used against the API (no CSRF).
/// </summary>
public static class SecuritySetup
{
    public const string SchemeSelector = "Nolb";
    public const string ApiPrefix = "/api";

    public static IServiceCollection AddNolbSecurity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();

        // Keys live in the database so every instance (and a restart) can read the others' cookies and tokens.
        services.AddDataProtection().SetApplicationName("Nolb").PersistKeysToDbContext<NolbDbContext>();
        services.AddScoped<CurrentUser>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SchemeSelector;
                options.DefaultChallengeScheme = SchemeSelector;
            })
            .AddPolicyScheme(SchemeSelector, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(ApiPrefix)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            ConfigureCookie(options.Cookie, environment, "Nolb");
        });
        services.AddAntiforgery(options => ConfigureCookie(options.Cookie, environment, "Nolb.Antiforgery"));

        services.AddIdentityCore<NolbUser>(options =>
            {
                // NCSC guidance: length beats composition rules, so ask for 12 characters and no symbol games.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<NolbDbContext>()
            .AddSignInManager<NolbSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(OnceOnlyAuthenticatorTokenProvider.Name);
        services.Configure<IdentityOptions>(o => o.Tokens.AuthenticatorTokenProvider = OnceOnlyAuthenticatorTokenProvider.Name);
        services.AddScoped<UserSessions>();
        services.AddScoped(sp => (NolbSignInManager)sp.GetRequiredService<SignInManager<NolbUser>>());

        // Identity renews a cookie's claims from the account now and then; the session the cookie belongs to stays the same.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(UserSessions.ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(session.Type, session.Value));
            }

            return Task.CompletedTask;
        });

        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        return services;
    }

    /// <summary>
    /// Outside Development cookies are Secure and use the __Host- prefix (no Domain, Path=/, HTTPS only);
    /// in Development they also work over plain http://localhost.
    /// </summary>
    private static void ConfigureCookie(CookieBuilder cookie, IWebHostEnvironment environment, string name)
    {
        var development = environment.IsDevelopment();
        cookie.Name = development ? name : $"__Host-{name}";
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.Path = "/";
    }
}
