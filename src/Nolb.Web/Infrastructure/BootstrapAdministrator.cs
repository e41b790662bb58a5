using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// On first start (no user at all), creates the administrator named by <c>Nolb:Bootstrap:AdminEmail</c> and
/// <c>Nolb:Bootstrap:AdminPassword</c>. There is deliberately no default password: without both settings
/// nobody is created and the log says how to set them.
/// </summary>
public static partial class BootstrapAdministrator
{
    // quiet: demo data adds its own administrator, so missing bootstrap settings are no problem then.
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, bool quiet = false)
    {
        var db = services.GetRequiredService<NolbDbContext>();
        if (await db.Users.AnyAsync())
        {
            return;
        }

        var email = configuration["Nolb:Bootstrap:AdminEmail"];
        var password = configuration["Nolb:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!quiet)
            {
                LogNoBootstrapSettings(logger);
            }

            return;
        }

        var userManager = services.GetRequiredService<UserManager<NolbUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var admin = new NolbUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = "Administrator",
            Role = Role.Administrator,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await userManager.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap administrator could not be created: " +
                string.Join(" ", result.Errors.Select(e => e.Description)) +
                " Change Nolb:Bootstrap:AdminPassword and start again.");
        }

        LogCreated(logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No user exists and no bootstrap administrator is configured, so nobody can sign in yet. " +
        "Set Nolb__Bootstrap__AdminEmail and Nolb__Bootstrap__AdminPassword (at least 12 characters) in the " +
        "environment, or Nolb:Bootstrap:AdminEmail/AdminPassword in user secrets, and start Nolb again.")]
    private static partial void LogNoBootstrapSettings(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap administrator account from configuration.")]
    private static partial void LogCreated(ILogger logger);
}
