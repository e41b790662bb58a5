using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Organisations;

[Authorize(Policy = Permissions.Organisations.Read)]
public sealed class IndexModel(NolbDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public bool CanManage => currentUser.Has(Permissions.Organisations.Manage);

    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, string? LepName, string? Website);

    public async Task OnGetAsync(CancellationToken ct) =>
        Organisations = await db.Organisations.AsNoTracking().VisibleTo(currentUser)
            .OrderBy(o => o.Lep == null ? "" : o.Lep.Name).ThenBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Lep!.Name, o.Website))
            .ToListAsync(ct);
}
