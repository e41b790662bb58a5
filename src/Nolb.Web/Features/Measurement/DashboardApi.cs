using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// /api/v1/dashboards: the same figures as the dashboard pages, for another system. The caseload and the LEP are the
/// caller's own (there is no parameter to ask for another); the national figures are disclosure-controlled.
/// </summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        var dashboards = api.MapGroup("/dashboards").WithTags("Measurement");
        dashboards.MapGet("/caseload", CaseloadAsync).RequireAuthorization(Permissions.Statistics.ReadOwnCaseload)
            .WithSummary("Your own caseload's figures by Shared Measurement Framework theme, against the period before. "
                + "period=2025-Q3 or 2025-26, funding=NoOneLeftBehind, target=sex:Female, and an intersection indicator=starts&rows=sex&columns=age-band.");
        dashboards.MapGet("/lep", LepAsync).RequireAuthorization(Permissions.Statistics.ReadLep)
            .WithSummary("Your LEP's figures by theme, against the period before and (with no funding stream or target group) Scotland, disclosure-controlled; the same parameters.");
        dashboards.MapGet("/national", NationalAsync).RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("Every LEP side by side by theme, every figure disclosure-controlled; a quarter (period=2025-Q3), for everyone (no funding or target), and an intersection.");
        return api;
    }

    private static Task<Results<Ok<Dashboard>, ValidationProblem>> CaseloadAsync(
        string? period, string? funding, string? target, string? indicator, string? rows, string? columns,
        DashboardQuery query, Statistics statistics, CancellationToken ct) =>
        RunAsync(period, funding, target, indicator, rows, columns, statistics, filter => query.CaseloadAsync(filter, ct));

    private static Task<Results<Ok<Dashboard>, ValidationProblem>> LepAsync(
        string? period, string? funding, string? target, string? indicator, string? rows, string? columns,
        DashboardQuery query, Statistics statistics, CancellationToken ct) =>
        RunAsync(period, funding, target, indicator, rows, columns, statistics, filter => query.LepAsync(filter, ct));

    private static Task<Results<Ok<NationalDashboard>, ValidationProblem>> NationalAsync(
        string? period, string? funding, string? target, string? indicator, string? rows, string? columns,
        DashboardQuery query, Statistics statistics, CancellationToken ct) =>
        RunAsync(period, funding, target, indicator, rows, columns, statistics, filter => query.NationalAsync(filter, ct), publishedTablesOnly: true);

    private static async Task<Results<Ok<T>, ValidationProblem>> RunAsync<T>(
        string? period, string? funding, string? target, string? indicator, string? rows, string? columns, Statistics statistics,
        Func<DashboardFilter, Task<T>> figures, bool publishedTablesOnly = false)
    {
        var (filter, errors) = DashboardPageModel.Parse(period, funding, target, indicator, rows, columns, statistics.Today, publishedTablesOnly);
        return filter is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await figures(filter));
    }
}
