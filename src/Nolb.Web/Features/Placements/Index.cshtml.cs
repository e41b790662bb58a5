using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Placements;

/// <summary>Your LEP's placements: work experience, job tasters, volunteering, supported employment and ILM jobs.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class IndexModel(EmployerCommands commands, CurrentUser currentUser, Data.NolbDbContext db) : PageModel
{
    public bool CanManage { get; private set; }
    public IReadOnlyList<(Placement Placement, string Reference)> Placements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = currentUser.Has(Permissions.Employers.Manage);
        var rows = await commands.Placements.AsNoTracking().OrderByDescending(p => p.StartDate).Take(200)
            .Join(db.Participants, p => p.ParticipantId, x => x.Id, (p, x) => new { p, x.Reference }).ToListAsync(ct);
        Placements = rows.Select(r => (r.p, r.Reference)).ToList();
    }
}
