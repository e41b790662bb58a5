using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.DataRights;
using Nolb.Web.Infrastructure;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// An erasure request: the administrator records when it came, the decision and the reason. Erasing is refused while a
/// legal reason to keep the record applies (an open engagement, a funding audit hold); a refusal is recorded with its
/// reason. Erasing cannot be undone, so the administrator confirms by typing the person's reference.
/// </summary>
[Authorize(Policy = Permissions.DataRights.Manage)]
public sealed class ErasureModel(NolbDbContext db, ParticipantErasure erasure, TimeProvider clock) : PageModel
{
    public DataRightsPerson Person { get; private set; } = null!;
    public IReadOnlyList<string> Holds { get; private set; } = [];
    public IReadOnlyList<ErasureRequest> Decisions { get; private set; } = [];

    [BindProperty]
    public DateOnly? ReceivedOn { get; set; }

    [BindProperty]
    public ErasureDecision? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ConfirmReference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        if (ReceivedOn is null)
        {
            ModelState.AddModelError(nameof(ReceivedOn), "Enter the date the request was received");
        }
        else if (ReceivedOn > today)
        {
            ModelState.AddModelError(nameof(ReceivedOn), "The date the request was received cannot be in the future");
        }

        if (Decision is null)
        {
            ModelState.AddModelError(nameof(Decision), "Choose whether to erase the data or refuse the request");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Give the reason for the decision, for example \"the person asked and no legal reason to keep applies\"");
        }
        else if (Reason.Length > ErasureRequest.ReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), $"The reason must be {ErasureRequest.ReasonLength} characters or fewer");
        }

        if (Decision == ErasureDecision.Erased)
        {
            if (Holds.Count > 0)
            {
                ModelState.AddModelError(nameof(Decision), "The data cannot be erased while a legal reason to keep it applies: " + string.Join("; ", Holds) + ". Refuse the request with that reason");
            }
            else if (!string.Equals(ConfirmReference?.Trim(), Person.Reference, StringComparison.OrdinalIgnoreCase))
            {
                ModelState.AddModelError(nameof(ConfirmReference), $"Type the person's reference, {Person.Reference}, to confirm the erasure");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        if (Decision == ErasureDecision.Erased)
        {
            await erasure.EraseAsync(Person.Id, ErasureSource.PersonsRequest, ReceivedOn!.Value, Reason!.Trim(), ct);
            TempData["Confirmation"] = $"The identifying data of {Person.Reference} is erased. The anonymous record stays for statistics.";
        }
        else
        {
            await erasure.RefuseAsync(Person.Id, Person.LepId, ReceivedOn!.Value, Reason!.Trim(), ct);
            TempData["Confirmation"] = "The refusal and its reason are recorded. Tell the person, with the reason and their right to complain to the ICO.";
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await DataRightsPerson.FindAsync(db, id, ct) is not { } person)
        {
            return false;
        }

        Person = person;
        Holds = await erasure.HoldsAsync(id, ct);
        Decisions = await db.ErasureRequests.AsNoTracking().Where(r => r.ParticipantId == id).OrderByDescending(r => r.DecidedAt).ToListAsync(ct);
        return true;
    }
}
