using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Me;

/// <summary>The person adds a goal of their own to their plan, with one thing they will do towards it.</summary>
[Authorize(Policy = Permissions.Participants.ReadOwnRecord)]
public sealed class AddGoalModel(OwnPlan plan) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public sealed class GoalInput
    {
        public string? Goal { get; set; }
        public string? Action { get; set; }
        public DateOnly? DueDate { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var dateTyped = Request.Form.TryGetValue("Input.DueDate", out var typed) && !string.IsNullOrWhiteSpace(typed);
        ModelState.Clear();
        if (dateTyped && Input.DueDate is null)
        {
            ModelState.AddModelError("Input.DueDate", "Enter a real date, for example 31 January 2027");
            return Page();
        }

        var result = await plan.AddGoalAsync(Input.Goal, Input.Action, Input.DueDate, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "Your goal is added to your plan. Your key worker will see it too.";
            return RedirectToPage("Index");
        }

        return result.Handle(ModelState) ?? Page();
    }
}
