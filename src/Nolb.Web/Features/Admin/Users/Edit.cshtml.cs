using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

/// <summary>
/// Change an account's name, role, LEP and organisation, disable or enable it, or set a new password.
/// Any of these signs the person out everywhere (the security stamp changes), so a change of role or a
/// disabling takes effect at once.
/// </summary>
[Authorize(Policy = Permissions.Users.Manage)]
public sealed class EditModel(NolbDbContext db, UserManager<NolbUser> userManager, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    public string Email { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public IReadOnlyList<SelectListItem> Roles { get; } = UserChoices.Roles();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public sealed class EditInput
    {
        public string? DisplayName { get; set; }
        public Role? Role { get; set; }
        public string? LepCode { get; set; }
        public Guid? OrganisationId { get; set; }
        public bool Disabled { get; set; }
        public string? ConcurrencyStamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await LoadAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        Input = new EditInput
        {
            DisplayName = user.DisplayName,
            Role = user.Role,
            LepCode = user.Lep?.Code,
            OrganisationId = user.OrganisationId,
            Disabled = user.IsDisabled,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var user = await LoadAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var validation = await new UserAccountValidator(db, passwordRequired: false)
            .ValidateAsync(new UserAccountInput(user.Email, Input.DisplayName, Input.Role, Input.LepCode, Input.OrganisationId), ct);
        if (Input.Disabled && user.Id == currentUser.Id)
        {
            ModelState.AddModelError("Input.Disabled", "You cannot disable your own account. Ask another administrator");
        }

        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"Input.{error.PropertyName}", error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName!.Trim();
        user.Role = Input.Role!.Value;
        user.LepId = string.IsNullOrWhiteSpace(Input.LepCode)
            ? null
            : await db.Leps.Where(l => l.Code == CouncilAreaCodes.Normalise(Input.LepCode)).Select(l => l.Id).SingleAsync(ct);
        user.OrganisationId = Input.OrganisationId;
        user.IsDisabled = Input.Disabled;

        // The stamp the form was read with must still be the stored one, so a save over someone else's change is
        // refused. A new security stamp signs the person out everywhere, so the change takes effect at once.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.SecurityStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this account while you were editing it. Reload the page to see their change, then make yours again");
            return Page();
        }

        TempData["Confirmation"] = $"Changes to {user.DisplayName}'s account are saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken ct)
    {
        var user = await LoadAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter a new password of at least 12 characters");
            PrefillFrom(user);
            return Page();
        }

        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var result = await userManager.ResetPasswordAsync(user, token, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            }

            PrefillFrom(user);
            return Page();
        }

        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        TempData["Confirmation"] = $"{user.DisplayName} has a new password and is no longer locked out.";
        return RedirectToPage(new { id });
    }

    private void PrefillFrom(NolbUser user) => Input = new EditInput
    {
        DisplayName = user.DisplayName,
        Role = user.Role,
        LepCode = user.Lep?.Code,
        OrganisationId = user.OrganisationId,
        Disabled = user.IsDisabled,
        ConcurrencyStamp = user.ConcurrencyStamp,
    };

    private async Task<NolbUser?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Lep).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is not null)
        {
            Email = user.Email ?? "";
            LockedOut = user.LockoutEnd > clock.GetUtcNow();
            Leps = await UserChoices.LepsAsync(db, ct);
            Organisations = await UserChoices.OrganisationsAsync(db, ct);
        }

        return user;
    }
}
