using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Incentives;

/// <summary>
/// /api/v1/incentives: Employer Recruitment Incentive schemes (per LEP and financial year), applications with their
/// minimum-standards checks, decisions (an approval that fails a standard needs overrideReason) and payments.
/// </summary>
public static class IncentivesApi
{
    public sealed record SchemeRequest(
        decimal? MinimumHourlyPay, decimal? MinimumHoursPerWeek, int? MinimumContractMonths, bool? ZeroHoursAllowed,
        decimal? PaymentAtStart, decimal? PaymentAt13Weeks, decimal? PaymentAt26Weeks, decimal? PaymentAt52Weeks);

    public sealed record ApplicationRequest(
        Guid? ParticipantId, string? ParticipantReference, Guid? EmployerId, string? JobTitle, DateOnly? StartDate, decimal? HourlyPay, decimal? HoursPerWeek,
        ContractType? Contract, int? ContractMonths, bool? NoDisplacementConfirmed);

    /// <summary><c>reason</c> is the override reason when approving a job that fails a standard, or why it is rejected.</summary>
    public sealed record DecisionRequest(IncentiveCommands.Decision? Decision, string? Reason);

    public sealed record PaymentRequest(DateOnly? PaidOn);

    public sealed record SchemeDto(
        int FinancialYear, string Label, decimal MinimumHourlyPay, decimal MinimumHoursPerWeek, int MinimumContractMonths, bool ZeroHoursAllowed,
        decimal PaymentAtStart, decimal PaymentAt13Weeks, decimal PaymentAt26Weeks, decimal PaymentAt52Weeks, decimal Total);

    public sealed record PaymentDto(Guid Id, PaymentPoint Point, decimal Amount, DateOnly DueOn, DateOnly? PaidOn);

    public sealed record ApplicationDto(
        Guid Id, Guid ParticipantId, Guid EmployerId, string? EmployerName, string JobTitle, DateOnly StartDate, decimal HourlyPay, decimal HoursPerWeek,
        ContractType Contract, int? ContractMonths, bool NoDisplacementConfirmed, int FinancialYear, IReadOnlyList<StandardCheck> Checks, bool MeetsAllStandards,
        IncentiveStatus Status, string? OverrideReason, string? DecisionNote, DateOnly? DecidedOn, IReadOnlyList<PaymentDto> Payments, Guid Version);

