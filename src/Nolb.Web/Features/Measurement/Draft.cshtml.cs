using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// A draft publication: the exact figures approval publishes, to check; a second national analyst approves it,
/// and either analyst may withdraw it with a reason.
/// </summary>
[Authorize(Policy = Permissions.Statistics.ReadNational)]
public sealed class DraftModel(Publications publications) : PageModel
{
    public DraftPreview? Draft { get; private set; }

    [BindProperty]
    [Display(Name = "Why withdraw the draft")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await publications.ApproveAsync(id, ct);
        if (result.Value is { } published)
        {
            TempData["Confirmation"] = published.Latest.Number == 1
                ? $"Published {published.Quarter}."
                : $"Published {published.Quarter} again (publication {published.Latest.Number}): {published.Revisions.Count} figures revised.";
            return RedirectToPage("Publication", new { quarter = published.Quarter });
        }

        return result.Handle(ModelState, _ => "") ?? await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await publications.WithdrawAsync(id, Reason, ct);
        if (result.Value is { } withdrawn)
        {
            TempData["Confirmation"] = $"The draft of {withdrawn.Quarter} is withdrawn. Nothing was published.";
            return RedirectToPage("Draft", new { id });
        }

        return result.Handle(ModelState, f => f == "reason" ? nameof(Reason) : "") ?? await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        Draft = await publications.DraftAsync(id, ct);
        return Draft is null ? NotFound() : Page();
    }
}
