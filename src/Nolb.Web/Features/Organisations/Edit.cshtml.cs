using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Organisations;

[Authorize(Policy = Permissions.Organisations.Manage)]
public sealed class EditModel(NolbDbContext db, SaveOrganisation save) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Kinds { get; } = OrganisationChoices.Kinds();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.Include(o => o.Lep).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        Input = new OrganisationForm
        {
            Name = organisation.Name,
            Kind = organisation.Kind,
            LepCode = organisation.Lep?.Code,
            Website = organisation.Website,
            ContactEmail = organisation.ContactEmail,
            Version = organisation.Version,
        };
        Leps = await UserChoices.LepsAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var result = await save.UpdateAsync(organisation, Input.ToInput(), Input.Version, ct);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"Changes to {organisation.Name} are saved.";
            return RedirectToPage(new { id });
        }

        Input.AddErrorsTo(ModelState, result.Errors);
        Leps = await UserChoices.LepsAsync(db, ct);
        return Page();
    }
}
