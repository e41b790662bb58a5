using Nolb.Web.Data;

namespace Nolb.Tests.Proof;

/// <summary>
/// Nolb on an SQLite file, as it runs in production, instead of the shared in-memory database: parallel writers
/// then meet SQLite's real locking (and its busy timeout), and the file can be taken away to prove outages.
/// Under NOLB_TEST_DATABASE=Postgres it is the usual fresh PostgreSQL database.
/// </summary>
public class SqliteFileAppFactory : NolbAppFactory, IAsyncLifetime
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"nolb-proof-{Guid.NewGuid():N}.db");

    public static bool OnSqlite => TestDatabase.ConfiguredProvider == DatabaseProvider.Sqlite;

    /// <summary>Without pooling every request opens the file afresh, so a file taken away is noticed at once.</summary>
    protected virtual bool Pooling => true;

    protected override IDictionary<string, string?> Settings => OnSqlite
        ? new Dictionary<string, string?> { ["ConnectionStrings:Nolb"] = $"Data Source={FilePath};Pooling={Pooling}" }
        : new Dictionary<string, string?>();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm", FilePath + "-journal" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>The same, without connection pooling.</summary>
public sealed class UnpooledSqliteFileAppFactory : SqliteFileAppFactory
{
    protected override bool Pooling => false;
}
