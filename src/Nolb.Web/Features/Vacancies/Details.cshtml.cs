using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolb.Web.Domain.Employers;
using Nolb.Web.Features.Employers;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Vacancies;

/// <summary>One vacancy with its Fair Work markers in plain words and, for those who match, the people it suits with every reason.</summary>
[Authorize(Policy = Permissions.Employers.Read)]
public sealed class DetailsModel(EmployerCommands commands, JobMatching matching, CurrentUser currentUser, IOptions<FairWorkSettings> fairWork, TimeProvider clock) : PageModel
{
    public Vacancy? Vacancy { get; private set; }
    public FairWorkMarkers? FairWork { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanMatch { get; private set; }
    public bool ShowNames { get; private set; }
    public bool IsOpen { get; private set; }
    public IReadOnlyList<JobMatching.PersonMatch> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Vacancy = await commands.Vacancies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (Vacancy is null)
        {
            return NotFound();
        }

        FairWork = Domain.Employers.FairWork.Check(Vacancy.HourlyPay, Vacancy.HoursPerWeek, Vacancy.Contract, fairWork.Value.RealLivingWage);
        CanManage = currentUser.Has(Permissions.Employers.Manage);
        CanMatch = currentUser.Has(Permissions.Employers.Match);
        ShowNames = currentUser.Has(Permissions.Participants.ReadLep);
        IsOpen = Vacancy.IsOpenOn(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (CanMatch && IsOpen)
        {
            Matches = (await matching.ForVacancyAsync(id, 20, ct)).Matches;
        }

        return Page();
    }
}
