using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>Add a service: LEP managers to their own LEP's directory, administrators to any or the national one.</summary>
[Authorize(Policy = Permissions.ServiceDirectory.Manage)]
public sealed class CreateModel(NolbDbContext db, SaveDirectoryService save, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.LepCode = currentUser.LepCode;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!currentUser.SeesAllLeps())
        {
            Input.LepCode = currentUser.LepCode;
        }

        var result = await save.CreateAsync(Input.ToInput(), ct);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"{result.Service!.Name} is added to the directory.";
            return RedirectToPage("Service", new { id = result.Service.Id });
        }

        ServiceForm.AddErrorsTo(ModelState, result.Errors);
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        ViewData["Organisations"] = await ServiceForm.OrganisationsAsync(db, currentUser, ct);
        if (currentUser.SeesAllLeps())
        {
            ViewData["Leps"] = await UserChoices.LepsAsync(db, ct);
        }
    }
}
