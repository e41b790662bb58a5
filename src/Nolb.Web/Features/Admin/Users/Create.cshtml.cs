using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

[Authorize(Policy = Permissions.Users.Manage)]
public sealed class CreateModel(NolbDbContext db, CreateUserAccount createUser) : PageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Roles { get; } = UserChoices.Roles();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public sealed class CreateInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public Role? Role { get; set; }
        public string? LepCode { get; set; }
        public Guid? OrganisationId { get; set; }
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Model binding errors (e.g. an unknown role) are replaced by the rules' own plain messages.
        ModelState.Clear();
        var result = await createUser.CreateAsync(
            new UserAccountInput(Input.Email, Input.DisplayName, Input.Role, Input.LepCode, Input.OrganisationId, Input.Password), ct);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"Account created for {result.User!.DisplayName}.";
            return RedirectToPage("Edit", new { id = result.User.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Leps = await UserChoices.LepsAsync(db, ct);
        Organisations = await UserChoices.OrganisationsAsync(db, ct);
    }
}
