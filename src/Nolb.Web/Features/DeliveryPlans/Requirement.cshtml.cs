using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Commissioning;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>Add, change or remove one row of Annex 2 (Service Delivery Requirements and Approach).</summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class RequirementModel(PlanCommands commands, NolbDbContext db, CurrentUser currentUser, RequirementDelivery delivery) : PageModel
{
    /// <summary>The contracts delivering the row, for a reader who manages commissioning; otherwise null.</summary>
    public IReadOnlyList<DeliveringContract>? Delivery { get; private set; }

    /// <summary>The row being changed, as saved; null when adding one.</summary>
    public ServiceDeliveryRequirement? Row { get; private set; }

    public sealed class RequirementInput
    {
        public string? TargetGroup { get; set; }
        public string? Rationale { get; set; }
        public List<Guid> DeliveryPartnerIds { get; set; } = [];
        public decimal? Budget { get; set; }
        public List<FundingStream> SourcesOfInvestment { get; set; } = [];
        public int? Volumes { get; set; }
        public string? DeliveryMethod { get; set; }
        public string? OutcomeExpected { get; set; }
        public List<PolicyDriver> PolicyDrivers { get; set; } = [];
        public Guid? Version { get; set; }

        public RequirementDetails ToDetails() =>
            new(TargetGroup, Rationale, DeliveryPartnerIds, Budget, SourcesOfInvestment, Volumes, DeliveryMethod, OutcomeExpected, PolicyDrivers);
    }

    [BindProperty]
    public RequirementInput Input { get; set; } = new();

    public DeliveryPlan? Plan { get; private set; }
    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? rowId, CancellationToken ct)
    {
        var refused = await LoadAsync(id, rowId, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (Row is { } row)
        {
            Input = new RequirementInput
            {
                TargetGroup = row.TargetGroup,
                Rationale = row.Rationale,
                DeliveryPartnerIds = row.DeliveryPartnerIds,
                Budget = row.Budget,
                SourcesOfInvestment = row.SourcesOfInvestment,
                Volumes = row.Volumes,
                DeliveryMethod = row.DeliveryMethod,
                OutcomeExpected = row.OutcomeExpected,
                PolicyDrivers = row.PolicyDrivers,
                Version = row.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? rowId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveRequirementAsync(id, rowId, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"The Annex 2 row for {result.Value!.TargetGroup} is saved.";
            return Redirect(Url.Page("Plan", new { id }) + "#annex-2");
        }

        return result.Handle(ModelState, f => f == "status" ? "" : PlanningPageResults.InputField(f)) ?? await LoadAsync(id, rowId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid rowId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.DeleteRequirementAsync(id, rowId, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The Annex 2 row is removed.";
            return Redirect(Url.Page("Plan", new { id }) + "#annex-2");
        }

        return result.Handle(ModelState, f => "") ?? await LoadAsync(id, rowId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? rowId, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        if (rowId is { } existing)
        {
            Row = Plan.Requirements.SingleOrDefault(r => r.Id == existing);
            if (Row is null)
            {
                return NotFound();
            }

            Delivery = delivery.Visible ? (await delivery.ForAsync([existing], ct)).GetValueOrDefault(existing, []) : null;
        }

        Partners = await db.Organisations.AsNoTracking().VisibleTo(currentUser).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        return null;
    }
}
