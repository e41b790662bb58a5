using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Nolb.Web.Data;

/// <summary>
/// After PostgreSQL restarts, every idle connection in Npgsql's pool is dead, and Npgsql cannot tell until one is
/// used: the first command on it fails with the shutdown notice the server left on the socket (57P01
/// admin_shutdown, 57P02 crash_shutdown), and Npgsql then clears the pool
/// (https://github.com/npgsql/npgsql/issues/5073, which points to EF's execution strategies for this).
/// Without this, the first request after a restart answered 503 although the server was back.
/// <para>
/// Only that failure is retried, at once and a few times (one per stale connection the pool may still hand out):
/// the server sent the notice before it read the command, so the command never ran and running it again cannot
/// write twice. A server that is down (connection refused) or any other error is not retried: it answers 503 at
/// once (<see cref="Infrastructure.DatabaseUnavailable"/>). Inside a transaction the code began itself nothing is
/// retried (EF cannot replay the transaction's earlier commands), instead of EF's refusal of such transactions.
/// </para>
/// </summary>
public sealed class StaleConnectionRetry(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.Zero)
{
    // Npgsql clears the whole pool on the first such failure; a few more cover connections checked out meanwhile.
    private const int MaxRetries = 3;

    private bool inOwnTransaction;

    /// <summary>The SQLSTATEs a server sends to a session it is ending (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
    public static bool IsShutdownNotice(Exception? exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown };

    protected override void OnFirstExecution()
    {
        var database = Dependencies.CurrentContext.Context.Database;
        inOwnTransaction = database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null;
        ExceptionsEncountered.Clear();
    }

    protected override bool ShouldRetryOn(Exception exception) =>
        !inOwnTransaction && (IsShutdownNotice(exception) || IsShutdownNotice(exception.InnerException));

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        ExceptionsEncountered.Count <= MaxRetryCount ? TimeSpan.Zero : null;
}
