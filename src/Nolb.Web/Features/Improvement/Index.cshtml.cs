using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Domain.Improvement;
using Nolb.Web.Features.Assessments;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Improvement;

/// <summary>
/// Continuous improvement for the LEP (Sections 1.5 and 6.3): the partnership's self-assessments against the LEP framework themes,
/// and the improvement action plan with overdue actions highlighted. Progress shows in the delivery plan as live evidence.
/// </summary>
[Authorize(Policy = Permissions.Improvement.Manage)]
public sealed class IndexModel(SelfAssessmentCommands assessments, ImprovementActionCommands actions) : PageModel
{
    [BindProperty]
    public int? FinancialYear { get; set; }

    public IReadOnlyList<SelfAssessment> SelfAssessments { get; private set; } = [];
    public IReadOnlyList<ImprovementAction> Actions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Years { get; private set; } = [];
    public DateOnly Today => actions.Today;
    public static AssessmentFrameworks.Framework Themes => AssessmentFrameworks.LepThemes;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await assessments.StartAsync(AssessmentFramework.LepFramework, FinancialYear, ct);
        if (result.Outcome == PlanningOutcome.Done)
        {
            return RedirectToPage("Assessment", new { id = result.Value!.Id });
        }

        await LoadAsync(ct);
        return result.Handle(ModelState, f => f == "financialYear" ? nameof(FinancialYear) : f) ?? Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SelfAssessments = (await assessments.Visible.AsNoTracking().Where(a => a.Framework == AssessmentFramework.LepFramework).ToListAsync(ct))
            .OrderByDescending(a => a.FinancialYear).ToList();
        Actions = await actions.Actions.AsNoTracking().ToListAsync(ct);
        var thisYear = Domain.Commissioning.FinancialYear.Of(Today).StartYear;
        Years = Enumerable.Range(2021, thisYear - 2020).Reverse()
            .Select(y => new SelectListItem(new Domain.Commissioning.FinancialYear(y).Label, y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        FinancialYear ??= thisYear;
    }
}
