using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Participants;
using Nolb.Web.Security;

namespace Nolb.Web.Features.DataRights;

/// <summary>
/// Where an administrator starts a subject access or erasure request: find the person by reference, name or date of
/// birth (the same search as Find a person), in any LEP. The list shows references and names only; opening a request is what reads the record.
/// </summary>
[Authorize(Policy = Permissions.DataRights.Manage)]
public sealed class IndexModel(NolbDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<DataRightsPerson> Found { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var term = Search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return;
        }

        if (term.Length < 2)
        {
            ModelState.AddModelError(nameof(Search), "Enter at least 2 characters of the person's reference, name or date of birth");
            return;
        }

        Found = await db.Participants.AsNoTracking().Matching(term)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Take(50)
            .Select(p => new DataRightsPerson(p.Id, p.LepId, p.Reference, p.GivenName + " " + p.FamilyName, p.Lep!.Name, p.ErasedAt))
            .ToListAsync(ct);
    }
}
