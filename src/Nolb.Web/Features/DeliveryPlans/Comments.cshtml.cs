using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Domain.DeliveryPlans;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DeliveryPlans;

/// <summary>Comments on a plan's sections and annexes, from its writers and its approver, in any state of the plan.</summary>
[Authorize(Policy = Permissions.DeliveryPlans.Manage)]
public sealed class CommentsModel(PlanCommands commands) : PageModel
{
    public sealed class CommentInput
    {
        public string? SectionKey { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public DeliveryPlan? Plan { get; private set; }

    public static IReadOnlyList<SelectListItem> Sections { get; } =
        PlanFramework.Current.Sections.Select(s => new SelectListItem($"{s.Key} {s.Title}", s.Key))
            .Append(new SelectListItem("Annex 2: Service Delivery Requirements", "annex2"))
            .Append(new SelectListItem("Annex 3: National Performance Framework alignment", "annex3"))
            .ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string? section, CancellationToken ct)
    {
        Input.SectionKey = section;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.AddCommentAsync(id, Input.SectionKey, Input.Comment, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "Your comment is added.";
            return RedirectToPage("Comments", new { id });
        }

        return result.Handle(ModelState) ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Plan = await commands.FindAsync(id, ct);
        return Plan is null ? NotFound() : null;
    }
}
