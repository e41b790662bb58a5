using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Features.Assessments;
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
        statistics.MapGet("/drafts", async (Publications publications, CancellationToken ct) => TypedResults.Ok(await publications.DraftsAsync(ct)))
            .RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("Drafts of publications, newest first: waiting for approval, published or withdrawn, with who prepared and who decided.");
        statistics.MapPost("/drafts", PrepareAsync).RequireAuthorization(Permissions.Statistics.Publish)
            .WithSummary("Prepare a quarter that has ended for publication ({\"quarter\":\"2025-Q3\"}): the disclosure-controlled figures frozen as a draft to preview. "
                + "A different national analyst approves it to publish.");
        statistics.MapGet("/drafts/{id:guid}", DraftAsync).RequireAuthorization(Permissions.Statistics.ReadNational)
            .WithSummary("A draft: the exact tables approval would publish and the figures they would revise.");
        statistics.MapPost("/drafts/{id:guid}/approve", ApproveAsync).RequireAuthorization(Permissions.Statistics.Publish)
            .WithSummary("Approve another analyst's draft: its figures become the quarter's next publication (403 for the analyst who prepared it; 409 once approved or withdrawn).");
        statistics.MapPost("/drafts/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(Permissions.Statistics.Publish)
            .WithSummary("Withdraw or reject a waiting draft with a reason ({\"reason\":\"...\"}); nothing is published.");
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

        if (await statistics.AreaAsync(lep, ct) is not { } area)
        {
            return TypedResults.NotFound();
        }

        // Scotland's and another LEP's gaps are by quarter, as disclosure control protects a quarter's tables together.
        var own = statistics.IsOwnLep(area.LepId);
        if (string.IsNullOrWhiteSpace(quarter) && string.IsNullOrWhiteSpace(year))
        {
            period = own ? ReportingPeriod.FinancialYearContaining(statistics.Today) : ReportingPeriod.QuarterContaining(statistics.Today).Previous();
        }
        else if (!own && period.Kind != PeriodKind.Quarter)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = ["Scotland's and other LEPs' equality gaps are published by quarter: give quarter=2025-Q3. Your own LEP's may be asked for by year"],
            });
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

    public sealed record WithdrawRequest(string? Reason);

    private static async Task<Results<Created<DraftPreview>, ForbidHttpResult, ValidationProblem>> PrepareAsync(
        PublishRequest? request, Publications publications, CancellationToken ct)
    {
        if (ReportingPeriod.Parse(request?.Quarter) is not { Kind: PeriodKind.Quarter } quarter)
        {
            return QuarterProblem();
        }

        var result = await publications.PrepareAsync(quarter, ct);
        if (result.Value is { } draft)
        {
            return TypedResults.Created($"/api/v1/statistics/drafts/{draft.Draft.Id}", draft);
        }

        return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
    }

    private static async Task<Results<Ok<DraftPreview>, NotFound>> DraftAsync(Guid id, Publications publications, CancellationToken ct) =>
        await publications.DraftAsync(id, ct) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound();

    private static async Task<Results<Created<PublishedQuarter>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, Publications publications, CancellationToken ct)
    {
        var result = await publications.ApproveAsync(id, ct);
        return result.Value is { } published
            ? TypedResults.Created($"/api/v1/statistics/publications/{published.Quarter}", published)
            : Refused<Created<PublishedQuarter>, PublishedQuarter>(result);
    }

    private static async Task<Results<Ok<DraftSummary>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        Guid id, WithdrawRequest request, Publications publications, CancellationToken ct)
    {
        var result = await publications.WithdrawAsync(id, request.Reason, ct);
        return result.Value is { } withdrawn ? TypedResults.Ok(withdrawn) : Refused<Ok<DraftSummary>, DraftSummary>(result);
    }

    /// <summary>The preparer approving their own draft is 403; a draft already decided, or decided at the same moment, is 409.</summary>
    private static Results<T1, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Refused<T1, T>(PlanningResult<T> result)
        where T1 : IResult
    {
        var (field, message) = result.Errors.Count > 0 ? result.Errors[0] : ("", "");
        return result.Outcome switch
        {
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            PlanningOutcome.Conflict => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "The draft changed at the same moment"),
            _ when field == "approver" => TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "A second national analyst must approve"),
            _ when field == "status" => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "The draft cannot change now"),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
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
