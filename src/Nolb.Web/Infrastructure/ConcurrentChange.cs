using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// Two requests changing one record at the same instant (a stage move racing a close) can both pass the version
/// check in code and meet at the database, where EF's concurrency token refuses the second. That is a conflict,
/// not a bug: 409 with "reload and try again", nothing saved. Found by the concurrency tests (it answered 500).
/// </summary>
public sealed class ConcurrentChange : IExceptionHandler
{
    public static IServiceCollection Register(IServiceCollection services) => services.AddExceptionHandler<ConcurrentChange>();

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException)
        {
            return false;
        }

        const string Title = "Someone else changed this record at the same time";
        const string Detail = "Nothing you sent was saved. Reload the record to see the change, then try again.";
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        if (new PathString(path).StartsWithSegments(Security.SecuritySetup.ApiPrefix))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Title, detail: Detail).ExecuteAsync(httpContext);
            return true;
        }

        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(DatabaseUnavailable.Page(Title, [Detail], httpContext.TraceIdentifier), cancellationToken);
        return true;
    }
}
