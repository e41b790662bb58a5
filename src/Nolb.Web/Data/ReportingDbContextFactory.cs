using Microsoft.EntityFrameworkCore;

namespace Nolb.Web.Data;

/// <summary>
/// Contexts for reporting queries (dashboards, statistics, audit search): read-only, untracked, and on
/// the read replica when <c>ConnectionStrings:NolbReadOnly</c> is set. Their SQL is logged like the main context's
/// (the <c>Microsoft.EntityFrameworkCore.Database.Command</c> category) when a logger factory is given, and on SQLite
/// they are refused like the main context's when the database file was deleted or replaced (<see cref="SqliteFileGuard"/>).
/// </summary>
public sealed class ReportingDbContextFactory(DatabaseProvider provider, string connectionString, ILoggerFactory? loggerFactory = null, SqliteFileGuard? fileGuard = null)
{
    public string ConnectionString => connectionString;

    public NolbDbContext Create() => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteNolbDbContext(new DbContextOptionsBuilder<SqliteNolbDbContext>()
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .UseLoggerFactory(loggerFactory)
            .AddInterceptors(fileGuard is null ? [] : [fileGuard])
            .Options),
        _ => new PostgresNolbDbContext(new DbContextOptionsBuilder<PostgresNolbDbContext>()
            .UseNpgsql(connectionString, DatabaseSetup.UseStaleConnectionRetry)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .UseLoggerFactory(loggerFactory)
            .Options),
    };
}
