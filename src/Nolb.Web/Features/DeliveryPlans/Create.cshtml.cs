using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>Start a delivery plan (or an annual operational update) for a period; Annex 3 starts with the national text.</summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class CreateModel(PlanCommands commands) : PageModel
{
    public sealed class PlanInput
    {
        public string? Title { get; set; }
        public PlanKind? Kind { get; set; }
        public DateOnly? PeriodStart { get; set; }
        public DateOnly? PeriodEnd { get; set; }
    }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CreateAsync(new PlanDetails(Input.Title, Input.Kind, Input.PeriodStart, Input.PeriodEnd), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = $"{result.Value!.Title} is started. Write each section, then submit it for approval.";
            return RedirectToPage("Plan", new { id = result.Value.Id });
        }

        return result.Handle(ModelState) ?? Page();
    }
}
