using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Domain.ServiceDirectory;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>
/// /api/v1/funding (allocations per funding stream and financial year, and the decision log) and /api/v1/contracts (grants and
/// contracts with their quarterly profile, spend, and performance against profile). LEP managers manage their own LEP's;
/// partner workers may read their own organisation's contracts and performance. Changes need If-Match with the ETag.
/// </summary>
public static class CommissioningApi
{
    public sealed record AllocationRequest(FundingStream? Stream, int? FinancialYear, decimal? Amount, string? Notes);

    public sealed record AllocationDto(
        Guid Id, FundingStream Stream, int FinancialYear, string YearLabel, decimal Amount, string? Notes, decimal ProfiledInContracts, decimal Spent, Guid Version);

    public sealed record QuarterDto(int FinancialYear, int Quarter, int? Starts, int? JobOutcomes, decimal? Spend);

    /// <summary>
    /// A contract's terms; <c>profile</c>, when given, replaces the quarterly profile (every quarter in the period; starts and job outcomes
    /// adding up to those expected, spend to no more than the budget). On an update, leaving it out keeps the profile as it is.
    /// </summary>
    public sealed record ContractRequest(
        string? Title, ContractKind? Kind, Guid? PartnerOrganisationId, FundingStream? FundingStream, TargetGroup? TargetGroup,
        DateOnly? StartDate, DateOnly? EndDate, string? Description, decimal? Budget, int? ExpectedStarts, int? ExpectedJobOutcomes,
        List<Guid>? ServiceIds, Guid? ServiceDeliveryRequirementId, List<QuarterDto>? Profile)
    {
        public ContractTerms ToTerms() => new(Title, Kind, PartnerOrganisationId, FundingStream, TargetGroup, StartDate, EndDate, Description, Budget,
            ExpectedStarts, ExpectedJobOutcomes, ServiceIds, ServiceDeliveryRequirementId);

        public IReadOnlyList<ProfileLine>? Lines() => Profile?.Select(ToLine).ToList();
    }

    public sealed record SpendRequest(int? FinancialYear, int? Quarter, decimal? Amount, string? Note);

    public sealed record SpendDto(int FinancialYear, int Quarter, string Label, decimal Amount, string? Note, DateTime RecordedAt);

    public sealed record ContractDto(
        Guid Id, string Title, ContractKind Kind, Guid PartnerOrganisationId, string? PartnerName, FundingStream FundingStream, TargetGroup TargetGroup,
        DateOnly StartDate, DateOnly EndDate, string? Description, decimal Budget, int ExpectedStarts, int ExpectedJobOutcomes,
        IReadOnlyList<Guid> ServiceIds, Guid? ServiceDeliveryRequirementId, IReadOnlyList<QuarterDto> Profile, IReadOnlyList<SpendDto> Spend,
        decimal SpendRecorded, ContractStatus Status, DateOnly? CeasedOn, Guid Version);

    public sealed record PerformanceQuarterDto(
        int FinancialYear, int Quarter, string Label, bool Ended, int ProfileStarts, int ActualStarts, int ProfileJobOutcomes, int ActualJobOutcomes,
        int Progressions, decimal ProfileSpend, decimal? Spend);

    public sealed record PerformanceDto(
        Guid ContractId, DateOnly AsOf, MeasureToDate Starts, MeasureToDate JobOutcomes, Rag Overall, int StartsSoFar, int JobOutcomesSoFar,
        int ProgressionsSoFar, decimal Budget, decimal SpendToDate, decimal ProfileSpendToDate, int? SpendPercentOfBudget, decimal? CostPerStart,
        decimal? CostPerJobOutcome, IReadOnlyList<PerformanceQuarterDto> Quarters, string AttributionRule, string RagThresholds);

    public sealed record DecisionDto(
        Guid Id, DecisionKind Kind, Guid? ContractId, string Reason, DateOnly DecidedOn, string DecidedBy, decimal? AmountMoved,
        Guid? FromContractId, Guid? FromAllocationId, FundingStream? FromStream, Guid? ToContractId, Guid? ToAllocationId, FundingStream? ToStream,
        DateTime RecordedAt);

