using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>Annex 3: the LEP's contribution to each National Performance Framework outcome, starting from the national text.</summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class Annex3Model(PlanCommands commands) : PageModel
{
    public sealed class AlignmentInput
    {
        public Dictionary<NationalOutcome, string?> Contributions { get; set; } = [];
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public AlignmentInput Input { get; set; } = new();

    public DeliveryPlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        Input.Version = Plan.Version;
        Input.Contributions = Enum.GetValues<NationalOutcome>()
            .ToDictionary(o => o, o => Plan.Alignments.SingleOrDefault(a => a.Outcome == o)?.Contribution);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveAlignmentsAsync(id, Input.Contributions, Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "Annex 3 is saved.";
            return Redirect(Url.Page("Plan", new { id }) + "#annex-3");
        }

        var handled = result.Handle(ModelState, f => Enum.TryParse<NationalOutcome>(f, out var o) ? $"Input.Contributions[{o}]" : "");
        if (handled is not null)
        {
            return handled;
        }

        Plan = await commands.FindAsync(id, ct);
        return Plan is null ? NotFound() : Page();
    }
}
