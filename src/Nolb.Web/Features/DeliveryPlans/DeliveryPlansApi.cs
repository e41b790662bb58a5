using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.ActionPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// /api/v1/plans: delivery plans of the caller's LEP (another LEP's answers 404). Only a draft changes; a section or
/// an Annex 2 row is changed with If-Match carrying the ETag it was read with (missing 428, stale 412).
/// </summary>
public static class DeliveryPlansApi
{
    public sealed record PlanRequest(string? Title, PlanKind? Kind, DateOnly? PeriodStart, DateOnly? PeriodEnd);

    public sealed record SectionRequest(string? Text, string? Strengths, string? Weaknesses, string? Opportunities, string? Threats, DateOnly? ReviewDate);

    public sealed record RequirementRequest(
        string? TargetGroup, string? Rationale, IReadOnlyList<Guid>? DeliveryPartnerIds, decimal? Budget, IReadOnlyList<FundingStream>? SourcesOfInvestment,
        int? Volumes, string? DeliveryMethod, string? OutcomeExpected, IReadOnlyList<PolicyDriver>? PolicyDrivers)
    {
        public RequirementDetails ToDetails() => new(TargetGroup, Rationale, DeliveryPartnerIds ?? [], Budget, SourcesOfInvestment ?? [], Volumes,
            DeliveryMethod, OutcomeExpected, PolicyDrivers ?? []);
    }

    public sealed record CommentRequest(string? SectionKey, string? Comment);

    public sealed record MemberRequest(Guid? OrganisationId, string? Role, string? Remit);

    public sealed record GovernanceRequest(string? GroupName, GovernanceLinkKind? Kind, string? Relationship);

    public sealed record PlanRow(Guid Id, string Title, PlanKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, PlanStatus Status, int Versions, DateOnly? ReviewDate);

    public sealed record CommentDto(Guid Id, string SectionKey, string Author, string Text, DateTime At);

    public sealed record VersionRow(int Number, string SubmittedBy, string ApprovedBy, DateTime ApprovedAt);

    public sealed record PlanDto(
        Guid Id, PlanStatus Status, string? SubmittedBy, IReadOnlyList<VersionRow> Versions, IReadOnlyList<CommentDto> Comments, PlanSnapshot Plan, Guid Version);

    public sealed record RequirementDto(
        Guid Id, int Position, string TargetGroup, string Rationale, IReadOnlyList<Guid> DeliveryPartnerIds, decimal Budget,
        IReadOnlyList<FundingStream> SourcesOfInvestment, int Volumes, string DeliveryMethod, string OutcomeExpected, IReadOnlyList<PolicyDriver> PolicyDrivers, Guid Version);

    public sealed record VersionDto(int Number, string SubmittedBy, string ApprovedBy, DateTime ApprovedAt, PlanSnapshot Plan);

