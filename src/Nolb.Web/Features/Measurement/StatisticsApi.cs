using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// /api/v1/statistics: the equality gap analysis, the publication of national tables with their revisions, and
/// the national workbook. <c>GET /api/v1/statistics/national</c> (in <see cref="MeasurementApi"/>) stays the live figures.
/// </summary>
public static class StatisticsApi
{
    public sealed record PublishRequest(string? Quarter);

    public static RouteGroupBuilder MapStatisticsApi(this RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Measurement");
        statistics.MapGet("/gaps", GapsAsync).RequireAuthorization(MeasurementApi.ReadsStatistics)
            .WithSummary("Equality gaps for an LEP (lep=GSS code; S92000003 for Scotland) over year=2025-26 or quarter=2025-Q3: each group's share of starts "
                + "against its share of the working-age population, and its job-entry rate against the average, with large gaps flagged. Disclosure-controlled for national users and Scotland.");
        statistics.MapGet("/publications", async (Publications publications, CancellationToken ct) => TypedResults.Ok(await publications.ListAsync(ct)))
            .RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("Every publication of the national tables: quarter, number, when, by whom, and how many figures it revised.");
        statistics.MapGet("/publications/{quarter}", QuarterAsync).RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("A quarter as published: the latest tables (provisional or not), the figures its latest publication revised and the revision history.");
        statistics.MapPost("/publications", PublishAsync).RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("Publish a quarter's national tables ({\"quarter\":\"2025-Q3\"}): a snapshot of the disclosure-controlled figures. Publishing a quarter again records its revisions.");
        statistics.MapGet("/national.xlsx", WorkbookAsync).RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("The national tables of quarter=2025-Q3 as an Excel workbook after disclosure control: the latest publication, or the live figures if the quarter is unpublished.");
        return api;
    }

    private static ValidationProblem QuarterProblem() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["quarter"] = ["Give the quarter as year and quarter number, like 2025-Q3 (July to September 2025)"],
    });

    private static async Task<Results<Ok<GapAnalysisResult>, NotFound, ValidationProblem>> GapsAsync(
        string? lep, string? quarter, string? year, GapReport report, Statistics statistics, CancellationToken ct)
    {
        var (period, field, error) = MeasurementApi.ParsePeriod(quarter, year, null, null, statistics.Today);
        if (period is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] });
        }

        if (string.IsNullOrWhiteSpace(quarter) && string.IsNullOrWhiteSpace(year))
        {
            period = ReportingPeriod.FinancialYearContaining(statistics.Today);
        }

        if (await statistics.AreaAsync(lep, ct) is not { } area)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await report.AnalyseAsync(area.LepId, area.Name, period, ct));
    }

    private static async Task<Results<Ok<PublishedQuarter>, NotFound>> QuarterAsync(string quarter, Publications publications, CancellationToken ct)
    {
        if (ReportingPeriod.Parse(quarter) is { Kind: PeriodKind.Quarter } period && await publications.QuarterAsync(period.Label, ct) is { } published)
        {
            return TypedResults.Ok(published);
        }

        return TypedResults.NotFound();
    }

    private static async Task<Results<Created<PublishedQuarter>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        PublishRequest? request, Publications publications, CancellationToken ct)
    {
        if (ReportingPeriod.Parse(request?.Quarter) is not { Kind: PeriodKind.Quarter } quarter)
        {
            return QuarterProblem();
        }

        var result = await publications.PublishAsync(quarter, ct);
        if (result.Quarter is { } published)
        {
            return TypedResults.Created($"/api/v1/statistics/publications/{published.Quarter}", published);
        }

        if (result.Conflict)
        {
            return TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "The quarter was published at the same moment");
        }

        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = [result.Problem!] });
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> WorkbookAsync(
        string? quarter, NationalWorkbookSource workbooks, CancellationToken ct)
    {
        if (ReportingPeriod.Parse(quarter) is not { Kind: PeriodKind.Quarter } period)
        {
            return QuarterProblem();
        }

        return TypedResults.File(await workbooks.WriteAsync(period, ct), NationalWorkbook.ContentType, NationalWorkbook.FileName(period.Label));
    }
}
