using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolb.Web.Data;
using Nolb.Web.Features.Admin.Users;
using Nolb.Web.Security;

namespace Nolb.Web.Features.ServiceDirectory;

/// <summary>Change a service. A save made against an older version is refused, so two editors never overwrite each other.</summary>
[Authorize(Policy = Permissions.ServiceDirectory.Manage)]
public sealed class EditModel(NolbDbContext db, SaveDirectoryService save, CurrentUser currentUser) : PageModel
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public string ServiceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var service = await save.LoadAsync(id, ct);
        if (service is null || !currentUser.CanSee(service))
        {
            return NotFound();
        }

        if (!currentUser.CanManage(service))
        {
            return Forbid();
        }

        Input = ServiceForm.From(service);
        ServiceName = service.Name;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!currentUser.SeesAllLeps())
        {
            Input.LepCode = currentUser.LepCode;
        }

        var result = await save.UpdateAsync(id, Input.ToInput(), Input.Version, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"Changes to {result.Service!.Name} are saved.";
            return RedirectToPage("Service", new { id });
        }

        ServiceForm.AddErrorsTo(ModelState, result.Errors);
        ServiceName = Input.Name ?? "";
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
