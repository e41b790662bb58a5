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
/// <para>
/// The same checks refuse a -shm file that would crash the process (<see cref="SharedMemoryProblem"/>), and
/// <see cref="StartupProblem"/> refuses to start on files Nolb cannot write.
/// </para>
/// </summary>
public sealed partial class SqliteFileGuard(ILogger<SqliteFileGuard>? logger = null) : IDbConnectionInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor, IHealthCheck, IDisposable
{
    // Optional so that a bare service collection (the reporting factory's tests) can build one.
    private ILogger Log { get; } = logger ?? NullLogger<SqliteFileGuard>.Instance;

    // https://www.sqlite.org/rescode.html: SQLITE_READONLY and its extended code SQLITE_READONLY_DBMOVED.
    private const int SqliteReadOnly = 8, SqliteReadOnlyDbMoved = 8 | (4 << 8), SqliteReadOnlyCantInit = 8 | (5 << 8), SqliteOk = 0, HasMoved = 20;

    // access(2)'s W_OK.
    private const int WriteAccess = 2;

    private static readonly byte[] MainDatabase = "main\0"u8.ToArray();

    private readonly Lock gate = new();
    private SqliteConnection? original;
    private string path = "";
    private bool reported;

    // The largest the -shm has been seen: SQLite keeps what it mapped of it mapped, so it must never be smaller.
    private long sharedMemoryFloor;
    private string? sharedMemoryReported;

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
            sharedMemoryFloor = new FileInfo(path + "-shm") is { Exists: true } shm ? shm.Length : 0;
        }
    }

    /// <summary>
    /// Why the -shm file (SQLite's WAL index, https://www.sqlite.org/walformat.html#the_wal_index_file_format) cannot
    /// safely be used, or null. SQLite maps the -shm into memory; when it is then made shorter than what was mapped
    /// (truncated, or emptied and made read-only), the next read of the mapping kills the whole process with SIGBUS,
    /// which .NET cannot catch (https://www.sqlite.org/howtocorrupt.html, 2.1). So before every open, commit and save:
    /// a -shm this process cannot write is refused (SQLite could open it read-only, but never grow it); one that has
    /// shrunk is grown back to its former size with zeros (by path, without opening it, since closing any descriptor
    /// of a file drops this process's SQLite locks on it), which SQLite reads as an index to rebuild from the -wal;
    /// one that cannot be grown back is refused. Nothing is cached: when the file is fixed, work resumes.
    /// A truncation between this check and SQLite's next read of the mapping still kills the process; only another
    /// program touching the -shm can cause that, and the check makes the window a request long.
    /// </summary>
    public string? SharedMemoryProblem()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows cannot shorten a file another process has mapped, so the fault does not arise there.
            return null;
        }

        lock (gate)
        {
            if (path.Length == 0)
            {
                return null;
            }

            var shm = path + "-shm";
            var info = new FileInfo(shm);
            string? problem = null;
            if (!info.Exists)
            {
                // None yet (SQLite makes it), or removed: this process keeps the one it has mapped, so nothing is at risk.
            }
            else if (Access(shm, WriteAccess) != 0)
            {
                problem = Unwritable(shm);
            }
            else if (info.Length < sharedMemoryFloor)
            {
                if (Truncate(shm, sharedMemoryFloor) == 0)
                {
                    LogSharedMemoryRestored(Log, shm, info.Length, sharedMemoryFloor);
                }
                else
                {
                    problem = $"The SQLite file {shm} was made shorter ({info.Length} bytes, was {sharedMemoryFloor}) and cannot be grown back: make it writable by the user Nolb runs as";
                }
            }
            else
            {
                sharedMemoryFloor = info.Length;
            }

            if (problem != sharedMemoryReported)
            {
                sharedMemoryReported = problem;
                if (problem is null)
                {
                    LogSharedMemoryBack(Log, shm);
                }
                else
                {
                    LogSharedMemoryProblem(Log, problem);
                }
            }

            return problem;
        }
    }

    /// <summary>
    /// Why Nolb cannot start on this SQLite database, or null: the database file, its -wal or its -shm exists but this
    /// process may not write it (a read-only mode, another owner, or chattr +i). SQLite would open such a file read-only
    /// and fail later, or, for the -shm, leave the process one truncation away from SIGBUS.
    /// </summary>
    public static string? StartupProblem(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (OperatingSystem.IsWindows() || builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        var database = Path.GetFullPath(builder.DataSource);
        return new[] { database, database + "-wal", database + "-shm" }
            .Where(file => File.Exists(file) && Access(file, WriteAccess) != 0)
            .Select(Unwritable)
            .FirstOrDefault();
    }

    private static string Unwritable(string file) =>
        $"The SQLite file {file} is not writable by the user Nolb runs as: make it writable (chown or chmod, or chattr -i if it is immutable)";

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

    /// <summary>Throws the SQLite error that answers 503 when the database cannot safely be used now: its file moved, or its -shm is unsafe.</summary>
    public void ThrowIfUnusable()
    {
        if (FileHasMoved())
        {
            throw new SqliteException(
                $"The database file {path} was deleted or replaced while Nolb had it open; nothing more is written until it is put back or Nolb restarts.",
                SqliteReadOnly, SqliteReadOnlyDbMoved);
        }

        if (SharedMemoryProblem() is { } problem)
        {
            throw new SqliteException(problem + ".", SqliteReadOnly, SqliteReadOnlyCantInit);
        }
    }

    // Each interception point is checked the same way; the async ones differ only in their return type.
    private T Checked<T>(T result)
    {
        ThrowIfUnusable();
        return result;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => Checked(result);

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Checked(result));

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) => Checked(result);

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Checked(result));

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) => Checked(result);

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Checked(result));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(FileHasMoved()
            ? new HealthCheckResult(context.Registration.FailureStatus, "The database file was deleted or replaced while Nolb had it open.")
            : SharedMemoryProblem() is { } problem
                ? new HealthCheckResult(context.Registration.FailureStatus, problem + ".")
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

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access(byte[] path, int mode);

    [DllImport("libc", EntryPoint = "truncate", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Truncate(byte[] path, long length);

    private static int Access(string path, int mode) => Access(System.Text.Encoding.UTF8.GetBytes(path + "\0"), mode);

    private static int Truncate(string path, long length) => Truncate(System.Text.Encoding.UTF8.GetBytes(path + "\0"), length);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}; until then database work answers 503.")]
    private static partial void LogSharedMemoryProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite file {Path} is usable again; database work resumes.")]
    private static partial void LogSharedMemoryBack(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite file {Path} was shorter ({Length} bytes) than Nolb has used ({Floor} bytes); it was grown back so that SQLite rebuilds its index from the -wal instead of the process crashing.")]
    private static partial void LogSharedMemoryRestored(ILogger logger, string path, long length, long floor);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The SQLite database file {Path} was deleted or replaced while Nolb had it open. Database work answers 503 until the original file is back at that path, or Nolb is restarted on the file now there.")]
    private static partial void LogMoved(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite database file {Path} is back; database work resumes.")]
    private static partial void LogBack(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whether the SQLite database file was deleted or replaced cannot be checked with this SQLite library.")]
    private static partial void LogCannotCheck(ILogger logger, Exception exception);
}
