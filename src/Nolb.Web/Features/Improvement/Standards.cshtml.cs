using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Commissioning;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// The Employability Service Standards and the self-assessments against them: a partner worker sees and starts their own
/// organisation's; an LEP manager sees every one in the LEP, compared across partners and years, and starts the LEP's own.
/// </summary>
[Authorize(Policy = Permissions.Improvement.SelfAssessStandards)]
public sealed class StandardsModel(SelfAssessmentCommands commands) : PageModel
{
    public sealed record Row(Guid Id, string Who, int Year, SelfAssessmentStatus Status, IReadOnlyList<int?> Scores);

    [BindProperty]
    public int? FinancialYear { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Years { get; private set; } = [];
    public bool IsManager => commands.IsManager;
    public static AssessmentFrameworks.Framework Standards => AssessmentFrameworks.ServiceStandards;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.StartAsync(AssessmentFramework.ServiceStandards, FinancialYear, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            return RedirectToPage("Assessment", new { id = result.Value!.Id });
        }

        await LoadAsync(ct);
        return result.Handle(ModelState, f => f == "financialYear" ? nameof(FinancialYear) : f) ?? Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var names = await commands.OrganisationNamesAsync(ct);
        var all = await commands.Visible.AsNoTracking().Where(a => a.Framework == AssessmentFramework.ServiceStandards).ToListAsync(ct);
        Rows = all.Select(a => new Row(a.Id, a.OrganisationId is { } o ? names.GetValueOrDefault(o, "A delivery partner") : "The LEP", a.FinancialYear, a.Status,
                Standards.Items.Select(i => a.ScoreFor(i.Code)).ToList()))
            .OrderBy(r => r.Who == "The LEP" ? 0 : 1).ThenBy(r => r.Who, StringComparer.Ordinal).ThenByDescending(r => r.Year).ToList();
        var thisYear = Domain.Commissioning.FinancialYear.Of(commands.Today).StartYear;
        Years = Enumerable.Range(2021, thisYear - 2020).Reverse()
            .Select(y => new SelectListItem(new FinancialYear(y).Label, y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        FinancialYear ??= thisYear;
    }
}