    public static RouteGroupBuilder MapIncentivesApi(this RouteGroupBuilder api)
    {
        var incentives = api.MapGroup("/incentives").WithTags("Recruitment incentives");
        incentives.MapGet("/schemes", ListSchemesAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("Your LEP's incentive schemes: minimum standards and payments for each financial year.");
        incentives.MapPut("/schemes/{year:int}", SaveSchemeAsync).RequireAuthorization(Permissions.Employers.ApproveIncentives)
            .WithSummary("Set the scheme for the financial year starting in April of {year} (LEP managers).");
        incentives.MapGet("/", ListAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("Applications in your LEP with their checks against the minimum standards.");
        incentives.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.Employers.Read)
            .WithSummary("One application with its checks, status and payments, and its ETag.");
        incentives.MapPost("/", ApplyAsync).RequireAuthorization(Permissions.Employers.Manage)
            .WithSummary("Apply for an incentive for a person's job with an employer; checked against the scheme for the year the job starts.");
        incentives.MapPost("/{id:guid}/decision", DecideAsync).RequireAuthorization(Permissions.Employers.ApproveIncentives)
            .WithSummary("Approve or reject (If-Match). Approving a job that fails a standard needs reason, recorded as the override.");
        incentives.MapPost("/{id:guid}/payments/{paymentId:guid}", PayAsync).RequireAuthorization(Permissions.Employers.ApproveIncentives)
            .WithSummary("Record that a stage payment was made (If-Match); not before it is due.");
        return api;
    }

    private static async Task<Ok<List<SchemeDto>>> ListSchemesAsync(IncentiveCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.Schemes.AsNoTracking().OrderByDescending(s => s.FinancialYear).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<SchemeDto>, ForbidHttpResult, ValidationProblem>> SaveSchemeAsync(
        int year, SchemeRequest r, IncentiveCommands commands, CancellationToken ct)
    {
        var result = await commands.SaveSchemeAsync(year, new(r.MinimumHourlyPay, r.MinimumHoursPerWeek, r.MinimumContractMonths, r.ZeroHoursAllowed ?? false,
            r.PaymentAtStart, r.PaymentAt13Weeks, r.PaymentAt26Weeks, r.PaymentAt52Weeks), ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.Ok(ToDto(result.Value!)),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Ok<List<ApplicationDto>>> ListAsync(IncentiveCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.Applications.AsNoTracking().AsSplitQuery().OrderByDescending(a => a.CreatedAt).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<ApplicationDto>, NotFound>> GetAsync(Guid id, IncentiveCommands commands, HttpContext http, CancellationToken ct)
    {
        var application = await commands.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(application.Version);
        return TypedResults.Ok(ToDto(application));
    }

    private static async Task<Results<Created<ApplicationDto>, ForbidHttpResult, ValidationProblem>> ApplyAsync(
        ApplicationRequest r, IncentiveCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.ApplyAsync(new(r.ParticipantId, r.ParticipantReference, r.EmployerId, r.JobTitle, r.StartDate, r.HourlyPay, r.HoursPerWeek,
            r.Contract, r.ContractMonths, r.NoDisplacementConfirmed ?? false), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
            return TypedResults.Created($"/api/v1/incentives/{result.Value.Id}", ToDto(result.Value));
        }

        return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
    }

    private static async Task<Results<Ok<ApplicationDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, DecisionRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, IncentiveCommands commands, HttpContext http, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(ifMatch)
            ? EmployersApi.IfMatchRequired()
            : Changed(await commands.DecideAsync(id, r.Decision, r.Reason, ActionPlanApi.ParseETag(ifMatch), ct), http);

    private static async Task<Results<Ok<ApplicationDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> PayAsync(
        Guid id, Guid paymentId, PaymentRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, IncentiveCommands commands, HttpContext http, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(ifMatch)
            ? EmployersApi.IfMatchRequired()
            : Changed(await commands.RecordPaymentAsync(id, paymentId, r.PaidOn, ActionPlanApi.ParseETag(ifMatch), ct), http);

    private static Results<Ok<ApplicationDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Changed(
        PlanningResult<IncentiveApplication> result, HttpContext http)
    {
        switch (result.Outcome)
        {
            case PlanningOutcome.Done:
                http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
                return TypedResults.Ok(ToDto(result.Value));
            case PlanningOutcome.NotFound:
                return TypedResults.NotFound();
            case PlanningOutcome.Forbidden:
                return TypedResults.Forbid();
            case PlanningOutcome.Conflict:
                return TypedResults.Problem(IncentiveCommands.ConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The application has changed");
            default:
                return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }
    }

    private static SchemeDto ToDto(IncentiveScheme s) => new(
        s.FinancialYear, s.YearLabel, s.MinimumHourlyPay, s.MinimumHoursPerWeek, s.MinimumContractMonths, s.ZeroHoursAllowed,
        s.PaymentAtStart, s.PaymentAt13Weeks, s.PaymentAt26Weeks, s.PaymentAt52Weeks, s.Total);

    public static ApplicationDto ToDto(IncentiveApplication a)
    {
        var checks = a.Checks(a.Scheme!);
        return new(a.Id, a.ParticipantId, a.EmployerId, a.Employer?.Name, a.JobTitle, a.StartDate, a.HourlyPay, a.HoursPerWeek, a.Contract, a.ContractMonths,
            a.NoDisplacementConfirmed, a.Scheme!.FinancialYear, checks, checks.All(c => c.Met), a.Status, a.OverrideReason, a.DecisionNote, a.DecidedOn,
            a.Payments.OrderBy(p => p.DueOn).Select(p => new PaymentDto(p.Id, p.Point, p.Amount, p.DueOn, p.PaidOn)).ToList(), a.Version);
    }
}
