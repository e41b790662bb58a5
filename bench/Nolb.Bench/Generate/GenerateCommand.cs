using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Npgsql;

namespace Nolb.Bench.Generate;

/// <summary>
/// <c>generate</c>: a fresh database with the app's own migrations and reference data, then the synthetic Scotland
/// bulk-loaded into it.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var settings = new GeneratorSettings(options.Seed, options.Scale, DateOnly.FromDateTime(DateTime.UtcNow));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generating {settings.Participants:N0} participants (seed {settings.Seed}, scale {settings.Scale}) into {options.Database}"));
        await RecreateAsync(options.Database, options.Connection);
        SeededIds seeded;
        await using (var db = Context(options.Database, options.Connection))
        {
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db);
            seeded = new SeededIds(
                await db.Leps.ToDictionaryAsync(l => l.Code, l => l.Id),
                await db.InterventionTypes.OrderBy(t => t.Code).Select(t => t.Id).ToListAsync());
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Schema migrated and reference data seeded in {clock.Elapsed.TotalSeconds:0.0} s"));
        await using (var model = Context(options.Database, options.Connection))
        await using (var load = await BulkLoader.OpenAsync(options.Database, options.Connection, model))
        {
            var generator = new ScotlandGenerator(load, settings, seeded);
            await generator.RunAsync(log);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rows written in {clock.Elapsed.TotalSeconds:0.0} s; rebuilding indexes"));
            await load.FinishAsync();
            foreach (var (table, rows) in load.RowsByTable.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-20} {rows,12:N0}"));
            }

            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{load.RowsWritten:N0} rows, {generator.Engagements:N0} engagements, in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        return 0;
    }

    public static NolbDbContext Context(DatabaseProvider provider, string connection) => provider == DatabaseProvider.Sqlite
        ? new SqliteNolbDbContext(new DbContextOptionsBuilder<SqliteNolbDbContext>().UseSqlite(connection).Options)
        : new PostgresNolbDbContext(new DbContextOptionsBuilder<PostgresNolbDbContext>().UseNpgsql(connection).Options);

    /// <summary>Starts from nothing: the SQLite file (and its WAL) deleted, or every table of the PostgreSQL schema dropped.</summary>
    internal static async Task RecreateAsync(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            if (file.Length > 0 && file != ":memory:" && !connection.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            {
                DatabaseSetup.EnsureSqliteFolder(connection);
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(file + suffix);
                }
            }

            return;
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", db);
        await command.ExecuteNonQueryAsync();
    }
}
