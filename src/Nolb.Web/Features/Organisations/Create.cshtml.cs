using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Organisations;

[Authorize(Policy = Permissions.Organisations.Manage)]
public sealed class CreateModel(NolbDbContext db, SaveOrganisation save) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Kinds { get; } = OrganisationChoices.Kinds();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Leps = await UserChoices.LepsAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.CreateAsync(Input.ToInput(), ct);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"{result.Organisation!.Name} is added.";
            return RedirectToPage("Edit", new { id = result.Organisation.Id });
        }

        Input.AddErrorsTo(ModelState, result.Errors);
        Leps = await UserChoices.LepsAsync(db, ct);
        return Page();
    }
}

/// <summary>The organisation form's fields, shared by the create and edit pages.</summary>
public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public OrganisationKind? Kind { get; set; }
    public string? LepCode { get; set; }
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public Guid Version { get; set; }

    public OrganisationInput ToInput() => new(Name, Kind, LepCode, Website, ContactEmail);

    public void AddErrorsTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        }
    }
}
