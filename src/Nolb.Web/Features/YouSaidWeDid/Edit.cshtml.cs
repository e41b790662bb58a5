using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.YouSaidWeDid;

/// <summary>Change a "You said, we did" entry; a save over someone else's newer change is refused.</summary>
[Authorize(Policy = Permissions.Feedback.Manage)]
public sealed class EditModel(YouSaidWeDidCommands commands, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public YouSaidWeDidForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var entry = await commands.Entries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        Input = YouSaidWeDidForm.From(entry);
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.UpdateAsync(id, Input.ToDetails(), Input.Version, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            TempData["Confirmation"] = "The change is saved.";
            return RedirectToPage("Index");
        }

        await ChoicesAsync(ct);
        return result.Handle(ModelState) ?? Page();
    }

    private async Task ChoicesAsync(CancellationToken ct) =>
        ViewData["Themes"] = YouSaidWeDidForm.ThemeChoices(await commands.ThemesAsync(currentUser.LepId!.Value, ct), Input.Themes);
}
