using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Voice;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Feedback;

/// <summary>
/// The Customer Charter's commitments. Administrators keep the national ones; an LEP's team leaders and manager add
/// local ones for their LEP. A commitment is retired rather than deleted, so past ratings keep their meaning.
/// </summary>
[Authorize]
public sealed class CharterModel(NolbDbContext db, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<CharterCommitment> National { get; private set; } = [];
    public IReadOnlyList<CharterCommitment> Local { get; private set; } = [];
    public bool ManagesNational => currentUser.Has(Permissions.ReferenceData.Manage);
    public bool ManagesLocal => currentUser.Has(Permissions.Feedback.Manage) && currentUser.LepId is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ManagesNational && !ManagesLocal)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ManagesNational && !ManagesLocal)
        {
            return Forbid();
        }

        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(nameof(Text), "Enter the commitment, starting with \"We\", for example: We reply to your messages within two working days");
        }
        else if (text.Length > CharterCommitment.MaxTextLength)
        {
            ModelState.AddModelError(nameof(Text), $"The commitment must be {CharterCommitment.MaxTextLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var lepId = ManagesNational ? null : currentUser.LepId;
        var order = await db.CharterCommitments.Where(c => c.LepId == lepId).Select(c => (int?)c.Order).MaxAsync(ct) ?? 0;
        db.CharterCommitments.Add(new CharterCommitment { LepId = lepId, Order = order + 1, Text = text! });
        await db.SaveChangesAsync(ct);
        TempData["Confirmation"] = "The commitment is added. People are asked about it from now on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid commitmentId, CancellationToken ct)
    {
        var commitment = await db.CharterCommitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct);
        var allowed = commitment is not null
            && ((commitment.LepId is null && ManagesNational) || (commitment.LepId is not null && commitment.LepId == currentUser.LepId && ManagesLocal));
        if (!allowed)
        {
            return NotFound();
        }

        commitment!.Active = !commitment.Active;
        await db.SaveChangesAsync(ct);
        TempData["Confirmation"] = commitment.Active ? "The commitment is back in use." : "The commitment is retired. Past ratings are kept.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.CharterCommitments.AsNoTracking()
            .Where(c => c.LepId == null || (currentUser.LepId != null && c.LepId == currentUser.LepId))
            .OrderBy(c => c.Order).ToListAsync(ct);
        National = all.Where(c => c.LepId is null).ToList();
        Local = all.Where(c => c.LepId is not null).ToList();
    }
}
