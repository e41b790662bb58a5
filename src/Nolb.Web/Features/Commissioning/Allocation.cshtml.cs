using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Participants;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Commissioning;

/// <summary>Add an LEP's allocation from a funding stream for a financial year, or change one (refused over someone else's newer change).</summary>
[Authorize(Policy = Permissions.Commissioning.Manage)]
public sealed class AllocationModel(CommissioningCommands commands) : PageModel
{
    [BindProperty]
    public AllocationInput Input { get; set; } = new();

    /// <summary>The allocation being changed; null when adding one.</summary>
    public FundingAllocation? Existing { get; private set; }

    public sealed class AllocationInput
    {
        public FundingStream? Stream { get; set; }
        public int? FinancialYear { get; set; }
        public decimal? Amount { get; set; }
        public string? Notes { get; set; }
        public Guid? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            Input.FinancialYear = Domain.Commissioning.FinancialYear.Of(commands.Today).StartYear;
            return Page();
        }

        Existing = await commands.Allocations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (Existing is null)
        {
            return NotFound();
        }

        Input = new AllocationInput { Stream = Existing.Stream, FinancialYear = Existing.FinancialYear, Amount = Existing.Amount, Notes = Existing.Notes, Version = Existing.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = id is { } existing
            ? await commands.UpdateAllocationAsync(existing, Input.Amount, Input.Notes, Input.Version, ct)
            : await commands.CreateAllocationAsync(Input.Stream, Input.FinancialYear, Input.Amount, Input.Notes, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"The {result.Value!.Year.Label} allocation from {result.Value.Stream.Label()} is saved.";
            return RedirectToPage("Index");
        }

        if (id is not null)
        {
            Existing = await commands.Allocations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        }

        return result.Handle(ModelState) ?? Page();
    }
}
