using Microsoft.EntityFrameworkCore;

namespace Nolb.Web.Data;

/// <summary>
/// Contexts for reporting queries (dashboards, statistics, audit search): read-only, untracked, and on
/// the read replica when <c>ConnectionStrings:NolbReadOnly</c> is set.
/// </summary>
public sealed class ReportingDbContextFactory(DatabaseProvider provider, string connectionString)
{
    public string ConnectionString => connectionString;

    public NolbDbContext Create() => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteNolbDbContext(new DbContextOptionsBuilder<SqliteNolbDbContext>()
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options),
        _ => new PostgresNolbDbContext(new DbContextOptionsBuilder<PostgresNolbDbContext>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options),
    };
}
