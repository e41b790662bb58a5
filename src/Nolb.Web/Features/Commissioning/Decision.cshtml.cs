using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>Record a decision to amend, cease or repurpose provision (Section 5.2), with why, when, who decided and the money moved.</summary>
[Authorize(Policy = Permissions.Commissioning.Manage)]
public sealed class DecisionModel(CommissioningCommands commands) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ContractChoices { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AllocationChoices { get; private set; } = [];

    public sealed class DecisionInput
    {
        public DecisionKind? Kind { get; set; }
        public Guid? ContractId { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public string? DecidedBy { get; set; }
        public string? Reason { get; set; }
        public decimal? AmountMoved { get; set; }
        public Guid? FromContractId { get; set; }
        public Guid? FromAllocationId { get; set; }
        public Guid? ToContractId { get; set; }
        public Guid? ToAllocationId { get; set; }
    }

    public async Task OnGetAsync(Guid? contractId, CancellationToken ct)
    {
        Input.ContractId = contractId;
        Input.DecidedOn = commands.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var i = Input;
        var result = await commands.RecordDecisionAsync(
            new(i.Kind, i.ContractId, i.Reason, i.DecidedOn, i.DecidedBy, i.AmountMoved, i.FromContractId, i.FromAllocationId, i.ToContractId, i.ToAllocationId), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The decision is recorded in the decision log.";
            return result.Value!.ContractId is { } about ? RedirectToPage("Contract", new { id = about }) : RedirectToPage("Index");
        }

        await LoadAsync(ct);
        return result.Handle(ModelState) ?? Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ContractChoices = (await commands.Contracts.AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => new SelectListItem(c.Title, c.Id.ToString())).ToList();
        AllocationChoices = (await commands.Allocations.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(a => a.FinancialYear).ThenBy(a => a.Stream)
            .Select(a => new SelectListItem($"{a.Year.Label} {a.Stream.Label()} ({CommissioningLabels.Money(a.Amount)})", a.Id.ToString())).ToList();
    }
}
