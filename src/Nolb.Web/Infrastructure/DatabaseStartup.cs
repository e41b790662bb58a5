using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// What happens to the database before Nolb serves a request. SQLite is migrated on start so a fresh
/// clone runs with no set-up; PostgreSQL is migrated only by the explicit <c>migrate</c> command, and
/// the app refuses to start against a PostgreSQL schema that is behind.
/// </summary>
public static partial class DatabaseStartup
{
    /// <summary>
    /// Prepares the database, or says in one logged sentence why Nolb cannot start on it and returns false (the
    /// process then exits with a non-zero code). Refusing to start, rather than starting and answering 503, makes a
    /// deployment or a service manager's restart fail where the operator is looking, with the file and the fix named;
    /// a fault that arises while Nolb runs answers 503 until it is fixed (<see cref="DatabaseUnavailable"/>).
    /// </summary>
    public static async Task<bool> TryPrepareAsync(WebApplication app, bool migrate)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nolb.Startup");
        try
        {
            await PrepareAsync(app, migrate);
            return true;
        }
        catch (Exception e) when (e is CannotStartException || DatabaseUnavailable.IsOutage(e))
        {
            var reason = e is CannotStartException ? e.Message : $"Its database cannot be used ({e.GetBaseException().Message}): check that it is reachable and that its files are writable by the user Nolb runs as";
            LogCannotStart(logger, reason);
            LogCannotStartDetail(logger, e);
            return false;
        }
    }

    public static async Task PrepareAsync(WebApplication app, bool migrate)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NolbDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Nolb.Startup");
        var provider = app.Configuration.Provider();

        if (provider == DatabaseProvider.Sqlite)
        {
            DatabaseSetup.EnsureSqliteFolder(app.Configuration.MainConnectionString());
            if (SqliteFileGuard.StartupProblem(app.Configuration.MainConnectionString()) is { } problem)
            {
                throw new CannotStartException(problem);
            }
        }

        if (migrate || provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync();
            LogMigrated(logger, provider);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // From here on, work is refused if the file just migrated is deleted or replaced under the running app.
            services.GetRequiredService<SqliteFileGuard>().Watch(app.Configuration.MainConnectionString());
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database is {pending.Count} migration(s) behind ({string.Join(", ", pending)}). " +
                    "Run `dotnet run --project src/Nolb.Web -- migrate` with the same configuration, then start Nolb again.");
            }
        }

        await ReferenceDataSeeder.SeedAsync(db);
        var demo = app.Configuration.GetValue<bool>("Nolb:Demo");
        if (demo && app.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Demo data is for development only and is never added in Production. Remove --demo / Nolb:Demo.");
        }

        // The bootstrap administrator comes first: it is made only while no user exists, and demo data adds users.
        await BootstrapAdministrator.EnsureAsync(services, app.Configuration, logger, quiet: demo);
        if (demo)
        {
            await DemoData.SeedAsync(services, logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Nolb cannot start. {Reason}, then start Nolb again.")]
    private static partial void LogCannotStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Why Nolb could not start, for a developer")]
    private static partial void LogCannotStartDetail(ILogger logger, Exception exception);

    /// <summary>The database is in a state Nolb must not start on; the message says which file and what to do.</summary>
    public sealed class CannotStartException(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is migrated to the latest schema.")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