    public static RouteGroupBuilder MapCommissioningApi(this RouteGroupBuilder api)
    {
        var funding = api.MapGroup("/funding").WithTags("Commissioning");
        funding.MapGet("/", ListAllocationsAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Your LEP's allocations per funding stream and financial year, with what contracts profile and have spent in that year.");
        funding.MapPost("/", CreateAllocationAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Add an allocation for a funding stream and financial year (the year it starts in April). One per stream and year.");
        funding.MapPut("/{id:guid}", UpdateAllocationAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Change an allocation's amount and notes (If-Match).");
        funding.MapGet("/decisions", ListDecisionsAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("The decision log (Section 5.2): decisions to amend, cease or repurpose provision, newest first.");
        funding.MapPost("/decisions", RecordDecisionAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Record a decision; it takes effect at once. Cease ends the contract on the decision date; money moved (amountMoved, from one " +
                "contract to another, or from one allocation to another) changes both budgets. Refused, with nothing changed, when it cannot apply. Entries are never changed.");

        var contracts = api.MapGroup("/contracts").WithTags("Commissioning");
        contracts.MapGet("/", ListContractsAsync).WithSummary("Contracts and grants you may see: your LEP's (LEP managers) or your organisation's (partner workers).");
        contracts.MapGet("/{id:guid}", GetContractAsync).WithSummary("One contract with its profile and spend, and its ETag.");
        contracts.MapPost("/", CreateContractAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Add a grant or contract with a delivery partner, optionally with its quarterly profile.");
        contracts.MapPut("/{id:guid}", UpdateContractAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Change a contract's terms, and its profile if given (If-Match).");
        contracts.MapPost("/{id:guid}/spend", RecordSpendAsync).RequireAuthorization(Permissions.Commissioning.Manage)
            .WithSummary("Record the spend for a quarter that has begun, replacing any recorded before (If-Match). Never beyond the budget.");
        contracts.MapGet("/{id:guid}/performance", PerformanceAsync)
            .WithSummary("Profile against actuals from case data per quarter and to date, with RAG, spend against budget, and cost per start and job outcome.");
        return api;
    }

    private static bool MayRead(CurrentUser user) =>
        user.Has(Permissions.Commissioning.Manage) || user.Has(Permissions.Commissioning.ReadOwnOrganisation);

    private static async Task<Ok<List<AllocationDto>>> ListAllocationsAsync(CommissioningCommands commands, CancellationToken ct)
    {
        var allocations = await commands.Allocations.AsNoTracking().ToListAsync(ct);
        var contracts = await commands.Contracts.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(allocations.OrderByDescending(a => a.FinancialYear).ThenBy(a => a.Stream).Select(a => ToAllocationDto(IndexModel.Row(a, contracts))).ToList());
    }

    private static async Task<Results<Created<AllocationDto>, ForbidHttpResult, ValidationProblem>> CreateAllocationAsync(
        AllocationRequest r, CommissioningCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.CreateAllocationAsync(r.Stream, r.FinancialYear, r.Amount, r.Notes, ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Created($"/api/v1/funding/{result.Value.Id}", ToAllocationDto(new(result.Value, 0, 0)));
    }

    private static async Task<Results<Ok<AllocationDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateAllocationAsync(
        Guid id, AllocationRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, CommissioningCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return EmployersApi.IfMatchRequired();
        }

        var result = await commands.UpdateAllocationAsync(id, r.Amount, r.Notes, ActionPlanApi.ParseETag(ifMatch), ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return Failed<AllocationDto, FundingAllocation>(result, "The allocation has changed", CommissioningCommands.AllocationConflict);
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        var contracts = await commands.Contracts.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(ToAllocationDto(IndexModel.Row(result.Value, contracts)));
    }

    private static async Task<Ok<List<DecisionDto>>> ListDecisionsAsync(CommissioningCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.Decisions.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt).Select(ToDecisionDto).ToList());

    private static async Task<Results<Created<DecisionDto>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RecordDecisionAsync(
        DecisionDetails r, CommissioningCommands commands, CancellationToken ct)
    {
        var result = await commands.RecordDecisionAsync(r, ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return result.Outcome switch
            {
                PlanningOutcome.Forbidden => TypedResults.Forbid(),
                PlanningOutcome.Conflict => TypedResults.Problem(CommissioningCommands.DecisionConflict, statusCode: StatusCodes.Status409Conflict, title: "A record has changed"),
                _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
            };
        }

        return TypedResults.Created($"/api/v1/funding/decisions/{result.Value!.Id}", ToDecisionDto(result.Value));
    }

    private static async Task<Results<Ok<List<ContractDto>>, ForbidHttpResult>> ListContractsAsync(CommissioningCommands commands, CurrentUser user, CancellationToken ct) =>
        MayRead(user)
            ? TypedResults.Ok((await commands.Contracts.AsNoTracking().OrderBy(c => c.Title).ToListAsync(ct)).Select(c => ToDto(c, commands.Today)).ToList())
            : TypedResults.Forbid();

    private static async Task<Results<Ok<ContractDto>, NotFound, ForbidHttpResult>> GetContractAsync(
        Guid id, CommissioningCommands commands, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (!MayRead(user))
        {
            return TypedResults.Forbid();
        }

        var contract = await commands.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(contract.Version);
        return TypedResults.Ok(ToDto(contract, commands.Today));
    }

    private static async Task<Results<Created<ContractDto>, ForbidHttpResult, ValidationProblem>> CreateContractAsync(
        ContractRequest r, CommissioningCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.CreateContractAsync(r.ToTerms(), r.Lines(), ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return result.Outcome == PlanningOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Created($"/api/v1/contracts/{result.Value.Id}", ToDto(result.Value, commands.Today));
    }

    private static async Task<Results<Ok<ContractDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateContractAsync(
        Guid id, ContractRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, CommissioningCommands commands, HttpContext http, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(ifMatch)
            ? EmployersApi.IfMatchRequired()
            : Changed(await commands.UpdateContractAsync(id, r.ToTerms(), r.Lines(), ActionPlanApi.ParseETag(ifMatch), ct), http, commands.Today);

    private static async Task<Results<Ok<ContractDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RecordSpendAsync(
        Guid id, SpendRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, CommissioningCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return EmployersApi.IfMatchRequired();
        }

        // Another LEP's contract is not found, whatever the body says.
        if (!await commands.Contracts.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (r.FinancialYear is not { } year || r.Quarter is not { } number || new FinancialQuarter(year, number) is not { IsValid: true } quarter)
        {
            return TypedResults.ValidationProblem(new[] { ("quarter", "Give the financialYear (the year it starts in April) and the quarter, 1 to 4 (1 is April to June)") }.ToProblemErrors());
        }

        return Changed(await commands.RecordSpendAsync(id, quarter, r.Amount, r.Note, ActionPlanApi.ParseETag(ifMatch), ct), http, commands.Today);
    }

    private static async Task<Results<Ok<PerformanceDto>, NotFound, ForbidHttpResult>> PerformanceAsync(
        Guid id, CommissioningCommands commands, ContractPerformanceQuery query, CurrentUser user, CancellationToken ct)
    {
        if (!MayRead(user))
        {
            return TypedResults.Forbid();
        }

        var contract = await commands.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        var p = (await query.ForAsync([contract], commands.Today, ct))[id];
        return TypedResults.Ok(new PerformanceDto(
            p.ContractId, p.AsOf, p.Starts, p.JobOutcomes, p.Overall, p.StartsSoFar, p.JobOutcomesSoFar, p.ProgressionsSoFar, p.Budget, p.SpendToDate,
            p.ProfileSpendToDate, p.SpendPercentOfBudget, p.CostPerStart, p.CostPerJobOutcome,
            p.Quarters.Select(q => new PerformanceQuarterDto(q.Quarter.Year, q.Quarter.Number, q.Quarter.Label, q.Ended, q.ProfileStarts, q.ActualStarts,
                q.ProfileJobOutcomes, q.ActualJobOutcomes, q.Progressions, q.ProfileSpend, q.Spend)).ToList(),
            ContractActuals.Rule, Domain.Commissioning.RagThresholds.Explanation));
    }

    private static Results<Ok<ContractDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Changed(PlanningResult<DeliveryContract> result, HttpContext http, DateOnly today)
    {
        if (result.Outcome != PlanningOutcome.Done)
        {
            return Failed<ContractDto, DeliveryContract>(result, "The contract has changed", CommissioningCommands.ContractConflict);
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Ok(ToDto(result.Value, today));
    }

    private static Results<Ok<T>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Failed<T, TValue>(PlanningResult<TValue> result, string title, string conflict) =>
        result.Outcome switch
        {
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            PlanningOutcome.Conflict => TypedResults.Problem(conflict, statusCode: StatusCodes.Status412PreconditionFailed, title: title),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };

    private static ProfileLine ToLine(QuarterDto q) => new(new FinancialQuarter(q.FinancialYear, q.Quarter), q.Starts, q.JobOutcomes, q.Spend);

    private static AllocationDto ToAllocationDto(IndexModel.AllocationRow r) => new(
        r.Allocation.Id, r.Allocation.Stream, r.Allocation.FinancialYear, r.Allocation.Year.Label, r.Allocation.Amount, r.Allocation.Notes, r.Profiled, r.Spent,
        r.Allocation.Version);

    private static DecisionDto ToDecisionDto(CommissioningDecision d) => new(
        d.Id, d.Kind, d.ContractId, d.Reason, d.DecidedOn, d.DecidedBy, d.AmountMoved, d.FromContractId, d.FromAllocationId, d.FromStream, d.ToContractId, d.ToAllocationId, d.ToStream,
        d.RecordedAt);

    public static ContractDto ToDto(DeliveryContract c, DateOnly today) => new(
        c.Id, c.Title, c.Kind, c.PartnerOrganisationId, c.PartnerOrganisation?.Name, c.FundingStream, c.TargetGroup, c.StartDate, c.EndDate, c.Description,
        c.Budget, c.ExpectedStarts, c.ExpectedJobOutcomes, c.ServiceIds, c.ServiceDeliveryRequirementId,
        c.Profile.OrderBy(p => p.FinancialYear).ThenBy(p => p.QuarterNumber).Select(p => new QuarterDto(p.FinancialYear, p.QuarterNumber, p.Starts, p.JobOutcomes, p.Spend)).ToList(),
        c.Spend.OrderBy(s => s.FinancialYear).ThenBy(s => s.QuarterNumber).Select(s => new SpendDto(s.FinancialYear, s.QuarterNumber, s.Quarter.Label, s.Amount, s.Note, s.RecordedAt)).ToList(),
        c.SpendRecorded, c.StatusOn(today), c.CeasedOn, c.Version);
}
