using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Employers;

/// <summary>Your LEP's employers, searchable by name.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class IndexModel(EmployerCommands commands, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public bool CanManage { get; private set; }
    public IReadOnlyList<Employer> Employers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = currentUser.Has(Permissions.Employers.Manage);
        var query = commands.Employers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); .NET culture rules do not apply.
            query = query.Where(e => e.Name.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Employers = await query.OrderBy(e => e.Name).Take(200).ToListAsync(ct);
    }
}