    public static RouteGroupBuilder MapDeliveryPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Delivery plans").RequireAuthorization(Permissions.DeliveryPlans.Manage);
        plans.MapGet("/", ListAsync).WithSummary("Your LEP's delivery plans.");
        plans.MapPost("/", CreateAsync).WithSummary("Start a plan for a period; Annex 3 starts with the national text.");
        plans.MapGet("/{id:guid}", GetAsync).WithSummary("The whole plan (live evidence while a draft; the latest approved version once approved), with its ETag.");
        plans.MapPut("/{id:guid}/sections/{key}", SaveSectionAsync)
            .WithSummary("Write a framework section (1.1 to 6.5); 3.1 takes a SWOT, 6.5 the review date. Send If-Match with the plan's ETag.");
        plans.MapPost("/{id:guid}/members", (Guid id, MemberRequest r, PlanCommands c, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct) =>
                VersionedAsync(ifMatch, v => c.AddMemberAsync(id, r.OrganisationId, r.Role, r.Remit, v, ct), c, http, ct))
            .WithSummary("Add a member organisation to Section 1.2, with its role and remit. Send If-Match with the plan's ETag.");
        plans.MapDelete("/{id:guid}/members/{memberId:guid}", (Guid id, Guid memberId, PlanCommands c, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct) =>
                VersionedAsync(ifMatch, v => c.RemoveMemberAsync(id, memberId, v, ct), c, http, ct))
            .WithSummary("Remove a member organisation from Section 1.2. Send If-Match with the plan's ETag.");
        plans.MapPost("/{id:guid}/governance", (Guid id, GovernanceRequest r, PlanCommands c, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct) =>
                VersionedAsync(ifMatch, v => c.AddGovernanceLinkAsync(id, r.GroupName, r.Kind, r.Relationship, v, ct), c, http, ct))
            .WithSummary("Add a governance link to Section 1.3 (the Community Planning Partnership or another group). Send If-Match with the plan's ETag.");
        plans.MapDelete("/{id:guid}/governance/{linkId:guid}", (Guid id, Guid linkId, PlanCommands c, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct) =>
                VersionedAsync(ifMatch, v => c.RemoveGovernanceLinkAsync(id, linkId, v, ct), c, http, ct))
            .WithSummary("Remove a governance link from Section 1.3. Send If-Match with the plan's ETag.");
        plans.MapPost("/{id:guid}/comments", CommentAsync).WithSummary("Comment on a section (1.1 to 6.5, annex2 or annex3).");
        plans.MapPost("/{id:guid}/submit", (Guid id, PlanCommands c, CancellationToken ct) => WorkflowAsync(c.SubmitAsync(id, ct)))
            .WithSummary("Submit the draft for approval.");
        plans.MapPost("/{id:guid}/return", (Guid id, PlanCommands c, CancellationToken ct) => WorkflowAsync(c.ReturnAsync(id, ct)))
            .RequireAuthorization(Permissions.DeliveryPlans.Approve).WithSummary("Return a submitted plan to draft.");
        plans.MapPost("/{id:guid}/revise", (Guid id, PlanCommands c, CancellationToken ct) => WorkflowAsync(c.ReviseAsync(id, ct)))
            .WithSummary("Start a new draft of an approved plan; the approved versions are kept.");
        plans.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(Permissions.DeliveryPlans.Approve)
            .WithSummary("Approve a submitted plan (not by the person who submitted it), freezing it and its evidence as a new version.");
        plans.MapGet("/{id:guid}/versions", VersionsAsync).WithSummary("The approved versions.");
        plans.MapGet("/{id:guid}/versions/{number:int}", VersionAsync).WithSummary("One approved version, as approved.");
        plans.MapGet("/{id:guid}/diff", DiffAsync)
            .WithSummary("What changed: from version 'from' to version 'to' (default: the version before 'to'; no 'to' means the current draft).");
        plans.MapGet("/{id:guid}/annex2", RowsAsync).WithSummary("The Annex 2 rows, each with its version for If-Match.");
        plans.MapPost("/{id:guid}/annex2", AddRowAsync).WithSummary("Add an Annex 2 row.");
        plans.MapPut("/{id:guid}/annex2/{rowId:guid}", UpdateRowAsync).WithSummary("Change an Annex 2 row. Send If-Match with its ETag.");
        plans.MapDelete("/{id:guid}/annex2/{rowId:guid}", DeleteRowAsync).WithSummary("Remove an Annex 2 row.");
        plans.MapGet("/{id:guid}/export", ExportAsync).WithSummary("The whole plan as a Word document: format=docx.");
        plans.MapGet("/{id:guid}/annex2.xlsx", WorkbookAsync).WithSummary("Annex 2 as an Excel workbook in the template's eight columns.");
        plans.MapPost("/{id:guid}/annex2/import", ImportAsync).DisableAntiforgery()
            .WithSummary("Replace the draft's Annex 2 rows with a filled-in workbook (the body, as .xlsx). Any problem: 400 listing each by row and column, nothing changed.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<IndexModel.Row>>> ListAsync(PlanCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await IndexModel.ListAsync(commands.Plans, ct));

    private static async Task<Results<Created<PlanDto>, ForbidHttpResult, ValidationProblem>> CreateAsync(PlanRequest request, PlanCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.CreateAsync(new PlanDetails(request.Title, request.Kind, request.PeriodStart, request.PeriodEnd), ct);
        return result.Outcome switch
        {
            PlanningOutcome.Done => TypedResults.Created($"/api/v1/plans/{result.Value!.Id}", await DtoAsync(result.Value, commands, http, ct)),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<Results<Ok<PlanDto>, NotFound>> GetAsync(Guid id, PlanCommands commands, HttpContext http, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(await DtoAsync(plan, commands, http, ct));
    }

    private static async Task<Results<Ok<PlanDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> SaveSectionAsync(
        Guid id, string key, SectionRequest request, PlanCommands commands, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Employers.EmployersApi.IfMatchRequired();
        }

        var result = await commands.SaveSectionAsync(id, key,
            new SectionDetails(request.Text, request.Strengths, request.Weaknesses, request.Opportunities, request.Threats, request.ReviewDate), ActionPlanApi.ParseETag(ifMatch), ct);
        return result.Outcome == PlanningOutcome.Done ? TypedResults.Ok(await DtoAsync(result.Value!, commands, http, ct)) : Refused<Ok<PlanDto>, DeliveryPlan>(result);
    }

    /// <summary>A change to the plan checked against the version in If-Match (missing 428, stale 412); answers the plan with its new ETag.</summary>
    private static async Task<Results<Ok<PlanDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> VersionedAsync(
        string? ifMatch, Func<Guid?, Task<PlanningResult<DeliveryPlan>>> change, PlanCommands commands, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Employers.EmployersApi.IfMatchRequired();
        }

        var result = await change(ActionPlanApi.ParseETag(ifMatch));
        return result.Outcome == PlanningOutcome.Done ? TypedResults.Ok(await DtoAsync(result.Value!, commands, http, ct)) : Refused<Ok<PlanDto>, DeliveryPlan>(result);
    }

    private static async Task<Results<Created<CommentDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CommentAsync(
        Guid id, CommentRequest request, PlanCommands commands, CancellationToken ct)
    {
        var result = await commands.AddCommentAsync(id, request.SectionKey, request.Comment, ct);
        return result.Outcome == PlanningOutcome.Done
            ? TypedResults.Created($"/api/v1/plans/{id}/comments/{result.Value!.Id}", ToDto(result.Value))
            : Refused<Created<CommentDto>, PlanComment>(result);
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> WorkflowAsync(Task<PlanningResult<DeliveryPlan>> command)
    {
        var result = await command;
        return result.Outcome == PlanningOutcome.Done ? TypedResults.NoContent() : Refused<NoContent, DeliveryPlan>(result);
    }

    private static async Task<Results<Ok<VersionRow>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ApproveAsync(Guid id, PlanCommands commands, CancellationToken ct)
    {
        var result = await commands.ApproveAsync(id, ct);
        return result.Outcome == PlanningOutcome.Done ? TypedResults.Ok(ToRow(result.Value!)) : Refused<Ok<VersionRow>, PlanVersion>(result);
    }

    private static async Task<Results<Ok<List<VersionRow>>, NotFound>> VersionsAsync(Guid id, PlanCommands commands, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(plan.Versions.OrderBy(v => v.Number).Select(ToRow).ToList());
    }

    private static async Task<Results<Ok<VersionDto>, NotFound>> VersionAsync(Guid id, int number, PlanCommands commands, CancellationToken ct)
    {
        var version = (await commands.FindAsync(id, ct))?.Versions.SingleOrDefault(v => v.Number == number);
        return version is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new VersionDto(version.Number, version.SubmittedByName, version.ApprovedByName, version.ApprovedAt, PlanSnapshot.FromJson(version.Snapshot)));
    }

    private static async Task<Results<Ok<PlanDifference>, NotFound, ValidationProblem>> DiffAsync(Guid id, int? from, int? to, PlanCommands commands, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }

        var versions = plan.Versions.OrderBy(v => v.Number).ToList();
        var after = to is null ? await commands.SnapshotAsync(plan, ct) : versions.SingleOrDefault(v => v.Number == to) is { } t ? PlanSnapshot.FromJson(t.Snapshot) : null;
        var beforeVersion = from is null
            ? versions.LastOrDefault(v => to is null ? plan.Status != PlanStatus.Approved || v.Number < versions[^1].Number : v.Number < to)
            : versions.SingleOrDefault(v => v.Number == from);
        if (after is null || beforeVersion is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["from"] = ["Name two approved versions to compare (from and to), or leave them out to compare the draft with the latest approved version"],
            });
        }

        return TypedResults.Ok(PlanDiff.Compare(PlanSnapshot.FromJson(beforeVersion.Snapshot), after));
    }

    private static async Task<Results<Ok<List<RequirementDto>>, NotFound>> RowsAsync(Guid id, PlanCommands commands, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(plan.Requirements.OrderBy(r => r.Position).Select(ToDto).ToList());
    }

    private static async Task<Results<Created<RequirementDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AddRowAsync(
        Guid id, RequirementRequest request, PlanCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.SaveRequirementAsync(id, null, request.ToDetails(), null, ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return Refused<Created<RequirementDto>, ServiceDeliveryRequirement>(result);
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Created($"/api/v1/plans/{id}/annex2/{result.Value.Id}", ToDto(result.Value));
    }

    private static async Task<Results<Ok<RequirementDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateRowAsync(
        Guid id, Guid rowId, RequirementRequest request, PlanCommands commands, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Employers.EmployersApi.IfMatchRequired();
        }

        var result = await commands.SaveRequirementAsync(id, rowId, request.ToDetails(), ActionPlanApi.ParseETag(ifMatch), ct);
        if (result.Outcome != PlanningOutcome.Done)
        {
            return Refused<Ok<RequirementDto>, ServiceDeliveryRequirement>(result);
        }

        http.Response.Headers.ETag = ActionPlanApi.ETag(result.Value!.Version);
        return TypedResults.Ok(ToDto(result.Value));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> DeleteRowAsync(
        Guid id, Guid rowId, PlanCommands commands, CancellationToken ct) =>
        await WorkflowAsync(commands.DeleteRequirementAsync(id, rowId, ct));

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(Guid id, string? format, PlanCommands commands, CancellationToken ct)
    {
        if (!string.Equals(format ?? "docx", "docx", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["The plan exports as format=docx; Annex 2 alone is at annex2.xlsx"] });
        }

        var plan = await commands.FindAsync(id, ct);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }

        var snapshot = await commands.SnapshotAsync(plan, ct);
        return TypedResults.File(PlanDocument.Write(snapshot), PlanDocument.ContentType, PlanDocument.FileName(snapshot));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> WorkbookAsync(Guid id, PlanCommands commands, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }

        var snapshot = await commands.SnapshotAsync(plan, ct);
        return TypedResults.File(Annex2Workbook.Write(snapshot), Annex2Workbook.ContentType, Annex2Workbook.FileName(snapshot));
    }

    private static async Task<Results<Ok<List<RequirementDto>>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ImportAsync(
        Guid id, HttpRequest request, Annex2Import import, CancellationToken ct)
    {
        var (result, problems) = await import.ImportAsync(id, request.Body, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            return TypedResults.Ok(result.Value!.Requirements.OrderBy(r => r.Position).Select(ToDto).ToList());
        }

        if (problems.Count > 0)
        {
            return TypedResults.Problem(
                title: "The workbook was not imported",
                detail: $"{problems.Count} problem(s) were found. Nothing was changed: fix every problem listed and import the workbook again.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        }

        return Refused<Ok<List<RequirementDto>>, DeliveryPlan>(result);
    }

    private static Results<T1, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult> Refused<T1, T>(PlanningResult<T> result)
        where T1 : IResult => result.Outcome switch
        {
            PlanningOutcome.NotFound => TypedResults.NotFound(),
            PlanningOutcome.Forbidden => TypedResults.Forbid(),
            PlanningOutcome.Conflict => TypedResults.Problem(PlanCommands.ConflictMessage, statusCode: StatusCodes.Status412PreconditionFailed, title: "The plan has changed"),
            _ when result.Errors.Any(e => e.Field == "status") => TypedResults.Problem(
                result.Errors.First(e => e.Field == "status").Message, statusCode: StatusCodes.Status409Conflict, title: "The plan cannot change now"),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };


    private static async Task<PlanDto> DtoAsync(DeliveryPlan plan, PlanCommands commands, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.ETag = ActionPlanApi.ETag(plan.Version);
        return new PlanDto(plan.Id, plan.Status, plan.SubmittedByName, plan.Versions.OrderBy(v => v.Number).Select(ToRow).ToList(),
            plan.Comments.OrderBy(c => c.At).Select(ToDto).ToList(), await commands.SnapshotAsync(plan, ct), plan.Version);
    }

    private static VersionRow ToRow(PlanVersion v) => new(v.Number, v.SubmittedByName, v.ApprovedByName, v.ApprovedAt);

    private static CommentDto ToDto(PlanComment c) => new(c.Id, c.SectionKey, c.AuthorName, c.Text, c.At);

    private static RequirementDto ToDto(ServiceDeliveryRequirement r) => new(
        r.Id, r.Position, r.TargetGroup, r.Rationale, r.DeliveryPartnerIds, r.Budget, r.SourcesOfInvestment, r.Volumes, r.DeliveryMethod, r.OutcomeExpected, r.PolicyDrivers, r.Version);
}
