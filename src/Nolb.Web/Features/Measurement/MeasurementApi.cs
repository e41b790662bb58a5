using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// /api/v1/indicators (the definitions), their values for an LEP or Scotland, the national tables under
/// disclosure control, and the participant-level quarterly return for an LEP's own managers.
/// </summary>
public static class MeasurementApi
{
    public sealed record IndicatorDto(
        string Code, string Name, Theme Theme, Measure Measure, string Definition, string Numerator, string? Denominator, string PeriodRule,
        IReadOnlyList<string> Breakdowns, IndicatorStatus Status, string? PendingReason);

    public sealed record CatalogueDto(string Source, IReadOnlyList<IndicatorDto> Indicators);

    public static RouteGroupBuilder MapMeasurementApi(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Measurement");
        indicators.MapGet("", () => TypedResults.Ok(Catalogue())).AllowAnonymous()
            .WithSummary("The Shared Measurement Framework indicators Nolb computes: definitions, numerators, denominators, period rules and breakdowns.");
        indicators.MapGet("/{code}/values", ValuesAsync).RequireAuthorization(ReadsStatistics)
            .WithSummary("An indicator's values for an LEP (lep=GSS code; S92000003 for Scotland) over quarter=2025-Q3, year=2025-26 or from/to dates, "
                + "optionally broken down by one or two dimensions (breakdown=sex,disability). Disclosure-controlled for national users, for Scotland and for two-way breakdowns.");

        api.MapGet("/statistics/national", NationalAsync).RequireAuthorization(Permissions.Statistics.ReadNational).WithTags("Measurement")
            .WithSummary("The national quarterly tables (every LEP side by side) after statistical disclosure control; quarter=2025-Q3.");
        api.MapGet("/returns/quarterly", ReturnAsync).RequireAuthorization(Permissions.Statistics.ExportReturn).WithTags("Measurement")
            .WithSummary("The participant-level quarterly return for your LEP as CSV (pseudonymised ids, age bands, no names or dates of birth); lep=GSS code, quarter=2025-Q3.");
        return api;
    }

    public static CatalogueDto Catalogue() => new(MeasurementData.Catalogue.Source, MeasurementData.Catalogue.Indicators
        .Select(i => new IndicatorDto(i.Code, i.Name, i.Theme, i.Measure, i.Definition, i.Numerator, i.Denominator, i.PeriodRule, i.Breakdowns, i.Status, i.PendingReason))
        .ToList());

    /// <summary>The period from quarter=, year= or from= and to=; an error message naming the parameter otherwise.</summary>
    public static (ReportingPeriod? Period, string? Field, string? Error) ParsePeriod(string? quarter, string? year, DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(quarter))
        {
            return ReportingPeriod.Parse(quarter) is { Kind: PeriodKind.Quarter } q
                ? (q, null, null)
                : (null, "quarter", "Give the quarter as year and quarter number, like 2025-Q3 (July to September 2025)");
        }

        if (!string.IsNullOrWhiteSpace(year))
        {
            return ReportingPeriod.Parse(year) is { Kind: PeriodKind.FinancialYear } y
                ? (y, null, null)
                : (null, "year", "Give the financial year as its two years, like 2025-26 (April 2025 to March 2026)");
        }

        if (from is not null || to is not null)
        {
            if (from is null || to is null)
            {
                return (null, from is null ? "from" : "to", "Give both from and to dates (yyyy-mm-dd), or a quarter or year instead");
            }

            if (!DateBounds.Contains(from.Value) || !DateBounds.Contains(to.Value))
            {
                return (null, DateBounds.Contains(from.Value) ? "to" : "from", $"Give dates with a year {DateBounds.Range}");
            }

            if (to < from || to.Value.DayNumber - from.Value.DayNumber > 366 * 5)
            {
                return (null, "to", "The to date must be on or after the from date and no more than five years later");
            }

            return (ReportingPeriod.Between(from.Value, to.Value), null, null);
        }

