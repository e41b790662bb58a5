using Microsoft.AspNetCore.Http.HttpResults;
using Nolb.Web.Domain.BetterOffInWork;
using Nolb.Web.Security;

namespace Nolb.Web.Features.BetterOffInWork;

public static class BetterOffApi
{
    public sealed record LineDto(string Key, string Scenario, string Label, decimal Amount, string Explanation);

    public sealed record RateDto(string Key, decimal Value, string Unit, string Description, string SourceTitle, string SourceUrl, bool Confirmed, DateOnly? AsPublishedOn);

    public sealed record BetterOffResponse(
        string TaxYear,
        ScenarioTotals Now,
        ScenarioTotals InWork,
        decimal MonthlyDifference,
        string Answer,
        IReadOnlyList<LineDto> Lines,
        IReadOnlyList<string> Notes,
        IReadOnlyList<string> Limits,
        IReadOnlyList<RateDto> UnconfirmedRates,
        string Summary,
        IReadOnlyList<string> Warnings,
        IReadOnlyList<PayMonth> PayMonths,
        string PensionScheme,
        IReadOnlyList<RateDto> RatesUsed,
        IReadOnlyList<string> TextLines);

    public static RouteGroupBuilder MapBetterOffApi(this RouteGroupBuilder api)
    {
        // Load and validate the rate tables now, so a bad table stops start-up instead of a calculation.
        _ = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<RateTableCatalog>();
        api.MapPost("/better-off", Calculate).RequireAuthorization(Permissions.BetterOff.Calculate)
            .WithSummary("Better Off In Work: monthly income now and in a job offer, line by line (Universal Credit, Scottish tax, NI, pension, Scottish Child Payment).");
        return api;
    }

    private static Results<Ok<BetterOffResponse>, ValidationProblem> Calculate(BetterOffRequest request, RateTableCatalog catalog)
    {
        var (household, rates, errors) = BetterOffValidation.Validate(request, catalog);
        if (household is null || rates is null)
        {
            return TypedResults.ValidationProblem(errors.ToProblemErrors());
        }

        return TypedResults.Ok(ToResponse(BetterOffCalculator.Calculate(household, rates)));
    }

    public static BetterOffResponse ToResponse(BetterOffResult result) => new(
        result.TaxYear, result.Now, result.InWork, result.MonthlyDifference, result.Answer,
        result.Lines.Select(l => new LineDto(l.Key, l.Scenario == Scenario.Now ? "now" : "inWork", l.Label, l.Amount, l.Explanation)).ToList(),
        result.Notes, result.Limits,
        result.UnconfirmedRates.Select(ToDto).ToList(),
        result.Summary(),
        result.Warnings,
        result.PayMonths,
        BetterOffValidation.Camel(result.PensionScheme.ToString()),
        result.RatesUsed.Select(ToDto).ToList(),
        result.TextLines());

    private static RateDto ToDto(Rate r) => new(r.Key, r.Value, r.Unit, r.Description, r.SourceTitle, r.SourceUrl, r.Confirmed, r.AsPublishedOn);
}
