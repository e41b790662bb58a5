using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolb.Web.Data;
using Nolb.Web.Domain.Measurement;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Measurement;

/// <summary>
/// The equality gaps of Section 3.3 for an LEP: LEP managers and team leaders see their own LEP in full; national
/// analysts choose any LEP, or Scotland, and see it under disclosure control.
/// </summary>
[Authorize]
public sealed class GapsModel(GapReport report, Statistics statistics, ReportingDbContextFactory reporting, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Lep { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public GapAnalysisResult? Result { get; private set; }
    public IReadOnlyList<SelectListItem> Periods { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Leps { get; private set; } = [];
    public bool ChoosesLep => user.SeesAllLeps();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.Has(Permissions.Statistics.ReadLep) && !user.Has(Permissions.Statistics.ReadNational))
        {
            return Forbid();
        }

        var today = statistics.Today;
        Periods = PeriodChoices(today);
        var period = ReportingPeriod.Parse(Period) is { Kind: PeriodKind.Quarter or PeriodKind.FinancialYear } p ? p : ReportingPeriod.FinancialYearContaining(today);
        Period = period.Label;
        if (await statistics.AreaAsync(Lep, ct) is not { } area)
        {
            return NotFound();
        }

        if (ChoosesLep)
        {
            await using var db = reporting.Create();
            Leps = [new SelectListItem("Scotland", Statistics.ScotlandCode), .. (await db.Leps.OrderBy(l => l.Name).Select(l => new { l.Name, l.Code }).ToListAsync(ct))
                .Select(l => new SelectListItem(l.Name, l.Code))];
        }

        Result = await report.AnalyseAsync(area.LepId, area.Name, period, ct);
        return Page();
    }

    /// <summary>The last six financial years and the last eight quarters, newest first.</summary>
    public static IReadOnlyList<SelectListItem> PeriodChoices(DateOnly today)
    {
        var years = Enumerable.Range(0, 6).Select(i => ReportingPeriod.FinancialYear(ReportingPeriod.FinancialYearContaining(today).From.Year - i));
        var quarters = Enumerable.Range(0, 8).Select(i => ReportingPeriod.QuarterContaining(today.AddMonths(-3 * i)));
        return years.Concat(quarters).Select(p => new SelectListItem($"{p.Label} ({p.Describe()})", p.Label)).ToList();
    }
}
