using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nolb.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the database from configuration: <c>Nolb:Database:Provider</c> (Sqlite by default, or Postgres)
/// and <c>ConnectionStrings:Nolb</c> (for SQLite, <c>Data Source=data/nolb.db</c> by default).
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/nolb.db";

    public static DatabaseProvider Provider(this IConfiguration configuration) =>
        configuration.GetValue("Nolb:Database:Provider", DatabaseProvider.Sqlite);

    public static string MainConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Nolb") is { Length: > 0 } connection
            ? connection
            : configuration.Provider() == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException(
                    "Nolb:Database:Provider is Postgres but ConnectionStrings:Nolb is not set. " +
                    "Set it, e.g. ConnectionStrings__Nolb=\"Host=localhost;Database=nolb;Username=nolb;Password=...\".");

    public static IServiceCollection AddNolbDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.Provider();
        var connection = configuration.MainConnectionString();
        services.AddScoped<AuditingInterceptor>();
        services.AddScoped<ImportSource>();
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<SqliteFileGuard>();
            services.AddHealthChecks().AddCheck<SqliteFileGuard>("database-file", HealthStatus.Unhealthy);
            services.AddDbContext<NolbDbContext, SqliteNolbDbContext>((sp, options) => options
                .UseSqlite(connection)
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<SqliteFileGuard>()));
        }
        else
        {
            services.AddDbContext<NolbDbContext, PostgresNolbDbContext>((sp, options) => options
                .UseNpgsql(connection, UseStaleConnectionRetry)
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>()));
        }

        var readOnly = ReadOnlyConnectionString(configuration, provider, connection);
        services.AddSingleton(sp => new ReportingDbContextFactory(provider, readOnly, sp.GetService<ILoggerFactory>(), sp.GetService<SqliteFileGuard>()));
        return services;
    }

    /// <summary>Every PostgreSQL context retries a command that met a connection PostgreSQL closed while it restarted (<see cref="StaleConnectionRetry"/>).</summary>
    public static void UseStaleConnectionRetry(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder options) =>
        options.ExecutionStrategy(dependencies => new StaleConnectionRetry(dependencies));

    /// <summary>
    /// Reporting reads from <c>ConnectionStrings:NolbReadOnly</c> when it is set (a streaming read replica),
    /// otherwise from the main database; an SQLite file is opened read-only either way.
    /// </summary>
    private static string ReadOnlyConnectionString(IConfiguration configuration, DatabaseProvider provider, string main)
    {
        var readOnly = configuration.GetConnectionString("NolbReadOnly") is { Length: > 0 } configured ? configured : main;
        if (provider != DatabaseProvider.Sqlite)
        {
            return readOnly;
        }

        // An in-memory database (tests) has no read-only mode; a file does.
        var builder = new SqliteConnectionStringBuilder(readOnly);
        if (builder.Mode != SqliteOpenMode.Memory)
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        return builder.ToString();
    }

    /// <summary>Creates the folder an SQLite file lives in, so a fresh clone needs no set-up.</summary>
    public static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
