using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nolb.Web.Data;

/// <summary>
/// Refuses database work once the SQLite file Nolb opened at start-up is no longer the file at its path (deleted,
/// renamed, or replaced by another file). Without this, pooled connections keep writing to the unlinked file and
/// answer 201 for data that is gone at the next restart; in WAL mode SQLite itself does not refuse such writes
/// (its SQLITE_READONLY_DBMOVED check is made only when a rollback journal is opened).
/// <para>
/// At start-up one connection is opened and kept, never used for queries: it holds the original file. Before a
/// connection is opened, before a transaction commits and before changes are saved, SQLite is asked whether that
/// file has moved (<c>SQLITE_FCNTL_HAS_MOVED</c>: one <c>stat</c> of the path compared with the open file's inode,
/// https://www.sqlite.org/c3ref/c_fcntl_begin_atomic_write.html). If it has, the work fails with
/// SQLITE_READONLY_DBMOVED, which <see cref="Infrastructure.DatabaseUnavailable"/> answers 503 with Retry-After,
/// and the health check says unhealthy. Nothing is cached: when the original file is put back, work resumes; a
/// different file at the path is used only after a restart, since two files sharing one -wal/-shm in one process
/// corrupt each other.
/// </para>
/// </summary>
public sealed partial class SqliteFileGuard(ILogger<SqliteFileGuard>? logger = null) : IDbConnectionInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor, IHealthCheck, IDisposable
{
    // Optional so that a bare service collection (the reporting factory's tests) can build one.
    private ILogger Log { get; } = logger ?? NullLogger<SqliteFileGuard>.Instance;

    // https://www.sqlite.org/rescode.html: SQLITE_READONLY and its extended code SQLITE_READONLY_DBMOVED.
    private const int SqliteReadOnly = 8, SqliteReadOnlyDbMoved = 8 | (4 << 8), SqliteOk = 0, HasMoved = 20;

    private static readonly byte[] MainDatabase = "main\0"u8.ToArray();

    private readonly Lock gate = new();
    private SqliteConnection? original;
    private string path = "";
    private bool reported;

    /// <summary>Keeps the database file the app has just migrated, to compare the path with from now on; an in-memory database has no file to keep.</summary>
    public void Watch(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        lock (gate)
        {
            original?.Dispose();
            original = connection;
            path = Path.GetFullPath(builder.DataSource);
        }
    }

    /// <summary>True when the file at the database's path is no longer the one opened at start-up.</summary>
    public bool FileHasMoved()
    {
        lock (gate)
        {
            if (original?.Handle is not { } handle)
            {
                return false;
            }

            var moved = 0;
            bool result;
            try
            {
                result = FileControl(handle.DangerousGetHandle(), MainDatabase, HasMoved, ref moved) == SqliteOk && moved != 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Another SQLite build than the bundled e_sqlite3: the check cannot be made, so it is not.
                LogCannotCheck(Log, e);
                original.Dispose();
                original = null;
                return false;
            }

            if (result != reported)
            {
                reported = result;
                if (result)
                {
                    LogMoved(Log, path);
                }
                else
                {
                    LogBack(Log, path);
                }
            }

            return result;
        }
    }

    public void ThrowIfFileMoved()
    {
        if (FileHasMoved())
        {
            throw new SqliteException(
                $"The database file {path} was deleted or replaced while Nolb had it open; nothing more is written until it is put back or Nolb restarts.",
                SqliteReadOnly, SqliteReadOnlyDbMoved);
        }
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfFileMoved();
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfFileMoved();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ThrowIfFileMoved();
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfFileMoved();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ThrowIfFileMoved();
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfFileMoved();
        return ValueTask.FromResult(result);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(FileHasMoved()
            ? new HealthCheckResult(context.Registration.FailureStatus, "The database file was deleted or replaced while Nolb had it open.")
            : HealthCheckResult.Healthy());

    public void Dispose()
    {
        lock (gate)
        {
            original?.Dispose();
            original = null;
        }
    }

    // The library Microsoft.Data.Sqlite loads (SQLitePCLRaw's bundle); SQLitePCLRaw itself has no file-control call.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileControl(IntPtr db, byte[] name, int op, ref int result);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The SQLite database file {Path} was deleted or replaced while Nolb had it open. Database work answers 503 until the original file is back at that path, or Nolb is restarted on the file now there.")]
    private static partial void LogMoved(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite database file {Path} is back; database work resumes.")]
    private static partial void LogBack(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whether the SQLite database file was deleted or replaced cannot be checked with this SQLite library.")]
    private static partial void LogCannotCheck(ILogger logger, Exception exception);
}
