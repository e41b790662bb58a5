using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// The database going away (PostgreSQL stopped or restarting, the network to it down, the SQLite file locked or
/// missing) answers 503 Service Unavailable with a Retry-After, not 500: it is not a bug, and the client should
/// try again. The API answers a problem detail; pages answer a friendly page written here without the database
/// (the layout's header needs the signed-in user, which needs the database). Nothing is cached about the outage,
/// so the next request after the database returns is served as usual: the app recovers without a restart.
/// </summary>
public sealed class DatabaseUnavailable(ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    // SQLite result codes (https://www.sqlite.org/rescode.html) that mean "the database cannot take this now" rather
    // than "the query is wrong": busy or locked, a file it may not write (SQLITE_PERM, SQLITE_READONLY: a read-only
    // file, -wal or -shm, or a file deleted or replaced under the app, see SqliteFileGuard), an I/O error, a full
    // disk, a file it cannot open, a broken -shm lock protocol, or a file that is not a database.
    private const int SqlitePermission = 3, SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13,
        SqliteCantOpen = 14, SqliteProtocol = 15, SqliteNotADatabase = 26;

    public static IServiceCollection Register(IServiceCollection services) => services.AddExceptionHandler<DatabaseUnavailable>();

    /// <summary>True when the exception, or one it wraps (EF wraps the provider's), says the database cannot be reached.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqlitePermission or SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError
                    or SqliteFull or SqliteCantOpen or SqliteProtocol or SqliteNotADatabase:
                    return true;
                case PostgresException postgres:
                    // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting; 53: out of resources.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal);
                case NpgsqlException:
                    // Not a server error answer: the connection itself failed (refused, reset, timed out).
                    return true;
            }
        }

        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
        {
            return false;
        }

        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        logger.LogWarning(exception, "The database is unavailable; {Path} answered 503", path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        if (new PathString(path).StartsWithSegments(Security.SecuritySetup.ApiPrefix))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The service is unavailable for a moment",
                detail: $"Nolb cannot reach its database. Nothing was changed. Try again in {RetryAfterSeconds} seconds.").ExecuteAsync(httpContext);
            return true;
        }

        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(Page("Sorry, the service is unavailable", ["Nolb cannot reach its database just now. Nothing you entered was saved.", "Wait a minute, then go back and try again."], httpContext.TraceIdentifier), cancellationToken);
        return true;
    }

    /// <summary>A friendly error page that needs no database (the layout's header does), in the design system's look.</summary>
    internal static string Page(string title, string[] paragraphs, string reference) => $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} – Nolb</title>
            <link rel="stylesheet" href="/lib/sgds/css/design-system.min.css">
            <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
            <div class="ds_page">
                <div class="ds_page__top">
                    <header class="ds_site-header" role="banner">
                        <div class="ds_wrapper">
                            <div class="ds_site-branding">
                                <div class="ds_site-branding__title"><a class="ds_site-branding__link" href="/">Nolb</a></div>
                            </div>
                        </div>
                    </header>
                </div>
                <div class="ds_page__middle">
                    <div class="ds_wrapper">
                        <main id="main-content" class="ds_layout">
                            <div class="ds_layout__content">
                                <header class="ds_page-header">
                                    <h1 class="ds_page-header__title">{WebUtility.HtmlEncode(title)}</h1>
                                </header>
                                {string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
                                <p class="ds_hint-text">If you tell support about this, quote reference {WebUtility.HtmlEncode(reference)}.</p>
                            </div>
                        </main>
                    </div>
                </div>
            </div>
        </body>
        </html>
        """;
}
