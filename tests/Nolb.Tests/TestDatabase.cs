using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Npgsql;

namespace Nolb.Tests;

/// <summary>
/// A fresh, empty database for one test fixture: in-memory SQLite by default, or a new database on the
/// PostgreSQL server named by NOLB_TEST_POSTGRES when NOLB_TEST_DATABASE=Postgres (as CI runs it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection? keepAlive;
    private readonly string? postgresAdminConnection;
    private readonly string? postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, SqliteConnection? keepAlive, string? postgresAdminConnection, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.keepAlive = keepAlive;
        this.postgresAdminConnection = postgresAdminConnection;
        this.postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        string.Equals(Environment.GetEnvironmentVariable("NOLB_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ConfiguredProvider == DatabaseProvider.Sqlite)
        {
            // A named in-memory database lives while one connection to it is open.
            var connectionString = $"Data Source=nolb-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            var keepAlive = new SqliteConnection(connectionString);
            await keepAlive.OpenAsync();
            return new TestDatabase(DatabaseProvider.Sqlite, connectionString, keepAlive, null, null);
        }

        var server = Environment.GetEnvironmentVariable("NOLB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("NOLB_TEST_DATABASE=Postgres needs NOLB_TEST_POSTGRES, a connection string to a PostgreSQL server.");
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
        var name = $"nolb_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

        // PostgreSQL is migrated by the explicit migrate step, never on start: do here what that step does.
        await using (var context = new PostgresNolbDbContext(new DbContextOptionsBuilder<PostgresNolbDbContext>().UseNpgsql(database).Options))
        {
            await context.Database.MigrateAsync();
        }

        return new TestDatabase(DatabaseProvider.Postgres, database, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (keepAlive is not null)
        {
            await keepAlive.DisposeAsync();
        }

        if (postgresAdminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
