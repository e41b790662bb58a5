using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Users;

/// <summary>The lists the user forms choose from.</summary>
public static class UserChoices
{
    public static IReadOnlyList<SelectListItem> Roles() =>
        Enum.GetValues<Role>().Select(r => new SelectListItem(r.DisplayName(), r.ToString())).ToList();

    public static async Task<IReadOnlyList<SelectListItem>> LepsAsync(NolbDbContext db, CancellationToken ct) =>
        await db.Leps.OrderBy(l => l.Name).Select(l => new SelectListItem(l.Name + " (" + l.Code + ")", l.Code)).ToListAsync(ct);

    public static async Task<IReadOnlyList<SelectListItem>> OrganisationsAsync(NolbDbContext db, CancellationToken ct) =>
        await db.Organisations
            .OrderBy(o => o.Lep == null ? "" : o.Lep.Name).ThenBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name + (o.Lep == null ? " (national)" : " (" + o.Lep.Name + ")"), o.Id.ToString()))
            .ToListAsync(ct);
}
