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

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is migrated to the latest schema.")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
