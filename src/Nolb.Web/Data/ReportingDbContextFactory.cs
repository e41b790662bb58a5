using Microsoft.EntityFrameworkCore;

namespace Nolb.Web.Data;

/// <summary>
/// Contexts for reporting queries (dashboards, statistics, audit search): read-only, untracked, and on
/// the read replica when <c>ConnectionStrings:NolbReadOnly</c> is set. Their SQL is logged like the main context's
/// (the <c>Microsoft.EntityFrameworkCore.Database.Command</c> category) when a logger factory is given.
/// </summary>
public sealed class ReportingDbContextFactory(DatabaseProvider provider, string connectionString, ILoggerFactory? loggerFactory = null)
{
    public string ConnectionString => connectionString;

    public NolbDbContext Create() => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteNolbDbContext(new DbContextOptionsBuilder<SqliteNolbDbContext>()
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .UseLoggerFactory(loggerFactory)
            .Options),
        _ => new PostgresNolbDbContext(new DbContextOptionsBuilder<PostgresNolbDbContext>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .UseLoggerFactory(loggerFactory)
            .Options),
    };
}
