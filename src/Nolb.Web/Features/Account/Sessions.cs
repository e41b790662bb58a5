using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Nolb.Web.Features.Account;

/// <summary>
/// How long a signed-in browser session lasts (<c>Nolb:Sessions</c>). Defaults: 30 minutes without a request
/// ends it (a shared office PC left unlocked), and 10 hours after signing in it ends however active it is (one
/// working day; a stolen cookie is useful for a day at most). API bearer tokens last an hour; the refresh token that comes with one gets a new pair once (POST /api/v1/auth/refresh)
/// within fourteen days, and signing out (POST /api/v1/auth/revoke, or everywhere) ends both.
/// </summary>
public sealed class SessionOptions
{
    public const string Section = "Nolb:Sessions";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Nolb:Sessions:IdleTimeout must be between one minute and one day")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Nolb:Sessions:AbsoluteTimeout must be between one minute and seven days")]
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);
}

public static class Sessions
{
    /// <summary>When the session began, kept in the cookie's properties (renewing a sliding cookie keeps them).</summary>
    public const string StartedKey = ".nolb.session-started";

    /// <summary>Session timeouts for the sign-in cookie, and one hour for a password reset link.</summary>
    public static IServiceCollection AddNolbAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddMemoryCache();
        services.AddSingleton<Infrastructure.UnknownAccountLockout>();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.AbsoluteTimeout >= o.IdleTimeout, "Nolb:Sessions:AbsoluteTimeout must not be shorter than IdleTimeout")
            .ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionOptions>>((cookie, sessions) =>
            {
                cookie.ExpireTimeSpan = sessions.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                var signingIn = cookie.Events.OnSigningIn;
                cookie.Events.OnSigningIn = context =>
                {
                    context.Properties.Items[StartedKey] = context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                    return signingIn(context);
                };

                // Identity's own validator (the security stamp) runs only for sessions still inside the absolute limit.
                var validate = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var now = context.Options.TimeProvider!.GetUtcNow();
                    var started = context.Properties.Items.TryGetValue(StartedKey, out var value)
                        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                            ? at
                            : context.Properties.IssuedUtc ?? now;
                    if (now - started > sessions.Value.AbsoluteTimeout)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await validate(context);
                };
            });
        return services;
    }
}
