using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.YouSaidWeDid;

/// <summary>Record a change made because of feedback, linked to the feedback themes it answers.</summary>
[Authorize(Policy = Permissions.Feedback.Manage)]
public sealed class CreateModel(YouSaidWeDidCommands commands, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public YouSaidWeDidForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.ChangedOn = commands.Today;
        await ChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CreateAsync(Input.ToDetails(), ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The change is recorded. People you support can now see it.";
            return RedirectToPage("Index");
        }

        await ChoicesAsync(ct);
        return result.Handle(ModelState) ?? Page();
    }

    private async Task ChoicesAsync(CancellationToken ct) =>
        ViewData["Themes"] = YouSaidWeDidForm.ThemeChoices(await commands.ThemesAsync(currentUser.LepId!.Value, ct), Input.Themes);
}
