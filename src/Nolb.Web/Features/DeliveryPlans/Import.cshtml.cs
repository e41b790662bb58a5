using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>Import Annex 2 from a workbook filled in by hand; a file with any problem changes nothing.</summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class ImportModel(PlanCommands commands, Annex2Import import) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DeliveryPlan? Plan { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        return Plan is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "Choose the Annex 2 workbook (.xlsx) to import");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var (result, problems) = await import.ImportAsync(id, stream, ct);
            if (result.Outcome == PlanningOutcome.Done)
            {
                TempData["Confirmation"] = $"Annex 2 is imported: {result.Value!.Requirements.Count} rows.";
                return Redirect(Url.Page("Plan", new { id }) + "#annex-2");
            }

            if (result.Outcome is PlanningOutcome.NotFound or PlanningOutcome.Forbidden)
            {
                return result.Handle(ModelState)!;
            }

            Problems = problems;
            foreach (var (_, message) in result.Errors.Take(problems.Count == 0 ? result.Errors.Count : 0))
            {
                ModelState.AddModelError("", message);
            }

            if (problems.Count > 0)
            {
                ModelState.AddModelError("Upload", $"The workbook has {problems.Count} problems, listed below. Nothing was imported");
            }
        }

        Plan = await commands.FindAsync(id, ct);
        return Plan is null ? NotFound() : Page();
    }
}
