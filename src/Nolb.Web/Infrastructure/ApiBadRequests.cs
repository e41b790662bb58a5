using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Nolb.Web.Infrastructure;

/// <summary>
/// A request body the API cannot read (a date like "2025-13-45", a stage name where a number belongs, an
/// unknown choice) answers 400 problem details naming the field, like every other validation error,
/// instead of a bare 400. Minimal APIs are told to throw on bad requests so this handler sees them.
/// </summary>
public sealed class ApiBadRequests : IExceptionHandler
{
    public static IServiceCollection Register(IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services.AddExceptionHandler<ApiBadRequests>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments(Security.SecuritySetup.ApiPrefix))
        {
            return false;
        }

        IResult result = bad.InnerException is ApiTextAndDates.RefusedValue refused
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [FieldOf(refused.Path)] = [$"'{FieldOf(refused.Path)}' {refused.Message}"],
            })
            : bad.InnerException is JsonException json
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [FieldOf(json.Path)] = [$"'{FieldOf(json.Path)}' is not in the right form. Dates are written YYYY-MM-DD, numbers as numbers, " +
                    "and choices as one of the names listed in the API document (/openapi/v1.json)"],
            })
            : TypedResults.Problem(statusCode: bad.StatusCode, title: "The request could not be read", detail: bad.Message);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>"$.fundingStreams[1]" → "fundingStreams"; "$.equality.sex" → "equality.sex"; the body itself → "".</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "";
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        var index = path.IndexOf('[', StringComparison.Ordinal);
        return index >= 0 ? path[..index] : path;
    }
}
