using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Vacancies;

/// <summary>Open vacancies in your LEP with their Fair Work markers, searchable by title.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class IndexModel(EmployerCommands commands, CurrentUser currentUser, IOptions<FairWorkSettings> fairWork, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public bool CanManage { get; private set; }
    public decimal RealLivingWage => fairWork.Value.RealLivingWage;
    public IReadOnlyList<Vacancy> Vacancies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = currentUser.Has(Permissions.Employers.Manage);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var query = commands.Vacancies.AsNoTracking().Where(v => v.Status == VacancyStatus.Open && (v.ClosingDate == null || v.ClosingDate >= today));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); .NET culture rules do not apply.
            query = query.Where(v => v.Title.ToUpper().Contains(term) || v.SocCode == term);
#pragma warning restore CA1304, CA1311, CA1862
        }

        Vacancies = await query.OrderBy(v => v.ClosingDate == null).ThenBy(v => v.ClosingDate).ThenBy(v => v.Title).Take(200).ToListAsync(ct);
    }
}
