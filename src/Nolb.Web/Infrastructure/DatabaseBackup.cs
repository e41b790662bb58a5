using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Nolb.Web.Data;
using Npgsql;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A consistent online backup of the whole database, and its restore, while Nolb may be running:
/// SQLite through its online backup API (a snapshot taken under one read lock, so writes in progress are either wholly
/// in it or not at all), PostgreSQL through <c>pg_dump</c> (one repeatable-read snapshot) in its custom format and
/// <c>pg_restore</c> in one transaction. A restore replaces everything in the database with the backup.
/// </summary>
public static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(connectionString);
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            return;
        }

        await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", target], connectionString, ct);
    }

    public static async Task RestoreAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"There is no backup file at {source}. Give the file `backup` wrote.", source);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var live = new SqliteConnection(connectionString);
            await backup.OpenAsync(ct);
            await live.OpenAsync(ct);
            backup.BackupDatabase(live);
            return;
        }

        // Unlike pg_dump, pg_restore only restores into a database named on its command line (otherwise it writes a script).
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname", database, source], connectionString, ct);
    }

    /// <summary>Runs a PostgreSQL client tool against the configured database; the password goes in the environment, never on the command line.</summary>
    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, string connectionString, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = settings.Database;
        start.Environment["PGUSER"] = settings.Username;
        if (settings.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started. Install PostgreSQL's client tools (scripts/install-test-deps.sh).");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {errors.Trim()}");
        }
    }
}
