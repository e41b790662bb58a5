using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

[Authorize(Policy = Permissions.Users.Manage)]
public sealed class IndexModel(NolbDbContext db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lep { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<SelectListItem> Roles { get; } = UserChoices.Roles();
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];

    public sealed record UserRow(Guid Id, string Name, string Email, Role Role, string? LepName, string? OrganisationName, bool Disabled);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Leps = await UserChoices.LepsAsync(db, ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); .NET culture rules do not apply.
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (Role is { } role)
        {
            query = query.Where(u => u.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(Lep))
        {
            query = query.Where(u => u.Lep!.Code == Lep);
        }

        Total = await query.CountAsync(ct);
        Users = await query
            .OrderBy(u => u.DisplayName)
            .Take(PageSize)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email!, u.Role, u.Lep!.Name, u.Organisation!.Name, u.IsDisabled))
            .ToListAsync(ct);
    }
}
