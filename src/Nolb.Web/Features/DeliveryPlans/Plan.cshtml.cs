using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Features.Commissioning;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>
/// One plan, read as a whole: every section, Annexes 2 and 3 and the evidence; with the workflow (submit, approve or
/// return, revise), the versions and the exports. An approved plan shows its latest approved version.
/// </summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class PlanModel(PlanCommands commands, RequirementDelivery delivery) : PageModel
{
    /// <summary>The contracts delivering each Annex 2 row, for a reader who manages commissioning; otherwise null.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<DeliveringContract>>? Delivery { get; private set; }

    public DeliveryPlan? Plan { get; private set; }
    public PlanSnapshot? Snapshot { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanApprove { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        Finish(id, await commands.SubmitAsync(id, ct), "The plan is submitted for approval. Another LEP manager of your LEP approves it.") ?? await ReloadAsync(id, ct);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Finish(id, await commands.ReturnAsync(id, ct), "The plan is returned to draft.") ?? await ReloadAsync(id, ct);

    public async Task<IActionResult> OnPostReviseAsync(Guid id, CancellationToken ct) =>
        Finish(id, await commands.ReviseAsync(id, ct), "A new draft is started. The approved versions are kept as they were.") ?? await ReloadAsync(id, ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.ApproveAsync(id, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"Version {result.Value!.Number} of the plan is approved. Its evidence is frozen as it stands today.";
            return RedirectToPage("Plan", new { id });
        }

        return result.Handle(ModelState, f => "") ?? await ReloadAsync(id, ct);
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var snapshot = await commands.SnapshotAsync(plan, ct);
        return File(PlanDocument.Write(snapshot), PlanDocument.ContentType, PlanDocument.FileName(snapshot));
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var plan = await commands.FindAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var snapshot = await commands.SnapshotAsync(plan, ct);
        return File(Annex2Workbook.Write(snapshot), Annex2Workbook.ContentType, Annex2Workbook.FileName(snapshot));
    }

    private IActionResult? Finish(Guid id, PlanningResult<DeliveryPlan> result, string confirmation)
    {
        ModelState.Clear();
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = confirmation;
            return RedirectToPage("Plan", new { id });
        }

        return result.Handle(ModelState, f => "");
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        Snapshot = await commands.SnapshotAsync(Plan, ct);
        Delivery = delivery.Visible ? await delivery.ForAsync(Snapshot.Requirements.Select(r => r.Id).ToList(), ct) : null;
        CanEdit = commands.CanEdit(Plan);
        CanApprove = commands.CanApprove(Plan);
        return null;
    }
}
