using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Incentives;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Incentives;

/// <summary>Recruitment incentive applications in your LEP, with whether each meets the minimum standards, and the schemes by year.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class IndexModel(IncentiveCommands commands, CurrentUser currentUser) : PageModel
{
    public bool CanApply { get; private set; }
    public bool CanDecide { get; private set; }
    public IReadOnlyList<IncentiveScheme> Schemes { get; private set; } = [];
    public IReadOnlyList<IncentiveApplication> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanApply = currentUser.Has(Permissions.Employers.Manage);
        CanDecide = currentUser.Has(Permissions.Employers.ApproveIncentives);
        Schemes = await commands.Schemes.AsNoTracking().OrderByDescending(s => s.FinancialYear).ToListAsync(ct);
        Applications = await commands.Applications.AsNoTracking().AsSplitQuery().OrderByDescending(a => a.CreatedAt).Take(200).ToListAsync(ct);
    }
}