        return (ReportingPeriod.QuarterContaining(today), null, null);
    }

    private static async Task<Results<Ok<IndicatorValues>, NotFound, ValidationProblem, ProblemHttpResult>> ValuesAsync(
        string code, string? lep, string? quarter, string? year, DateOnly? from, DateOnly? to, string? breakdown,
        Statistics statistics, CancellationToken ct)
    {
        if (MeasurementData.Catalogue.Find(code) is not { } indicator)
        {
            return TypedResults.NotFound();
        }

        if (!indicator.IsLive)
        {
            return TypedResults.Problem(indicator.PendingReason, statusCode: StatusCodes.Status409Conflict, title: $"{indicator.Name} is not available yet");
        }

        var (period, field, error) = ParsePeriod(quarter, year, from, to, statistics.Today);
        if (period is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] });
        }

        var dimensions = (breakdown ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dimensions.Length > 2 || IndicatorEngine.InvalidBreakdown(indicator, dimensions) is not null || dimensions.Distinct(StringComparer.OrdinalIgnoreCase).Count() < dimensions.Length)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["breakdown"] = [$"Break {indicator.Name.ToLowerInvariant()} down by one or two different dimensions from: {string.Join(", ", indicator.Breakdowns)}"],
            });
        }

        dimensions = dimensions.Select(d => indicator.Breakdowns.First(b => string.Equals(b, d, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (await statistics.AreaAsync(lep, ct) is not { } area)
        {
            return TypedResults.NotFound();
        }

        if (statistics.OutsidePublishedTables(indicator, area.LepId, period, dimensions) is { } outside)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outside.Field] = [outside.Message] });
        }

        var values = await statistics.ValuesAsync(
            indicator, new MeasurementScope(area.LepId), area.Name, period, dimensions, statistics.MustControl(area.LepId, dimensions), ct);
        return TypedResults.Ok(values);
    }

    private static async Task<Results<Ok<NationalStatistics>, ValidationProblem>> NationalAsync(string? quarter, Statistics statistics, CancellationToken ct)
    {
        var period = string.IsNullOrWhiteSpace(quarter) ? ReportingPeriod.QuarterContaining(statistics.Today) : ReportingPeriod.Parse(quarter);
        if (period is not { Kind: PeriodKind.Quarter })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["quarter"] = ["Give the quarter as year and quarter number, like 2025-Q3 (July to September 2025)"],
            });
        }

        return TypedResults.Ok(await statistics.NationalAsync(period, ct));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        string? lep, string? quarter, CurrentUser user, QuarterlyReturn quarterlyReturn, NolbDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var period = ReportingPeriod.Parse(quarter);
        if (period is not { Kind: PeriodKind.Quarter })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["quarter"] = ["Give the quarter of the return as year and quarter number, like 2025-Q3"],
            });
        }

        var code = string.IsNullOrWhiteSpace(lep) ? user.LepCode : CouncilAreaCodes.Normalise(lep.Trim());
        var target = await db.Leps.AsNoTracking().Where(l => l.Code == code).Select(l => new { l.Id, l.Code }).SingleOrDefaultAsync(ct);
        if (target is null || target.Id != user.LepId)
        {
            return TypedResults.NotFound();
        }

        if (!quarterlyReturn.IsConfigured)
        {
            return TypedResults.Problem(
                $"Set {ReturnOptions.Section}:PseudonymisationKey (at least {QuarterlyReturn.MinimumKeyLength} characters) on the server to make returns.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The return's pseudonymisation key is not set");
        }

        await audit.ReadAsync("QuarterlyReturn", target.Id, target.Id, ct);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"nolb-return-{target.Code}-{period.Label}.csv");
        return TypedResults.Stream(stream => quarterlyReturn.WriteAsync(stream, target.Id, target.Code, period, CancellationToken.None), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Either statistics permission: an LEP's own figures, or every LEP's under disclosure control.</summary>
    public static void ReadsStatistics(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.Resource is HttpContext http
            && http.RequestServices.GetRequiredService<CurrentUser>() is var user
            && (user.Has(Permissions.Statistics.ReadLep) || user.Has(Permissions.Statistics.ReadNational)));
}
